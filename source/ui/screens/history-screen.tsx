import { Box, Text } from 'ink';
import { useState } from 'react';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { clamp, listWindow } from '../components/window.js';
import { statusColor } from '../theme.js';

/** Every hypothesis of the session with its state; Enter goes back to one. */
export function HistoryScreen() {
  const { services, session, record, dispatch, bodyRows, size } = useApp();
  const [cursor, setCursor] = useState(Math.max(0, session.hypotheses.findIndex((h) => h.id === session.currentHypothesisId)));
  const theme = services.theme;
  const hypotheses = session.hypotheses;

  useKeys((_input, _key, name) => {
    const action = actionFor('history', name);
    const last = hypotheses.length - 1;
    const page = Math.max(1, bodyRows - 2);
    const to = { up: cursor - 1, down: cursor + 1, top: 0, bottom: last, pageup: cursor - page, pagedown: cursor + page } as const;
    if (action && action in to) {
      setCursor(clamp(to[action as keyof typeof to], 0, last));
      return true;
    }
    if (action === 'open') {
      const chosen = hypotheses[cursor];
      if (chosen) {
        record({ type: 'hypothesis-focused', hypothesisId: chosen.id });
        dispatch({ type: 'go', screen: { name: 'tests' } });
      }
      return true;
    }
    if (action === 'back') {
      dispatch({ type: 'go', screen: { name: 'hypothesis' } });
      return true;
    }
    return false;
  });

  const view = listWindow(hypotheses.length, cursor, bodyRows - 2);
  return (
    <Box flexDirection="column">
      <Text bold>Hypotheses of this session{view.label ? `  (${view.label})` : ''}</Text>
      {hypotheses.slice(view.start, view.end).map((h, i) => {
        const index = view.start + i;
        const runs = session.runs.filter((r) => r.hypothesisId === h.id).length;
        return (
          <Text key={h.id} inverse={theme.color && index === cursor} wrap="truncate-end">
            {index === cursor ? `${theme.symbols.cursor} ` : '  '}
            <Text color={theme.color ? statusColor(h.status) : undefined}>{h.status.toUpperCase().padEnd(13)}</Text>
            {oneLine(h.text, size.columns - 30)}
            <Text dimColor>{`  ${runs} run${runs === 1 ? '' : 's'}`}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
