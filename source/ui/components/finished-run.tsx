import { Text } from 'ink';
import { formatDuration } from '../../core/export/labels.js';
import type { RunState } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import { runMark } from '../state/run-mark.js';
import { outcomeColor, type Theme } from '../theme.js';

/** One line per finished run in the scrollback: ✔ / ✖ / ⏹, outcome, duration, command. */
export function FinishedRun({ run, theme, width }: { run: RunState; theme: Theme; width: number }) {
  const mark = runMark(run, theme);
  return (
    <Text wrap="truncate-end">
      <Text color={theme.color && mark.outcome ? outcomeColor(mark.outcome) : undefined}>{`${mark.symbol} ${mark.word.padEnd(12)}`}</Text>
      <Text dimColor>{`${formatDuration(run.durationMs).padEnd(8)} `}</Text>
      {oneLine(run.command, Math.max(10, width - 24))}
    </Text>
  );
}
