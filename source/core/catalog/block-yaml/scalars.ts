import jsYaml from 'js-yaml';
import { BACKSLASH, COLON, DASH, DOUBLE_QUOTE, HASH, NEWLINE, QUESTION, SINGLE_QUOTE, SPACE, TAB } from '../char-codes.js';
import { giveUp, type Read, type YamlText } from './text.js';

/** A plain scalar that might not be a string: left to js-yaml's own resolution. */
const MAYBE_TYPED = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|$)/;
/** Characters that cannot start a plain scalar this reader reads. */
export const NOT_PLAIN_START = new Set([...'&*!|>%@`#,[]{}"\''].map((c) => c.charCodeAt(0)));

/**
 * A plain scalar starting at `at`, its parent at column `indent`: continuation lines (more
 * indented than the parent) fold into one string, then js-yaml decides whether it is one.
 */
export function readPlain(src: YamlText, at: number, indent: number): Read {
  const first = plainLine(src, at);
  // Continuation lines are joined once at the end (see readBlockScalar for why not +=).
  let pieces: string[] | undefined;
  let eol = first.eol;
  if (!first.comment) {
    // Continuation lines: more indented than the parent, none of them a key, a comment or an entry.
    let breaks = 0;
    let p = eol;
    while (p < src.text.length) {
      const lineStart = p + 1;
      const lineIndent = src.indentOf(lineStart);
      const content = lineStart + lineIndent;
      const ch = src.text.charCodeAt(content);
      if (content >= src.text.length || ch === NEWLINE) {
        breaks++;
        p = content;
        continue;
      }
      // A comment line ends the scalar; `- `, `? ` and `: ` would be read differently elsewhere.
      if (lineIndent <= indent || ch === HASH) break;
      if (ch === TAB) giveUp();
      if ((ch === DASH || ch === QUESTION || ch === COLON) && src.text.charCodeAt(content + 1) === SPACE) giveUp();
      const more = plainLine(src, content);
      pieces ??= [first.text];
      pieces.push(breaks === 0 ? ' ' : '\n'.repeat(breaks), more.text);
      breaks = 0;
      eol = more.eol;
      p = more.eol;
      if (more.comment) break;
    }
  }
  return { value: resolvePlain(pieces ? pieces.join('') : first.text), next: eol >= src.text.length ? eol : eol + 1 };
}

/** One line of a plain scalar: its text without trailing spaces, and whether a comment ends it. */
function plainLine(src: YamlText, at: number): { text: string; eol: number; comment: boolean } {
  const text = src.text;
  const eol = src.lineEnd(at);
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
export function readQuoted(src: YamlText, at: number, indent: number): Read {
  const { value, close } = quotedValue(src, at, indent);
  return { value, next: src.afterValue(close + 1) };
}

/** A quoted scalar's value and where its closing quote is, whatever follows it (a flow collection reads on). */
export function quotedValue(src: YamlText, at: number, indent: number): { value: string; close: number } {
  const text = src.text;
  const double = text.charCodeAt(at) === DOUBLE_QUOTE;
  const quote = double ? DOUBLE_QUOTE : SINGLE_QUOTE;
  // Pieces joined once at the end (see readBlockScalar for why not +=).
  const pieces: string[] = [];
  const add = (piece: string) => void pieces.push(piece);
  let p = at + 1;
  let segment = p;
  for (;;) {
    if (p >= text.length) giveUp();
    const c = text.charCodeAt(p);
    if (c === quote && !double && text.charCodeAt(p + 1) === SINGLE_QUOTE) {
      pieces.push(text.slice(segment, p), "'");
      p += 2;
      segment = p;
    } else if (c === quote) {
      const last = text.slice(segment, p);
      if (pieces.length === 0) return { value: last, close: p };
      pieces.push(last);
      return { value: pieces.join(''), close: p };
    } else if (double && c === BACKSLASH) {
      pieces.push(text.slice(segment, p));
      // An escaped line break: the break and the next line's indentation vanish.
      p = text.charCodeAt(p + 1) === NEWLINE ? continuationStart(src, p + 1, indent) : unescape(text, p, add);
      segment = p;
    } else if (c === NEWLINE) {
      const folded = foldQuotedBreak(src, p, indent);
      pieces.push(trimEndSpaces(text.slice(segment, p)), folded.text);
      p = folded.next;
      segment = p;
    } else {
      p++;
    }
  }
}

/** A line break inside quotes at `p`: one break is a space, each empty line after it a newline. */
function foldQuotedBreak(src: YamlText, p: number, indent: number): { text: string; next: number } {
  let breaks = 0;
  let at = p;
  for (;;) {
    const lineStart = at + 1;
    const lineIndent = src.indentOf(lineStart);
    const content = lineStart + lineIndent;
    if (content >= src.text.length) giveUp();
    if (src.text.charCodeAt(content) === NEWLINE) {
      breaks++;
      at = content;
      continue;
    }
    if (lineIndent <= indent || src.text.charCodeAt(content) === TAB) giveUp();
    return { text: breaks === 0 ? ' ' : '\n'.repeat(breaks), next: content };
  }
}

/** After `\` and a line break: the first character of the next line's content. */
function continuationStart(src: YamlText, newline: number, indent: number): number {
  const lineStart = newline + 1;
  const lineIndent = src.indentOf(lineStart);
  const content = lineStart + lineIndent;
  const c = src.text.charCodeAt(content);
  if (content >= src.text.length || c === NEWLINE || c === TAB || lineIndent <= indent) giveUp();
  return content;
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
export function resolvePlain(text: string): unknown {
  if (!MAYBE_TYPED.test(text)) return text;
  if (resolved.has(text)) return resolved.get(text);
  const value = jsYaml.load(text);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) giveUp();
  // Objects (dates) are made afresh each time, as js-yaml would, so no two tests share one.
  if (value !== null && typeof value === 'object') return value;
  if (resolved.size < 10_000) resolved.set(text, value);
  return value;
}

