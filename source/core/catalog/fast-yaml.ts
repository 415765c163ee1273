import jsYaml from 'js-yaml';
import { findBlockSequence, type SequenceItem } from './block-sequence.js';
import { readBlockYaml } from './block-yaml.js';
import type { Problem } from './problem.js';

/**
 * YAML's value: catalogue-style block YAML by our own reader, anything else (and every error) by
 * js-yaml, which gives the same value. Throws js-yaml's error.
 */
function loadYaml(file: string, text: string, layout: 'any' | 'sequence item' = 'any'): unknown {
  const read = readBlockYaml(text, layout);
  return read ? read.value : jsYaml.load(text, { filename: file, json: false });
}

/**
 * Parses YAML quickly (see loadYaml), about ten times faster than the position-keeping parser,
 * which is only needed when something must be located (a problem, a lint finding).
 */
export function parseYamlFast(file: string, text: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: loadYaml(file, text) };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0] ?? 'not valid YAML';
    return { problem: { file, line: (mark?.line ?? 0) + 1, col: (mark?.column ?? 0) + 1, rule: 'YAML', message: reason } };
  }
}

/** A parsed catalogue file, and where each item of its `key:` sequence sits when that is known. */
export type ParsedFile = {
  value: unknown;
  /** Present when the items were found by layout; `chunked` when each was parsed on its own. */
  items?: SequenceItem[];
  chunked: boolean;
};

/**
 * A catalogue file whose items (its tests, or hypotheses) can be parsed one at a time: each item,
 * and the file without them, is its own small YAML text. That is about twice as fast as one parse
 * of a large file, because small strings and the objects parsed from them die young instead of
 * filling the old generation, and it lets a YAML error in one item cost only that item.
 */
export type ItemStream = {
  /** The file without its items: `key: []` in their place. */
  head: Record<string, unknown>;
  items: SequenceItem[];
  item(index: number): { value: unknown } | { problem: Problem };
};

/**
 * The items of a file, one by one, or undefined when the file must be parsed whole: a layout the
 * scan does not recognise, directives or document markers (they apply to every item), or what may
 * be an alias (it may point into another item). For a file that parses, each item's value is
 * exactly its value in the whole file.
 */
export function streamSequenceFile(file: string, bytes: Buffer, key: string): ItemStream | undefined {
  const sequence = findBlockSequence(bytes, key);
  if (!sequence || mayHaveAlias(bytes)) return undefined;
  const rest = `${bytes.toString('utf8', 0, sequence.headerStart)}${key}: []\n${bytes.toString('utf8', sequence.end)}`;
  if (/^(%|---|\.\.\.)/m.test(rest)) return undefined;
  let head: unknown;
  try {
    head = loadYaml(file, rest);
  } catch {
    return undefined;
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined;
  const list = (head as Record<string, unknown>)[key];
  if (!Array.isArray(list) || list.length !== 0) return undefined;
  const items = sequence.items;
  return {
    head: head as Record<string, unknown>,
    items,
    item: (index) => {
      const item = items[index] as SequenceItem;
      try {
        const value = loadYaml(file, bytes.toString('utf8', item.start, item.end), 'sequence item');
        if (Array.isArray(value) && value.length === 1) return { value: value[0] };
        return { problem: { file, line: item.line, col: item.col, rule: 'YAML', message: 'this item does not read as one list entry' } };
      } catch (error) {
        // The error is placed within the item's text: its first line is the item's line.
        const mark = (error as { mark?: { line: number; column: number } }).mark;
        const reason = (error as { reason?: string }).reason ?? 'not valid YAML';
        return { problem: { file, line: item.line + (mark?.line ?? 0), col: (mark?.column ?? 0) + 1, rule: 'YAML', message: reason } };
      }
    },
  };
}

/**
 * Parses a catalogue file item by item when it can, else whole; either way the value, or the
 * error, is exactly that of the plain parse (an item that does not parse alone sends the whole
 * file to the plain parse). For files read whole anyway: components and hypotheses.
 */
export function parseSequenceFile(file: string, bytes: Buffer, key: string): ParsedFile | { problem: Problem } {
  const stream = streamSequenceFile(file, bytes, key);
  if (stream) {
    const values: unknown[] = [];
    for (let i = 0; i < stream.items.length; i++) {
      const item = stream.item(i);
      if ('problem' in item) break;
      values.push(item.value);
    }
    if (values.length === stream.items.length) return { value: { ...stream.head, [key]: values }, items: stream.items, chunked: true };
  }
  return parseWholeFile(file, bytes, key, stream?.items);
}

/**
 * The plain parse of a whole catalogue file, with its items' places when the layout shows them:
 * for a file streamSequenceFile turned down (`items`, when already found, spares a second scan).
 */
export function parseWholeFile(file: string, bytes: Buffer, key: string, items = findBlockSequence(bytes, key)?.items): ParsedFile | { problem: Problem } {
  const whole = parseYamlFast(file, bytes.toString('utf8'));
  if ('problem' in whole) return whole;
  return { value: whole.value, ...(items ? { items } : {}), chunked: false };
}

/** Parses one item's bytes on their own (a test read back); undefined if they do not. */
export function parseItem(file: string, bytes: Buffer): unknown {
  try {
    const value = loadYaml(file, bytes.toString('utf8'));
    return Array.isArray(value) && value.length === 1 ? value[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an alias may point at an anchor: some `*name` whose `&name` is also in the file. Found
 * by bytes alone, over-approximating both ("2>&1" is an anchor named 1, "** server" an alias
 * named *), so a match only ever sends a file to the slower whole parse. An alias with no anchor
 * is an error either way; parsed item by item it costs only its own item.
 */
function mayHaveAlias(bytes: Uint8Array): boolean {
  const anchors = namesAfter(bytes, 38 /* & */);
  if (anchors.size === 0) return false;
  for (const alias of namesAfter(bytes, 42 /* * */)) if (anchors.has(alias)) return true;
  return false;
}

/** Every run of bytes after `mark` up to a space, a line end or a flow indicator. */
function namesAfter(bytes: Uint8Array, mark: number): Set<string> {
  const names = new Set<string>();
  for (let at = bytes.indexOf(mark); at !== -1; at = bytes.indexOf(mark, at + 1)) {
    let end = at + 1;
    while (end < bytes.length && !ENDS_NAME.has(bytes[end] as number)) end++;
    if (end > at + 1) names.add(Buffer.from(bytes.buffer, bytes.byteOffset + at + 1, end - at - 1).toString('latin1'));
  }
  return names;
}

const ENDS_NAME = new Set([9, 10, 13, 32, 44, 91, 93, 123, 125]);
