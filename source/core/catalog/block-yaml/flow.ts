import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, DASH, DOUBLE_QUOTE, HASH, NEWLINE, OPEN_BRACE, OPEN_BRACKET, QUESTION, SINGLE_QUOTE, SPACE, TAB } from '../char-codes.js';
import { NOT_PLAIN_START, quotedValue, resolvePlain } from './scalars.js';
import { giveUp, isKeyword, PLAIN_KEY, type Read, type YamlText } from './text.js';

/** After a colon in a flow collection, what makes it a key's colon. */
const FLOW_BREAK = new Set([SPACE, TAB, NEWLINE, COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]);

/** A flow sequence or mapping that opens and closes on the line of `at`. */
export function readFlow(src: YamlText, at: number): Read {
  const flow = new FlowReader(src, at, src.lineEnd(at));
  const value = flow.node();
  return { value, next: src.afterValue(flow.at) };
}

/** One-line flow collections: `[a, "b", {c: d}]`, `{verb: get, resource: pods}`. */
class FlowReader {
  at: number;
  private readonly text: string;
  constructor(private readonly src: YamlText, start: number, private readonly end: number) {
    this.text = src.text;
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

  /** A quoted scalar, as in block context, except that it must close on this line. */
  quoted(): string {
    const { value, close } = quotedValue(this.src, this.at, -1);
    if (close >= this.end) giveUp();
    this.at = close + 1;
    return value;
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
