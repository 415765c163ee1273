import type { Key } from 'ink';
import { isPrintable, keyName } from '../keys/key-name.js';

/** A single-line text field: value and cursor, changed by keys. Pure, so screens keep it in state. */
export type TextField = { value: string; cursor: number };

export const emptyField: TextField = { value: '', cursor: 0 };

export function fieldOf(value: string): TextField {
  return { value, cursor: value.length };
}

/**
 * Applies an editing key to a field; returns undefined when the key is not an edit (so the screen
 * can treat it as a command). Pasted text arrives as one multi-character input.
 */
export function editField(field: TextField, input: string, key: Key): TextField | undefined {
  const name = keyName(input, key);
  const { value, cursor } = field;
  switch (name) {
    case 'backspace':
      return cursor === 0 ? field : { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'ctrl+a':
      return { value, cursor: 0 };
    case 'ctrl+e':
      return { value, cursor: value.length };
    case 'ctrl+u':
      return { value: value.slice(cursor), cursor: 0 };
    case 'ctrl+w': {
      const before = value.slice(0, cursor).replace(/\S+\s*$/, '');
      return { value: before + value.slice(cursor), cursor: before.length };
    }
    case 'space':
      return insert(field, ' ');
    default:
      if (isPrintable(input, key)) return insert(field, input.replace(/[\r\n]+/g, ' '));
      return undefined;
  }
}

function insert(field: TextField, text: string): TextField {
  return { value: field.value.slice(0, field.cursor) + text + field.value.slice(field.cursor), cursor: field.cursor + text.length };
}
