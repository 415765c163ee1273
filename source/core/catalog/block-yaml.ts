import { COLON, DASH, DOUBLE_QUOTE, GREATER, HASH, NEWLINE, OPEN_BRACE, OPEN_BRACKET, PIPE, QUESTION, SINGLE_QUOTE, SPACE, TAB } from './char-codes.js';
import { readBlockScalar } from './block-yaml/block-scalar.js';
import { readFlow } from './block-yaml/flow.js';
import { KeyStrings } from './block-yaml/keys.js';
import { NOT_PLAIN_START, readPlain, readQuoted } from './block-yaml/scalars.js';
import { GIVE_UP, giveUp, isKeyChar, isKeyStart, YamlText, type Read } from './block-yaml/text.js';

/**
 * A reader for the block-style YAML that catalogue files are written in: block mappings and
 * sequences, plain, quoted and block scalars, one-line flow collections, comments. It gives
 * exactly js-yaml's value for what it reads, two to three times as fast, and gives up (undefined)
 * on everything else (anchors, tags, complex keys, tabs for indentation, any error), so the caller
 * then asks js-yaml, which gives the same value or the error with its position.
 *
 * Plain scalars that could be something other than a string (a number, true, null, a date) are
 * resolved by js-yaml itself, so the two never disagree on types. This file reads the structure;
 * block-yaml/ holds the scalars, the flow collections and the line arithmetic they share.
 */
export function readBlockYaml(text: string, layout: 'any' | 'sequence item' = 'any'): { value: unknown } | undefined {
  // An item found by findBlockSequence has no line at column 0 that is not its own `- ` line:
  // such a line ends the sequence. So it holds no directive or document marker to look for.
  if (UNUSUAL.test(text) || (layout === 'any' && hasMarkerLine(text))) return undefined;
  try {
    const reader = new Reader(text);
    const start = reader.skipBlankLines(0);
    if (start >= text.length) return undefined;
    const { value, next } = reader.blockNode(start, -1);
    if (reader.skipBlankLines(next) < text.length) return undefined;
    return { value };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Anything this reader leaves to js-yaml wholesale: CR, BOM, control characters … (Tabs are
 * content in block scalars, which example outputs are full of; anywhere else this reader gives up
 * on them, since YAML reads them as separating space there.)
 */
const UNUSUAL = /[\r\uFEFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF\uD800-\uDFFF]/;
/** … and directives or document markers, found by plain substring search (a regex with ^ per line is slow). */
function hasMarkerLine(text: string): boolean {
  for (const marker of ['%', '---', '...']) if (text.startsWith(marker) || text.includes(`\n${marker}`)) return true;
  return false;
}

/** Mapping keys seen so far, shared by every text read. */
const KEYS = new KeyStrings();

/** Block structure: mappings, sequences and the values of their entries. */
class Reader extends YamlText {
  /** The node whose first content line starts at `lineStart`, more indented than `parent`. */
  blockNode(lineStart: number, parent: number): Read {
    const indent = this.indentOf(lineStart);
    if (indent <= parent) giveUp();
    const at = lineStart + indent;
    if (this.isSequenceEntry(at)) return this.blockSequence(lineStart, indent);
    if (this.keyEnd(at) !== -1) return this.blockMapping(at, indent);
    // A scalar on a line of its own. Its continuation lines must be indented as far as it is,
    // which is stricter than YAML; anything else is left to js-yaml.
    const c = this.text.charCodeAt(at);
    if (c === PIPE || c === GREATER) giveUp();
    return this.inlineValue(at, indent - 1);
  }

  isSequenceEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NEWLINE || at + 1 >= this.text.length;
  }

  blockSequence(lineStart: number, indent: number): Read {
    const items: unknown[] = [];
    let line = lineStart;
    for (;;) {
      const dash = line + indent;
      let p = dash + 1;
      while (this.text.charCodeAt(p) === SPACE) p++;
      let read: Read;
      if (p >= this.text.length || this.text.charCodeAt(p) === NEWLINE || this.text.charCodeAt(p) === HASH) {
        read = this.valueBelow(this.lineEnd(p), indent, false);
      } else if (this.isSequenceEntry(p)) {
        // `- - x`: a sequence in a sequence, its dashes at this column.
        read = this.blockSequence(line, p - line);
      } else if (this.keyEnd(p) !== -1) {
        read = this.blockMapping(p, p - line);
      } else {
        read = this.inlineValue(p, indent);
      }
      items.push(read.value);
      line = this.skipBlankLines(read.next);
      if (line >= this.text.length) break;
      const next = this.indentOf(line);
      if (next < indent) break;
      if (next > indent) giveUp();
      if (!this.isSequenceEntry(line + indent)) break;
    }
    return { value: items, next: line };
  }

  /** A mapping whose first key starts at `at` (a line's content, or after `- `), its keys at column `indent`. */
  blockMapping(at: number, indent: number): Read {
    const map: Record<string, unknown> = {};
    let keyAt = at;
    let line: number;
    for (;;) {
      const colon = this.keyEnd(keyAt);
      if (colon === -1) giveUp();
      const key = KEYS.key(this.text, keyAt, colon);
      if (key === undefined || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
      let p = colon + 1;
      while (this.text.charCodeAt(p) === SPACE) p++;
      let read: Read;
      if (p >= this.text.length || this.text.charCodeAt(p) === NEWLINE || this.text.charCodeAt(p) === HASH) {
        read = this.valueBelow(this.lineEnd(p), indent, true);
      } else {
        read = this.inlineValue(p, indent);
      }
      map[key] = read.value;
      line = this.skipBlankLines(read.next);
      if (line >= this.text.length) break;
      const next = this.indentOf(line);
      if (next < indent) break;
      if (next > indent) giveUp();
      keyAt = line + indent;
      if (this.isSequenceEntry(keyAt)) break;
    }
    return { value: map, next: line };
  }

  /**
   * Where a `key:` that starts at `at` ends (the colon), or -1 when the line does not start with
   * one: a plain word of letters, digits, `_`, `$` and `-` (not first), then `:` and a space or
   * the line's end. Other keys (quoted, dotted, numbers) are left to js-yaml.
   */
  keyEnd(at: number): number {
    const text = this.text;
    if (!isKeyStart(text.charCodeAt(at))) return -1;
    let p = at + 1;
    while (isKeyChar(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== COLON) return -1;
    const after = text.charCodeAt(p + 1);
    return after === SPACE || after === NEWLINE || p + 1 >= text.length ? p : -1;
  }

  /**
   * The value of a `key:` or `-` with nothing after it on its line (`eol`): a node on the lines
   * below, more indented (or, under a key, a sequence at the key's own column), else null.
   */
  valueBelow(eol: number, indent: number, underKey: boolean): Read {
    const line = this.skipBlankLines(eol + 1 > this.text.length ? this.text.length : eol + 1);
    if (line >= this.text.length) return { value: null, next: this.text.length };
    const next = this.indentOf(line);
    if (next > indent) return this.blockNode(line, indent);
    if (underKey && next === indent && this.isSequenceEntry(line + indent)) return this.blockSequence(line, indent);
    return { value: null, next: eol };
  }

  /** A value that starts on the line of its key or dash, at `at`; `indent` is the parent's column. */
  inlineValue(at: number, indent: number): Read {
    const c = this.text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return readQuoted(this, at, indent);
    if (c === PIPE || c === GREATER) return readBlockScalar(this, at, indent);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return readFlow(this, at);
    if (c === TAB || NOT_PLAIN_START.has(c) || ((c === QUESTION || c === DASH) && this.text.charCodeAt(at + 1) === SPACE)) giveUp();
    return readPlain(this, at, indent);
  }
}
