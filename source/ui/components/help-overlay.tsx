import { Box, Text } from 'ink';
import { KEYMAP, keyLabel, type Binding, type KeyScope } from '../keys/bindings.js';
import type { Theme } from '../theme.js';

/** Every key of the current view and the global ones, from the same table as the hints. */
export function HelpOverlay({ scope, width, theme }: { scope: KeyScope; width: number; theme: Theme }) {
  const rows = (bindings: readonly Binding[]) =>
    bindings.map((b) => (
      <Text key={`${b.action}-${b.keys.join()}`}>
        <Text bold>{keyLabel(b.keys, theme.unicode).padEnd(14)}</Text>
        {b.help.slice(0, Math.max(10, width - 18))}
      </Text>
    ));
  return (
    <Box flexDirection="column" borderStyle={theme.unicode ? 'round' : 'classic'} paddingX={1} width={Math.min(width, 100)}>
      <Text bold>Keys here</Text>
      {rows(KEYMAP[scope])}
      <Text> </Text>
      <Text bold>Everywhere</Text>
      {rows(KEYMAP.global)}
      <Text dimColor>? or esc closes this help</Text>
    </Box>
  );
}
