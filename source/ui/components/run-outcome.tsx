import { Box, Text } from 'ink';
import type { CatalogTest, Outcome } from '../../core/catalog/schema.js';
import { formatDuration } from '../../core/export/labels.js';
import type { RunState } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import type { TextField } from '../hooks/text-field.js';
import { outcomeColor, type Theme } from '../theme.js';
import { TextFieldView } from './text-field-view.js';

export type RunOutcomeProps = {
  mark: { symbol: string; word: string; outcome?: Outcome | undefined };
  finding: string;
  run?: RunState | undefined;
  /** Titles of the tests the catalogue suggests after an anomaly. */
  next: readonly CatalogTest[];
  planLeft: number;
  note?: TextField | undefined;
  /** The outcome being chosen with `o`, when the chooser is open. */
  choosing?: Outcome | undefined;
  outcomes: readonly Outcome[];
  width: number;
  theme: Theme;
};

/** Under the output of a finished run: the outcome and its finding, then what can be done next. */
export function RunOutcome({ mark, finding, run, next, planLeft, note, choosing, outcomes, width, theme }: RunOutcomeProps) {
  const color = theme.color && mark.outcome ? outcomeColor(mark.outcome) : undefined;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        <Text bold color={color}>{`${mark.symbol} ${mark.word.toUpperCase()}`}</Text>
        {`  ${oneLine(finding)}`}
      </Text>
      {run ? (
        <Text dimColor wrap="truncate-end">
          {`exit ${run.exitCode ?? '—'}, ${formatDuration(run.durationMs)}${run.originalOutcome ? `, outcome set by you (the rules said ${run.originalOutcome})` : ''}`}
        </Text>
      ) : null}
      {choosing ? (
        <Text wrap="truncate-end">
          {'Outcome (←/→, enter sets, esc keeps it): '}
          {outcomes.map((o) => (
            <Text key={o} bold={o === choosing} inverse={theme.color && o === choosing}>
              {o === choosing ? `[${theme.symbols[o]} ${o}]` : ` ${o} `}
            </Text>
          ))}
        </Text>
      ) : null}
      {next.length > 0 ? (
        <Box flexDirection="column">
          <Text wrap="truncate-end">{`Suggested next after this anomaly (x runs ${next.length === 1 ? 'it' : 'them'}, with the same namespace and pod):`}</Text>
          {next.slice(0, 3).map((t) => (
            <Text key={t.id} wrap="truncate-end">{`  ${oneLine(t.title, width - 4)}`}</Text>
          ))}
        </Box>
      ) : null}
      {planLeft > 0 ? <Text dimColor>{`${planLeft} more test${planLeft === 1 ? '' : 's'} in the plan (n runs the next)`}</Text> : null}
      {run?.notes.map((text, i) => (
        <Text key={i} dimColor wrap="truncate-end">{`note: ${oneLine(text)}`}</Text>
      ))}
      {note ? (
        <Box>
          <Text>note: </Text>
          <TextFieldView field={note} placeholder="what you noticed (enter saves, esc cancels)" color={theme.color} width={width - 6} />
        </Box>
      ) : null}
    </Box>
  );
}
