const cache = new Map<string, RegExp>();

/**
 * Compiles a catalogue regex: either a bare pattern or `/pattern/flags`. Multiline is always on so
 * `^` and `$` mean the start and end of a line of output.
 */
export function compileRegex(pattern: string, extraFlags = ''): RegExp {
  const key = `${extraFlags}\u0000${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  const source = literal ? (literal[1] ?? '') : pattern;
  const flags = new Set([...(literal?.[2] ?? ''), 'm', ...extraFlags]);
  const regex = new RegExp(source, [...flags].join(''));
  cache.set(key, regex);
  return regex;
}

/** The error message when a pattern does not compile, for lint. */
export function regexProblem(pattern: string): string | undefined {
  try {
    compileRegex(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
