import { redactionMarker } from './key-names.js';

const MARK = redactionMarker('secret-data');

/**
 * Redacts the values under `data:` and `stringData:` of Kubernetes Secrets, keeping the keys
 * (their names are evidence; their values never are). Handles YAML and pretty-printed JSON
 * (`kubectl get secret -o yaml|json`, lists of Secrets) line by line, so the line count never
 * changes, and compact JSON on one line (the last-applied-configuration annotation, `jq -c`).
 * ConfigMaps and everything else are untouched.
 */
export function redactSecretManifests(text: string): string {
  if (!text.includes('Secret')) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (COMPACT_KIND_SECRET.test(line)) {
      lines[i] = redactCompactJson(line);
      continue;
    }
    const header = blockHeader(line);
    if (!header || !siblingsDeclareSecret(lines, i, header)) continue;
    if (header.inline) {
      lines[i] = header.style === 'yaml' ? `${line.slice(0, line.indexOf('{'))}{${MARK}}` : line;
      continue;
    }
    i = redactBlock(lines, i, header);
  }
  return lines.join('\n');
}

type Header = { style: 'yaml' | 'json'; indent: number; inline: boolean };

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** `data:` / `stringData:` in YAML (possibly as the first key of a list item), `"data": {` in JSON. */
export function blockHeader(line: string): Header | undefined {
  const yaml = /^(\s*)(-\s+)?(?:data|stringData):\s*(\{.*\})?\s*(#.*)?$/.exec(line);
  if (yaml) return { style: 'yaml', indent: (yaml[1] ?? '').length + (yaml[2] ?? '').length, inline: yaml[3] !== undefined };
  const json = /^(\s*)"(?:data|stringData)":\s*\{\s*(\},?)?\s*$/.exec(line);
  if (json) return { style: 'json', indent: (json[1] ?? '').length, inline: json[2] !== undefined };
  return undefined;
}

/** A sibling `kind:` line of the mapping that holds a header at `indent`. */
export function siblingKind(line: string, header: Header): string | undefined {
  if (indentOf(line) !== header.indent) return undefined;
  const match = header.style === 'yaml' ? /^\s*kind:\s*["']?([A-Za-z]+)["']?\s*$/.exec(line) : /^\s*"kind":\s*"([A-Za-z]+)",?\s*$/.exec(line);
  return match?.[1];
}

/** A line that closes the mapping holding a header at `indent`. */
export function closesMapping(line: string, header: Header): boolean {
  if (line.trim() === '') return false;
  if (header.style === 'yaml' && /^(---|\.\.\.)\s*$/.test(line)) return true;
  return indentOf(line) < header.indent;
}

/** Whether the mapping that holds line `index` declares `kind: Secret` (before or after it). */
function siblingsDeclareSecret(lines: readonly string[], index: number, header: Header): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (closesMapping(line, header)) {
      if (isKindSecretListItem(line, header)) return true;
      break;
    }
    const kind = siblingKind(line, header);
    if (kind !== undefined) return kind === 'Secret';
  }
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (closesMapping(line, header)) return false;
    const kind = siblingKind(line, header);
    if (kind !== undefined) return kind === 'Secret';
  }
  return false;
}

/** "- kind: Secret" opens the list item whose other keys sit two columns to the right. */
function isKindSecretListItem(line: string, header: Header): boolean {
  const match = /^(\s*)-\s+kind:\s*["']?Secret["']?\s*$/.exec(line);
  return header.style === 'yaml' && match !== null && (match[1] ?? '').length + 2 === header.indent;
}

/** Replaces every value inside the block that starts at `start`; returns the block's last line. */
function redactBlock(lines: string[], start: number, header: Header): number {
  let j = start + 1;
  for (; j < lines.length; j++) {
    const line = lines[j] as string;
    if (line.trim() === '') continue;
    if (indentOf(line) <= header.indent) break;
    lines[j] = header.style === 'yaml' ? redactYamlEntry(line) : redactJsonEntry(line);
  }
  return j - 1;
}

function redactYamlEntry(line: string): string {
  if (line.trimStart().startsWith(MARK)) return line;
  const pair = /^(\s*["']?[^:"'\s][^:"']*["']?:)(\s*)(.*)$/.exec(line);
  if (!pair) return `${' '.repeat(indentOf(line))}${MARK}`;
  const value = pair[3] ?? '';
  // A block scalar (key: |) keeps its indicator; the indented lines under it are replaced whole.
  if (value === '' || /^[|>][-+]?\d?\s*$/.test(value)) return line;
  return `${pair[1]}${pair[2] || ' '}${MARK}`;
}

function redactJsonEntry(line: string): string {
  const pair = /^(\s*"[^"]*":\s*)"(?:[^"\\]|\\.)*"(,?)\s*$/.exec(line);
  return pair ? `${pair[1]}"${MARK}"${pair[2]}` : `${' '.repeat(indentOf(line))}"${MARK}"`;
}

// `"kind":"Secret"`, also with the quotes escaped as inside a JSON string.
const COMPACT_KIND_SECRET = /\\?"kind\\?"\s*:\s*\\?"Secret\\?"/;
const COMPACT_DATA = /\\?"(?:data|stringData)\\?"\s*:\s*\{/g;

/** In one line of compact JSON that declares a Secret, empties every data and stringData object. */
function redactCompactJson(line: string): string {
  let out = '';
  let from = 0;
  for (const match of line.matchAll(COMPACT_DATA)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    if (open < from) continue;
    const close = matchingBrace(line, open);
    out += `${line.slice(from, open)}{"${MARK}"}`;
    from = close + 1;
  }
  return out + line.slice(from);
}

/** The index of the brace closing the one at `open`, or the end of the line if it never closes. */
function matchingBrace(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '{') depth++;
    else if (line[i] === '}' && --depth === 0) return i;
  }
  return line.length - 1;
}
