import type { Key } from 'ink';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

/** A burst of typed characters up to this long is taken key by key; longer runs are a paste. */
const TYPED_BURST = 32;

/**
 * Ink delivers a run of plain bytes as one input ("\r\r" when a terminal batches two Enters,
 * "text\r" from a paste, "?pod" from a fast typist whose `?` and next letters arrived together).
 * Control characters become keypresses of their own; a short run of text is split into single
 * characters, so a command key at its start (`?`, `v`, `x`) still acts as one; a long run stays
 * one chunk (a paste into a field).
 */
export function splitInput(input: string, key: Key): { input: string; key: Key }[] {
  if (input.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  const controls = /[\r\n\t\u007f\u0008]/.test(input);
  const chars = [...input];
  if (!controls && (chars.length > TYPED_BURST || !isPlain(input))) return [{ input, key }];
  const out: { input: string; key: Key }[] = [];
  for (const part of input.split(/([\r\n\t\u007f\u0008])/)) {
    if (part === '') continue;
    if (part === '\r' || part === '\n') out.push({ input: '\r', key: { ...NO_KEY, return: true } });
    else if (part === '\t') out.push({ input: '\t', key: { ...NO_KEY, tab: true } });
    else if (part === '\u007f' || part === '\u0008') out.push({ input: '', key: { ...NO_KEY, backspace: true } });
    else if ([...part].length <= TYPED_BURST && isPlain(part)) for (const char of part) out.push({ input: char, key: { ...NO_KEY } });
    else out.push({ input: part, key: { ...NO_KEY } });
  }
  return out;
}

/** Printable text only: no escape sequence or other control character hiding in it. */
function isPlain(text: string): boolean {
  return !/[\u0000-\u001f\u007f-\u009f]/.test(text);
}
