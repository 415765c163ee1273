import { Box, Text } from 'ink';
import { KEYMAP, keyLabel, type Binding, type KeyScope } from '../keys/bindings.js';
import type { Theme } from '../theme.js';

/** Every key of the current view and the global ones, from the same table as the hints. */
export function HelpOverlay({ scope, width, rows, theme }: { scope: KeyScope; width: number; rows: number; theme: Theme }) {
  const boxWidth = Math.min(width, 100);
  // Border and padding take four columns; the key column fourteen.
  const helpWidth = Math.max(10, boxWidth - 4 - 14);
  const line = (b: Binding) => (
    <Text key={`${b.action}-${b.keys.join()}`} wrap="truncate-end">
      <Text bold>{keyLabel(b.keys, theme.unicode).padEnd(13).slice(0, 13)} </Text>
      {b.help.length > helpWidth ? `${b.help.slice(0, helpWidth - 1)}${theme.symbols.ellipsis}` : b.help}
    </Text>
  );
  const here: readonly Binding[] = KEYMAP[scope];
  const everywhere: readonly Binding[] = KEYMAP.global;
  // Border (2), two headings, the blank line and the closing line: what is left is for keys.
  const room = Math.max(2, rows - 6);
  const shownHere = here.slice(0, Math.max(1, room - everywhere.length));
  const cut = here.length - shownHere.length;
  return (
    <Box flexDirection="column" borderStyle={theme.unicode ? 'round' : 'classic'} paddingX={1} width={boxWidth}>
      <Text bold>Keys here</Text>
      {shownHere.map(line)}
      {cut > 0 ? <Text dimColor>{`${cut} more key${cut === 1 ? '' : 's'}: make the terminal taller to see them`}</Text> : <Text> </Text>}
      <Text bold>Everywhere</Text>
      {everywhere.map(line)}
      <Text dimColor>? or esc closes this help</Text>
    </Box>
  );
}
