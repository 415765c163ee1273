import { Text } from 'ink';
import type { TextField } from '../hooks/text-field.js';

/** The field's text with a visible cursor (inverse when colour is on, a bar when it is off). */
export function TextFieldView({ field, placeholder, focused = true, color }: { field: TextField; placeholder?: string; focused?: boolean; color: boolean }) {
  if (field.value === '' && placeholder) {
    return (
      <Text>
        {focused ? <Text inverse={color}>{color ? ' ' : '|'}</Text> : null}
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  }
  const before = field.value.slice(0, field.cursor);
  const at = field.value.slice(field.cursor, field.cursor + 1);
  const after = field.value.slice(field.cursor + 1);
  if (!focused) return <Text>{field.value}</Text>;
  return (
    <Text>
      {before}
      {color ? <Text inverse>{at || ' '}</Text> : <Text>{`|${at}`}</Text>}
      {after}
    </Text>
  );
}
