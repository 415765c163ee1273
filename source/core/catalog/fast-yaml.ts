import jsYaml from 'js-yaml';
import type { Problem } from './problem.js';

/**
 * Parses YAML with js-yaml, about ten times faster than the position-keeping parser, which is
 * only needed when something must be located (a problem, a lint finding).
 */
export function parseYamlFast(file: string, text: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: jsYaml.load(text, { filename: file, json: false }) };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0] ?? 'not valid YAML';
    return { problem: { file, line: (mark?.line ?? 0) + 1, col: (mark?.column ?? 0) + 1, rule: 'YAML', message: reason } };
  }
}

/**
 * The line and column of each item of the top-level block sequence under `key:` (the tests of a
 * catalogue file), found by indentation alone; undefined when the file is laid out otherwise.
 * One pass with indexOf, no per-line strings: catalogue files can be megabytes.
 */
export function blockSequenceItems(text: string, key: string): { line: number; col: number }[] | undefined {
  const header = new RegExp(`^${key}:[ \\t]*(#.*)?$`, 'm').exec(text);
  if (!header) return undefined;
  let line = lineNumberAt(text, header.index);
  let at = text.indexOf('\n', header.index);
  const items: { line: number; col: number }[] = [];
  let indent = -1;
  while (at !== -1 && at < text.length) {
    const start = at + 1;
    line++;
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let lead = 0;
    while (start + lead < stop && text.charCodeAt(start + lead) === 32) lead++;
    const first = text.charCodeAt(start + lead);
    const blank = start + lead >= stop || first === 35; /* # */
    if (!blank) {
      if (lead === 0 && first !== 45 /* - */) break;
      const isItem = first === 45 && (start + lead + 1 >= stop || text.charCodeAt(start + lead + 1) === 32);
      if (indent < 0) {
        if (!isItem) return undefined;
        indent = lead;
      }
      if (lead === indent && isItem) items.push({ line, col: lead + 3 });
      else if (lead < indent) break;
    }
    at = end;
  }
  return items;
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
