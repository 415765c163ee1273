import { Text } from 'ink';
import { KEYMAP, keyLabel, type Binding, type KeyScope } from '../keys/bindings.js';
import type { Theme } from '../theme.js';

/**
 * The keys the current view binds, generated from the key table and cut to the width. `? help`
 * always stays at the end: on a narrow terminal it is the way to the keys that did not fit.
 */
export function HintsBar({ scope, width, theme }: { scope: KeyScope; width: number; theme: Theme }) {
  const label = (b: Binding) => `${keyLabel(b.keys, theme.unicode)} ${b.label}`;
  const local: readonly Binding[] = KEYMAP[scope];
  const global: readonly Binding[] = KEYMAP.global;
  const tail = global.filter((b) => b.hint).map(label).join('  ');
  let line = '';
  for (const part of local.filter((b) => b.hint).map(label)) {
    const next = line === '' ? part : `${line}  ${part}`;
    if (next.length + 2 + tail.length > width) break;
    line = next;
  }
  return <Text dimColor wrap="truncate-end">{line ? `${line}  ${tail}` : tail}</Text>;
}
