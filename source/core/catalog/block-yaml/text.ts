import { DASH, HASH, NEWLINE, SPACE } from '../char-codes.js';

/** Thrown (never escaping readBlockYaml) when the reader leaves a text to js-yaml. */
export const GIVE_UP = Symbol('give up');
export function giveUp(): never {
  throw GIVE_UP;
}

/** What a reader of one construct returns: its value, and the position after it (a line start). */
export type Read = { value: unknown; next: number };

/** Keys read as themselves: what catalogue keys look like. Anything else (numbers, `<<`, quoted) is left to js-yaml. */
export const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Plain keys js-yaml would read as something else (true, null), or that an object cannot simply take. */
const KEYWORD_KEYS = new Set(['true', 'false', 'null', 'True', 'False', 'Null', 'TRUE', 'FALSE', 'NULL', '__proto__']);

export function isKeyword(key: string): boolean {
  return key.length <= 9 && KEYWORD_KEYS.has(key);
}

/** a-z, A-Z, _ and $. */
export function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** A key's later characters: also 0-9 and -. */
export function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

/** The text being read, with the line arithmetic every construct needs. */
export class YamlText {
  constructor(readonly text: string) {}

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

  /** After a closing quote or bracket only spaces and a comment may follow on the line. */
  afterValue(p: number): number {
    const text = this.text;
    let q = p;
    while (text.charCodeAt(q) === SPACE) q++;
    if (q >= text.length) return text.length;
    const c = text.charCodeAt(q);
    if (c === NEWLINE) return q + 1;
    if (c === HASH && q > p) return Math.min(this.lineEnd(q) + 1, text.length);
    return giveUp();
  }
}
