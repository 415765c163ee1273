import { Text } from 'ink';
import { sanitizeText } from '../../core/text/sanitize.js';
import type { TextField } from '../hooks/text-field.js';

/**
 * The field's text with a visible cursor (inverse when colour is on, a bar when it is off). A text
 * longer than `width` scrolls so the cursor stays in view, with `…` where text is out of sight.
 */
export function TextFieldView({ field, placeholder, focused = true, color, width }: { field: TextField; placeholder?: string; focused?: boolean; color: boolean; width?: number | undefined }) {
  const room = width === undefined ? Number.POSITIVE_INFINITY : Math.max(4, width - 1);
  if (field.value === '' && placeholder) {
    return (
      <Text wrap="truncate-end">
        {focused ? <Text inverse={color}>{color ? ' ' : '|'}</Text> : null}
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  }
  const value = field.value;
  const cursor = Math.min(field.cursor, value.length);
  let start = 0;
  if (value.length + 1 > room) start = Math.max(0, Math.min(cursor - Math.floor(room * 0.7), value.length + 1 - room));
  const end = Math.min(value.length, start + room - (start > 0 ? 1 : 0));
  // Pasted text may hold control or reordering characters: drawn as text, never acted on.
  const before = sanitizeText(value.slice(start, cursor));
  const at = sanitizeText(value.slice(cursor, cursor + 1));
  const after = sanitizeText(value.slice(cursor + 1, end));
  if (!focused) return <Text wrap="truncate-end">{sanitizeText(value)}</Text>;
  return (
    <Text wrap="truncate-end">
      {start > 0 ? '…' : ''}
      {before}
      {color ? <Text inverse>{at || ' '}</Text> : <Text>{`|${at}`}</Text>}
      {after}
    </Text>
  );
}
