import jsYaml from 'js-yaml';
import { COLON, DASH, HASH, NEWLINE, SPACE, TAB } from './char-codes.js';

/**
 * A reader for the block-style YAML that catalogue files are written in: block mappings and
 * sequences, plain, quoted and block scalars, one-line flow collections, comments. It gives
 * exactly js-yaml's value for what it reads, about two and a half times as fast, and gives up (undefined) on
 * everything else (anchors, tags, complex keys, tabs for indentation, any error), so the caller
 * then asks js-yaml, which gives the same value or the error with its position.
 *
 * Plain scalars that could be something other than a string (a number, true, null, a date) are
 * resolved by js-yaml itself, so the two never disagree on types.
 */
export function readBlockYaml(text: string): { value: unknown } | undefined {
  if (UNUSUAL.test(text) || hasMarkerLine(text)) return undefined;
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

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

/** YAML's indicators, as char codes. */
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const PLUS = 43;
const COMMA = 44;
const GREATER = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;

/** Keys read as themselves: what catalogue keys look like. Anything else (numbers, `<<`, quoted) is left to js-yaml. */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Plain keys js-yaml would read as something else (true, null), or that an object cannot simply take. */
const KEYWORD_KEYS = new Set(['true', 'false', 'null', 'True', 'False', 'Null', 'TRUE', 'FALSE', 'NULL', '__proto__']);

function isKeyword(key: string): boolean {
  return key.length <= 9 && KEYWORD_KEYS.has(key);
}

/** a-z, A-Z, _ and $. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** A key's later characters: also 0-9 and -. */
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

/** A plain scalar that might not be a string: left to js-yaml's own resolution. */
const MAYBE_TYPED = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|$)/;
/** After a colon in a flow collection, what makes it a key's colon. */
const FLOW_BREAK = new Set([SPACE, TAB, NEWLINE, COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]);
/** Characters that cannot start a plain scalar this reader reads. */
const NOT_PLAIN_START = new Set([...'&*!|>%@`#,[]{}"\''].map((c) => c.charCodeAt(0)));

type Read = { value: unknown; next: number };

class Reader {
  constructor(private readonly text: string) {}

  /** From a line start, past empty, blank and comment-only lines: the start of the next content line. */
  skipBlankLines(at: number): number {
    const text = this.text;
    while (at < text.length) {
      let p = at;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (p < text.length && c !== NEWLINE && c !== HASH) return at;
      const end = text.indexOf('\n', p);
      if (end === -1) return text.length;
      at = end + 1;
    }
    return at;
  }

  indentOf(lineStart: number): number {
    let p = lineStart;
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p - lineStart;
  }

  lineEnd(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end;
  }

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
      const key = this.text.slice(keyAt, colon);
      if (isKeyword(key) || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
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
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(at, indent);
    if (c === PIPE || c === GREATER) return this.blockScalar(at, indent);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flowOnOneLine(at);
    if (c === TAB || NOT_PLAIN_START.has(c) || ((c === QUESTION || c === DASH) && this.text.charCodeAt(at + 1) === SPACE)) giveUp();
    return this.plainScalar(at, indent);
  }

  plainScalar(at: number, indent: number): Read {
    const first = this.plainLine(at);
    let folded = first.text;
    let eol = first.eol;
    if (!first.comment) {
      // Continuation lines: more indented than the parent, none of them a key, a comment or an entry.
      let breaks = 0;
      let p = eol;
      while (p < this.text.length) {
        const lineStart = p + 1;
        const lineIndent = this.indentOf(lineStart);
        const content = lineStart + lineIndent;
        const ch = this.text.charCodeAt(content);
        if (content >= this.text.length || ch === NEWLINE) {
          breaks++;
          p = content;
          continue;
        }
        // A comment line ends the scalar; `- `, `? ` and `: ` would be read differently elsewhere.
        if (lineIndent <= indent || ch === HASH) break;
        if (ch === TAB) giveUp();
        if ((ch === DASH || ch === QUESTION || ch === COLON) && this.text.charCodeAt(content + 1) === SPACE) giveUp();
        const more = this.plainLine(content);
        folded += breaks === 0 ? ` ${more.text}` : '\n'.repeat(breaks) + more.text;
        breaks = 0;
        eol = more.eol;
        p = more.eol;
        if (more.comment) break;
      }
    }
    return { value: resolvePlain(folded), next: eol >= this.text.length ? eol : eol + 1 };
  }

  /** One line of a plain scalar: its text without trailing spaces, and whether a comment ends it. */
  plainLine(at: number): { text: string; eol: number; comment: boolean } {
    const text = this.text;
    const eol = this.lineEnd(at);
    let end = eol;
    let comment = false;
    for (let p = at; p < eol; p++) {
      const c = text.charCodeAt(p);
      if (c === COLON && (p + 1 === eol || text.charCodeAt(p + 1) === SPACE || text.charCodeAt(p + 1) === TAB)) giveUp();
      if (c === HASH && (text.charCodeAt(p - 1) === SPACE || text.charCodeAt(p - 1) === TAB)) {
        end = p;
        comment = true;
        break;
      }
    }
    while (end > at && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    return { text: text.slice(at, end), eol, comment };
  }

  /** A quoted scalar: "…" with escapes, or '…' where '' is a quote; line breaks fold as YAML says. */
  quoted(at: number, indent: number): Read {
    const text = this.text;
    const double = text.charCodeAt(at) === DOUBLE_QUOTE;
    const quote = double ? DOUBLE_QUOTE : SINGLE_QUOTE;
    let out = '';
    let p = at + 1;
    let segment = p;
    for (;;) {
      if (p >= text.length) giveUp();
      const c = text.charCodeAt(p);
      if (c === quote && !double && text.charCodeAt(p + 1) === SINGLE_QUOTE) {
        out += `${text.slice(segment, p)}'`;
        p += 2;
        segment = p;
      } else if (c === quote) {
        out += text.slice(segment, p);
        return { value: out, next: this.afterQuoted(p + 1) };
      } else if (double && c === BACKSLASH) {
        out += text.slice(segment, p);
        // An escaped line break: the break and the next line's indentation vanish.
        p = text.charCodeAt(p + 1) === NEWLINE ? this.continuationStart(p + 1, indent) : unescape(text, p, (s) => (out += s));
        segment = p;
      } else if (c === NEWLINE) {
        out += trimEndSpaces(text.slice(segment, p));
        const folded = this.foldQuotedBreak(p, indent);
        out += folded.text;
        p = folded.next;
        segment = p;
      } else {
        p++;
      }
    }
  }

  /** A line break inside quotes at `p`: one break is a space, each empty line after it a newline. */
  foldQuotedBreak(p: number, indent: number): { text: string; next: number } {
    let breaks = 0;
    let at = p;
    for (;;) {
      const lineStart = at + 1;
      const lineIndent = this.indentOf(lineStart);
      const content = lineStart + lineIndent;
      if (content >= this.text.length) giveUp();
      if (this.text.charCodeAt(content) === NEWLINE) {
        breaks++;
        at = content;
        continue;
      }
      if (lineIndent <= indent || this.text.charCodeAt(content) === TAB) giveUp();
      return { text: breaks === 0 ? ' ' : '\n'.repeat(breaks), next: content };
    }
  }

  /** After `\` and a line break: the first character of the next line's content. */
  continuationStart(newline: number, indent: number): number {
    const lineStart = newline + 1;
    const lineIndent = this.indentOf(lineStart);
    const content = lineStart + lineIndent;
    const c = this.text.charCodeAt(content);
    if (content >= this.text.length || c === NEWLINE || c === TAB || lineIndent <= indent) giveUp();
    return content;
  }

  /** After a closing quote or bracket only spaces and a comment may follow on the line. */
  afterQuoted(p: number): number {
    const text = this.text;
    let q = p;
    while (text.charCodeAt(q) === SPACE) q++;
    if (q >= text.length) return text.length;
    const c = text.charCodeAt(q);
    if (c === NEWLINE) return q + 1;
    if (c === HASH && q > p) return Math.min(this.lineEnd(q) + 1, text.length);
    return giveUp();
  }

  blockScalar(at: number, indent: number): Read {
    const text = this.text;
    const literal = text.charCodeAt(at) === PIPE;
    let p = at + 1;
    // The header: chomping (- strips the final line break, + keeps every trailing one) and an
    // indentation digit, in either order.
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    let textIndent = -1;
    for (let i = 0; i < 2; i++) {
      const c = text.charCodeAt(p);
      if (c === DASH || c === PLUS) {
        if (chomp !== 'clip') giveUp();
        chomp = c === DASH ? 'strip' : 'keep';
        p++;
      } else if (c >= 49 && c <= 57) {
        if (textIndent !== -1 || indent < 0) giveUp();
        textIndent = indent + (c - 48);
        p++;
      }
    }
    const eol = this.lineEnd(p);
    while (text.charCodeAt(p) === SPACE) p++;
    if (p < eol && !(text.charCodeAt(p) === HASH && text.charCodeAt(p - 1) === SPACE)) giveUp();

    // Its indentation (unless the header gave it) is that of its first non-empty line; it ends
    // at a line less indented.
    let value = '';
    let next = eol >= text.length ? text.length : eol + 1;
    let empty = 0;
    let started = false;
    let moreIndented = false;
    let widestBlank = 0;
    while (next < text.length) {
      const lineIndent = this.indentOf(next);
      const content = next + lineIndent;
      const end = this.lineEnd(next);
      // Empty, or spaces only. Spaces past the scalar's indentation are content (below); before
      // the indentation is known they would set it.
      if (content === end && (textIndent === -1 || lineIndent <= textIndent)) {
        if (textIndent === -1) widestBlank = Math.max(widestBlank, lineIndent);
        empty++;
        next = end >= text.length ? text.length : end + 1;
        continue;
      }
      if (textIndent === -1) {
        if (lineIndent <= indent) break;
        // js-yaml takes the widest leading blank line as the indentation; a first line less
        // indented than that would end the scalar at once.
        if (widestBlank > lineIndent) giveUp();
        textIndent = lineIndent;
      } else if (lineIndent < textIndent) {
        break;
      }
      if (literal) {
        value += '\n'.repeat(started ? 1 + empty : empty);
      } else if (lineIndent > textIndent || text.charCodeAt(next + textIndent) === TAB) {
        // A more-indented line (or one starting with a tab) keeps its line breaks.
        moreIndented = true;
        value += '\n'.repeat(started ? 1 + empty : empty);
      } else if (moreIndented) {
        moreIndented = false;
        value += '\n'.repeat(empty + 1);
      } else if (empty === 0) {
        if (started) value += ' ';
      } else {
        value += '\n'.repeat(empty);
      }
      value += text.slice(next + textIndent, end);
      started = true;
      empty = 0;
      next = end >= text.length ? text.length : end + 1;
    }
    if (chomp === 'keep') value += '\n'.repeat(started ? 1 + empty : empty);
    else if (chomp === 'clip' && started) value += '\n';
    return { value, next };
  }

  /** A flow sequence or mapping that opens and closes on this line. */
  flowOnOneLine(at: number): Read {
    const flow = new FlowReader(this.text, at, this.lineEnd(at));
    const value = flow.node();
    return { value, next: this.afterQuoted(flow.at) };
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** The escape at `p` (a backslash, not before a line break): hands its text to `add`, returns what follows. */
function unescape(text: string, p: number, add: (s: string) => void): number {
  const e = text[p + 1];
  const simple = e === undefined ? undefined : ESCAPES[e];
  if (simple !== undefined) {
    add(simple);
    return p + 2;
  }
  const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : giveUp();
  let code = 0;
  for (let i = p + 2; i < p + 2 + digits; i++) {
    const d = HEX.indexOf(text[i] ?? 'z');
    if (d === -1) giveUp();
    code = code * 16 + (d > 15 ? d - 6 : d);
  }
  if (code > 0x10ffff) giveUp();
  add(String.fromCodePoint(code));
  return p + 2 + digits;
}
const HEX = '0123456789abcdefABCDEF';

/** Without its trailing spaces and tabs: a quoted line's end before it folds. */
function trimEndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === SPACE || s.charCodeAt(end - 1) === TAB)) end--;
  return end === s.length ? s : s.slice(0, end);
}

const resolved = new Map<string, unknown>();

/** A plain scalar's value: a string, unless js-yaml would read it as something else. */
function resolvePlain(text: string): unknown {
  if (!MAYBE_TYPED.test(text)) return text;
  if (resolved.has(text)) return resolved.get(text);
  const value = jsYaml.load(text);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) giveUp();
  // Objects (dates) are made afresh each time, as js-yaml would, so no two tests share one.
  if (value !== null && typeof value === 'object') return value;
  if (resolved.size < 10_000) resolved.set(text, value);
  return value;
}

/** One-line flow collections: `[a, "b", {c: d}]`, `{verb: get, resource: pods}`. */
class FlowReader {
  at: number;
  constructor(private readonly text: string, start: number, private readonly end: number) {
    this.at = start;
  }

  node(): unknown {
    this.spaces();
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN_BRACKET) return this.sequence();
    if (c === OPEN_BRACE) return this.mapping();
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted();
    return resolvePlain(this.plain());
  }

  sequence(): unknown[] {
    const items: unknown[] = [];
    this.entries(CLOSE_BRACKET, () => items.push(this.node()));
    return items;
  }

  mapping(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.entries(CLOSE_BRACE, () => {
      const keyStart = this.at;
      while (this.at < this.end && this.text.charCodeAt(this.at) !== COLON) this.at++;
      const key = this.text.slice(keyStart, this.at);
      if (this.text.charCodeAt(this.at + 1) !== SPACE || !PLAIN_KEY.test(key) || isKeyword(key) || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
      this.at += 2;
      this.spaces();
      const v = this.text.charCodeAt(this.at);
      if (v === COMMA || v === CLOSE_BRACE) giveUp();
      map[key] = this.node();
    });
    return map;
  }

  /** `[` or `{`, entries separated by commas, then `close`; `entry` reads one. A trailing comma is left to js-yaml. */
  private entries(close: number, entry: () => void): void {
    this.at++;
    this.spaces();
    if (this.text.charCodeAt(this.at) === close) {
      this.at++;
      return;
    }
    for (;;) {
      entry();
      this.spaces();
      const c = this.text.charCodeAt(this.at);
      this.at++;
      if (c === close) return;
      if (c !== COMMA) giveUp();
      this.spaces();
      if (this.text.charCodeAt(this.at) === close) giveUp();
    }
  }

  quoted(): string {
    const double = this.text.charCodeAt(this.at) === DOUBLE_QUOTE;
    let out = '';
    let p = this.at + 1;
    let segment = p;
    for (;;) {
      if (p >= this.end) giveUp();
      const c = this.text.charCodeAt(p);
      if (double && c === BACKSLASH) {
        out += this.text.slice(segment, p);
        p = unescape(this.text, p, (s) => (out += s));
        segment = p;
      } else if (!double && c === SINGLE_QUOTE && this.text.charCodeAt(p + 1) === SINGLE_QUOTE) {
        out += `${this.text.slice(segment, p)}'`;
        p += 2;
        segment = p;
      } else if (c === (double ? DOUBLE_QUOTE : SINGLE_QUOTE)) {
        out += this.text.slice(segment, p);
        this.at = p + 1;
        return out;
      } else {
        p++;
      }
    }
  }

  plain(): string {
    const start = this.at;
    const c = this.text.charCodeAt(start);
    if (NOT_PLAIN_START.has(c) || ((c === QUESTION || c === DASH || c === COLON) && this.text.charCodeAt(start + 1) === SPACE)) giveUp();
    while (this.at < this.end) {
      const ch = this.text.charCodeAt(this.at);
      if (ch === COMMA || ch === CLOSE_BRACKET || ch === CLOSE_BRACE || ch === OPEN_BRACKET || ch === OPEN_BRACE) break;
      // A colon is text (NET::ERR, NAME:.metadata.name) unless a space, the end or a flow indicator follows.
      if (ch === COLON && (this.at + 1 >= this.end || FLOW_BREAK.has(this.text.charCodeAt(this.at + 1)))) giveUp();
      if (ch === HASH && (this.text.charCodeAt(this.at - 1) === SPACE || this.text.charCodeAt(this.at - 1) === TAB)) giveUp();
      this.at++;
    }
    let end = this.at;
    while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
    if (end === start) giveUp();
    return this.text.slice(start, end);
  }

  spaces(): void {
    while (this.text.charCodeAt(this.at) === SPACE) this.at++;
    if (this.at >= this.end) giveUp();
  }
}
