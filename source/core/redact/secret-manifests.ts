const MARK = '[REDACTED:secret-data]';

/**
 * Redacts the values under `data:` and `stringData:` of Kubernetes Secrets, in YAML and in JSON,
 * keeping the keys (their names are evidence; their values never are). ConfigMaps are untouched.
 */
export function redactSecretManifests(text: string): string {
  if (!/\bSecret\b/.test(text)) return text;
  return redactJsonSecrets(redactYamlSecrets(text));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether the mapping that holds line `index` (at `indent`) declares `kind: Secret`. */
function siblingsDeclareSecret(lines: string[], index: number, indent: number): boolean {
  const isKindSecret = (line: string) => indentOf(line) === indent && /^\s*-?\s*kind:\s*["']?Secret["']?\s*$/.test(line);
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.trim() === '' ) continue;
    if (/^---/.test(line) || indentOf(line) < indent) {
      // A list item "- kind: Secret" starts the mapping two columns to the left.
      if (isKindSecretListItem(line, indent)) return true;
      break;
    }
    if (isKindSecret(line)) return true;
  }
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (/^---/.test(line) || indentOf(line) < indent) break;
    if (isKindSecret(line)) return true;
  }
  return false;
}

function isKindSecretListItem(line: string, indent: number): boolean {
  const match = /^(\s*)-\s+kind:\s*["']?Secret["']?\s*$/.exec(line);
  return match !== null && (match[1] ?? '').length + 2 === indent;
}

function redactYamlSecrets(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^(\s*)(-\s+)?(data|stringData):\s*(\{.*\})?\s*$/.exec(lines[i] as string);
    if (!header) continue;
    const indent = (header[1] ?? '').length + (header[2] ?? '').length;
    if (!siblingsDeclareSecret(lines, i, indent)) continue;
    if (header[4]) {
      lines[i] = `${(lines[i] as string).slice(0, (lines[i] as string).indexOf('{'))}{${MARK}}`;
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] as string;
      if (line.trim() === '') continue;
      if (indentOf(line) <= indent) break;
      const pair = /^(\s*["']?[^:"']+["']?:)(\s*)(.*)$/.exec(line);
      if (pair && pair[3] !== '') {
        // A block scalar (key: |) keeps its indicator; the indented lines under it are redacted below.
        lines[j] = /^[|>][-+]?$/.test(pair[3] ?? '') ? line : `${pair[1]}${pair[2] || ' '}${MARK}`;
      } else if (!pair) {
        lines[j] = `${' '.repeat(indentOf(line))}${MARK}`;
      }
    }
  }
  return lines.join('\n');
}

function redactJsonSecrets(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return text;
  }
  let changed = false;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.kind === 'Secret') {
      for (const field of ['data', 'stringData']) {
        const data = record[field];
        if (data && typeof data === 'object') {
          for (const key of Object.keys(data)) (data as Record<string, unknown>)[key] = MARK;
          changed = true;
        }
      }
      // The last-applied annotation repeats the whole manifest, values included.
      const annotations = (record.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
      if (annotations?.['kubectl.kubernetes.io/last-applied-configuration']) {
        annotations['kubectl.kubernetes.io/last-applied-configuration'] = MARK;
        changed = true;
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(parsed);
  if (!changed) return text;
  const indent = /\n(\s+)"/.exec(trimmed)?.[1]?.length ?? 0;
  return JSON.stringify(parsed, null, indent || undefined);
}
