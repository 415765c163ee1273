import type { Key } from 'ink';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

/**
 * Ink delivers a run of plain bytes as one input ("\r\r" when a terminal batches two Enters, or
 * "text\r" from a paste). Split control characters out so each becomes its own keypress; plain
 * text between them stays one chunk (a paste).
 */
export function splitInput(input: string, key: Key): { input: string; key: Key }[] {
  if (input.length <= 1 || !/[\r\n\t\u007f\u0008]/.test(input) || key.ctrl || key.meta) return [{ input, key }];
  const out: { input: string; key: Key }[] = [];
  for (const part of input.split(/([\r\n\t\u007f\u0008])/)) {
    if (part === '') continue;
    if (part === '\r' || part === '\n') out.push({ input: '\r', key: { ...NO_KEY, return: true } });
    else if (part === '\t') out.push({ input: '\t', key: { ...NO_KEY, tab: true } });
    else if (part === '\u007f' || part === '\u0008') out.push({ input: '', key: { ...NO_KEY, backspace: true } });
    else out.push({ input: part, key: { ...NO_KEY } });
  }
  return out;
}
