import { Text } from 'ink';
import { KEYMAP, keyLabel, type Binding, type KeyScope } from '../keys/bindings.js';
import type { Theme } from '../theme.js';

/** The keys the current view binds, generated from the key table; cut to the width. */
export function HintsBar({ scope, width, theme }: { scope: KeyScope; width: number; theme: Theme }) {
  const bindings: readonly Binding[] = [...KEYMAP[scope], ...KEYMAP.global];
  const parts = bindings.filter((b) => b.hint).map((b) => `${keyLabel(b.keys, theme.unicode)} ${b.label}`);
  let line = '';
  for (const part of parts) {
    const next = line === '' ? part : `${line}  ${part}`;
    if (next.length > width) break;
    line = next;
  }
  return <Text dimColor>{line}</Text>;
}
