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
 */
export function blockSequenceItems(text: string, key: string): { line: number; col: number }[] | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0 || lines[start]?.slice(key.length + 1).trim().replace(/#.*$/, '') !== '') return undefined;
  const items: { line: number; col: number }[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lead = line.length - line.trimStart().length;
    if (lead === 0 && !line.startsWith('-')) break;
    if (indent === undefined) {
      if (!line.trimStart().startsWith('- ') && line.trim() !== '-') return undefined;
      indent = lead;
    }
    if (lead === indent && (line.slice(lead).startsWith('- ') || line.slice(lead) === '-')) items.push({ line: i + 1, col: lead + 3 });
    else if (lead < indent) break;
  }
  return items;
}
