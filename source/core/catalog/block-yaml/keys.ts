import { isKeyword } from './text.js';

/** How many distinct keys are kept; a catalogue has a few dozen, a stranger file gets no more. */
const MAX_KEYS = 4096;

/**
 * The strings of the mapping keys read so far, found again by their characters without cutting
 * a new string: catalogue files say `id:`, `title:`, `when:` … hundreds of thousands of times, and
 * a key string used before is one V8 has already internalized, so the object built with it skips
 * the string-table lookup a fresh one costs. Keywords (true, null, __proto__) come back undefined.
 */
export class KeyStrings {
  private keys: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(2 * MAX_KEYS).fill(-1);

  /** The key text[from, to), or undefined for a key the reader leaves to js-yaml. */
  key(text: string, from: number, to: number): string | undefined {
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot] as number; entry !== -1; entry = this.slots[slot] as number) {
      if (this.hashes[entry] === hash && sameText(this.keys[entry] as string, text, from, to)) return this.keys[entry];
      slot = (slot + 1) & mask;
    }
    const key = text.slice(from, to);
    if (isKeyword(key)) return undefined;
    if (this.keys.length < MAX_KEYS) {
      this.slots[slot] = this.keys.push(key) - 1;
      this.hashes.push(hash);
    }
    return key;
  }
}

function sameText(key: string, text: string, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
