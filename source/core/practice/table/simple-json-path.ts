type Step = { key: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } };

/**
 * The small JSONPath subset CRD printer columns use: `.status.phase`, `.spec.items[0].name`,
 * `.status.conditions[?(@.type=="Ready")].status`, `.spec.hosts[*]`. Returns every match.
 */
export function evaluateJsonPath(object: unknown, path: string): unknown[] {
  const steps = parsePath(path);
  if (!steps) return [];
  let current: unknown[] = [object];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if ('key' in step) {
        if (value && typeof value === 'object' && !Array.isArray(value) && step.key in value) next.push((value as Record<string, unknown>)[step.key]);
      } else if ('index' in step) {
        if (Array.isArray(value) && value[step.index] !== undefined) next.push(value[step.index]);
      } else if ('all' in step) {
        if (Array.isArray(value)) next.push(...value);
      } else if (Array.isArray(value)) {
        const { filter } = step;
        next.push(...value.filter((item) => String(readPath(item, filter.path) ?? '') === filter.value));
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

function readPath(value: unknown, keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

function parsePath(path: string): Step[] | undefined {
  const steps: Step[] = [];
  const pattern = /\.([A-Za-z0-9_$-]+)|\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*["']([^"']*)["']\)\]|\[(\d+)\]|\[\*\]|\['([^']+)'\]/gy;
  let text = path.trim().replace(/^\{|\}$/g, '');
  if (text.startsWith('$')) text = text.slice(1);
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null) {
    consumed = pattern.lastIndex;
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ filter: { path: match[2].split('.'), value: match[3] ?? '' } });
    else if (match[4] !== undefined) steps.push({ index: Number(match[4]) });
    else if (match[5] !== undefined) steps.push({ key: match[5] });
    else steps.push({ all: true });
  }
  return consumed === text.length ? steps : undefined;
}
