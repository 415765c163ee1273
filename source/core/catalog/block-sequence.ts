import { COLON, DASH, HASH, NEWLINE, SPACE, TAB } from './char-codes.js';

/** One item of a top-level block sequence: its bytes, and where its content starts. */
export type SequenceItem = { start: number; end: number; line: number; col: number };

/** A top-level `key:` whose value is a block sequence, found by indentation alone. */
export type BlockSequence = {
  /** The `key:` line, newline included. */
  headerStart: number;
  headerEnd: number;
  /** Where the lines after the sequence begin (the file's length when nothing follows). */
  end: number;
  items: SequenceItem[];
};


/**
 * Finds the items of the block sequence under a top-level `key:` in YAML bytes, without parsing:
 * an item starts at each `- ` line at the sequence's indentation, and ends where the next starts.
 * YAML's indentation rules make that exact for well-formed files; anything unusual (tabs or
 * carriage returns in the layout, a flow value, a line indented less than the items, no items)
 * gives undefined and the caller parses the whole file instead. Bytes, not a string: catalogue
 * files can be megabytes, and UTF-8 never hides an ASCII byte inside a longer character.
 */
export function findBlockSequence(bytes: Uint8Array, key: string): BlockSequence | undefined {
  if (bytes.indexOf(13) !== -1) return undefined;
  const header = findHeader(bytes, key);
  if (!header) return undefined;
  const items: SequenceItem[] = [];
  let line = header.line;
  let indent = -1;
  let at = header.end;
  let end = bytes.length;
  while (at < bytes.length) {
    line++;
    const next = bytes.indexOf(NEWLINE, at);
    const stop = next === -1 ? bytes.length : next;
    let lead = 0;
    while (at + lead < stop && bytes[at + lead] === SPACE) lead++;
    const first = at + lead < stop ? bytes[at + lead] : undefined;
    const blank = first === undefined || first === HASH || onlyBlanks(bytes, at + lead, stop);
    if (!blank) {
      // A tab after the item's indentation is content (a block scalar may hold one); at or before it, leave the file to the parser.
      if (first === TAB && (indent < 0 || lead <= indent)) return undefined;
      if (first === TAB) {
        at = next === -1 ? bytes.length : next + 1;
        continue;
      }
      const isItem = first === DASH && (at + lead + 1 >= stop || bytes[at + lead + 1] === SPACE);
      if (lead === 0 && !isItem) {
        end = at;
        break;
      }
      if (indent < 0) {
        if (!isItem) return undefined;
        indent = lead;
      }
      if (lead < indent) return undefined;
      if (lead === indent) {
        if (!isItem) return undefined;
        const last = items[items.length - 1];
        if (last) last.end = at;
        items.push({ start: at, end: stop, line, col: lead + 3 });
      }
    }
    at = next === -1 ? bytes.length : next + 1;
  }
  const last = items[items.length - 1];
  if (!last) return undefined;
  last.end = end;
  return { headerStart: header.start, headerEnd: header.end, end, items };
}

/** The first line that is exactly `key:` at column 0, maybe with a comment. */
function findHeader(bytes: Uint8Array, key: string): { start: number; end: number; line: number } | undefined {
  const keyBytes = Buffer.from(`${key}:`);
  let line = 1;
  let at = 0;
  while (at < bytes.length) {
    const next = bytes.indexOf(NEWLINE, at);
    const stop = next === -1 ? bytes.length : next;
    if (startsWith(bytes, at, keyBytes)) {
      let rest = at + keyBytes.length;
      while (rest < stop && (bytes[rest] === SPACE || bytes[rest] === TAB)) rest++;
      // `tests: [...]` or `tests: x` is not a block sequence; `tests:` alone or with a comment is.
      if (rest === stop || bytes[rest] === HASH) return { start: at, end: next === -1 ? bytes.length : next + 1, line };
      return undefined;
    }
    line++;
    at = next === -1 ? bytes.length : next + 1;
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  // `tests:` must not be the start of `tests:x` used as a longer plain key; the colon is last.
  return prefix[prefix.length - 1] === COLON;
}

function onlyBlanks(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== SPACE && bytes[i] !== TAB) return false;
  return true;
}
