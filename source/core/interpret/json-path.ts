type Step = { key: string } | { index: number } | { all: true };

/**
 * Reads the values at a small JSONPath subset: `items[*].status.phase`, `$.spec.replicas`,
 * `{.items[0].metadata.name}`, `metadata['app.kubernetes.io/name']`. Undefined when the text is
 * not JSON; an empty list when the path leads nowhere.
 */
export function readJsonPath(text: string, path: string): unknown[] | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  let current: unknown[] = [document];
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const value of current) {
      if ('all' in step) {
        if (Array.isArray(value)) next.push(...value);
        else if (value && typeof value === 'object') next.push(...Object.values(value));
      } else if ('index' in step) {
        if (Array.isArray(value)) {
          const item = value[step.index < 0 ? value.length + step.index : step.index];
          if (item !== undefined) next.push(item);
        }
      } else if (value && typeof value === 'object' && step.key in value) {
        next.push((value as Record<string, unknown>)[step.key]);
      }
    }
    current = next;
  }
  return current;
}

export function parsePath(path: string): Step[] {
  const text = path.trim().replace(/^\{(.*)\}$/s, '$1').replace(/^\$/, '');
  const steps: Step[] = [];
  const pattern = /\.?([A-Za-z0-9_\-$]+)|\[\*\]|\[(-?\d+)\]|\[['"]([^'"]+)['"]\]|\.\*/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '[*]' || match[0] === '.*') steps.push({ all: true });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else steps.push({ key: match[3] ?? match[1] ?? '' });
  }
  return steps;
}
