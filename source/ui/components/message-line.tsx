import { Text } from 'ink';
import { useEffect } from 'react';
import { oneLine } from '../../core/text/sanitize.js';
import type { Message } from '../state/app-state.js';
import type { Theme } from '../theme.js';

const COLORS = { info: 'cyan', warn: 'yellow', error: 'red' } as const;
const CLEAR_AFTER_MS = 6000;

/** The bottom line: one message at a time, cleared by itself after a few seconds. */
export function MessageLine({ message, onClear, width, theme }: { message?: Message | undefined; onClear: () => void; width: number; theme: Theme }) {
  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(onClear, CLEAR_AFTER_MS);
    return () => clearTimeout(timer);
  }, [message, onClear]);
  if (!message) return <Text> </Text>;
  const prefix = message.kind === 'error' ? 'error: ' : message.kind === 'warn' ? 'note: ' : '';
  return <Text color={theme.color ? COLORS[message.kind] : undefined}>{oneLine(`${prefix}${message.text}`, width)}</Text>;
}
