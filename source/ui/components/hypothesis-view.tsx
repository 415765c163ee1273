import { Box, Text } from 'ink';
import { oneLine } from '../../core/text/sanitize.js';
import type { HypothesisChoice } from '../state/hypothesis-choices.js';
import { wrapText } from '../state/wrap-text.js';
import type { TextField } from '../hooks/text-field.js';
import { statusColor, type Theme } from '../theme.js';
import { Highlighted } from './highlighted.js';
import { TextFieldView } from './text-field-view.js';
import { listWindow } from './window.js';

export type HypothesisViewProps = {
  field: TextField;
  choices: readonly HypothesisChoice[];
  cursor: number;
  practice?: { title: string; report: string } | undefined;
  width: number;
  rows: number;
  theme: Theme;
};

/** Rows the view needs above the list, so the screen can ask the search for what fits. */
export function hypothesisHeaderRows(props: Pick<HypothesisViewProps, 'practice' | 'width' | 'rows'>): { reportLines: string[]; header: number } {
  const reportLines = props.practice ? wrapText(`The report you got: ${oneLine(props.practice.report)}`, props.width) : [];
  // The field always shows; the report gives way first on a short terminal.
  const room = Math.max(0, props.rows - 8);
  const shown = reportLines.length > room ? [...reportLines.slice(0, Math.max(0, room - 1)), ...(room > 0 ? ['(the rest of the report: make the terminal taller)'] : [])] : reportLines;
  const practiceRows = props.practice && shown.length > 0 ? shown.length + 2 : 0;
  return { reportLines: shown, header: practiceRows + 3 };
}

/** Step 1 as drawn: the report (practice), the question, the field, then what matches. */
export function HypothesisView({ field, choices, cursor, practice, width, rows, theme }: HypothesisViewProps) {
  const { reportLines, header } = hypothesisHeaderRows({ practice, width, rows });
  const typed = field.value;
  const listRows = Math.max(1, rows - header - 1);
  const view = listWindow(choices.length, Math.max(0, cursor), listRows);
  const emptyField = typed.trim() === '';
  return (
    <Box flexDirection="column">
      {practice && reportLines.length > 0 ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold wrap="truncate-end">{`PRACTICE: ${oneLine(practice.title)}`}</Text>
          {reportLines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Box>
      ) : null}
      <Text bold>What do you think is wrong?</Text>
      <Box>
        <Text color={theme.color ? 'cyan' : undefined}>{`${theme.symbols.cursor} `}</Text>
        <TextFieldView field={field} placeholder='e.g. "checkout returns 502" or paste an error message' color={theme.color} width={width - 2} />
      </Box>
      <Text> </Text>
      {typed.startsWith(':') ? <Text wrap="truncate-end" dimColor>:ctx NAME switches the kubeconfig context, :ns NAME the namespace (alone: show them)</Text> : null}
      {choices.length === 0 && typed.trim().length >= 2 && !typed.startsWith(':') ? (
        <Text dimColor wrap="wrap">No match yet. Try another word, a component name (postgres, ingress, dns), paste the error message, or run hunch catalog stats to see what the catalogue covers.</Text>
      ) : null}
      {emptyField && choices.length > 0 ? (
        <Text dimColor wrap="truncate-end">{`Your hypotheses: ↓ then enter goes back to one or states it again${view.label ? `  ${view.label}` : ''}`}</Text>
      ) : null}
      {!emptyField && view.label ? <Text dimColor>{view.label}</Text> : null}
      {choices.slice(view.start, view.end).map((choice, i) => (
        <ChoiceRow key={choice.key} choice={choice} active={view.start + i === cursor} query={typed} width={width} theme={theme} />
      ))}
    </Box>
  );
}

function ChoiceRow({ choice, active, query, width, theme }: { choice: HypothesisChoice; active: boolean; query: string; width: number; theme: Theme }) {
  const lead = active ? `${theme.symbols.cursor} ` : '  ';
  const { tag, tail, color } = describe(choice, theme);
  const textWidth = Math.max(8, width - lead.length - tag.length - tail.length - 2);
  return (
    <Text inverse={theme.color && active} bold={active} wrap="truncate-end">
      {lead}
      <Text color={color}>{tag}</Text>
      <Highlighted text={oneLine(choice.text, textWidth)} query={query} color={theme.color} />
      <Text dimColor>{tail}</Text>
    </Text>
  );
}

function describe(choice: HypothesisChoice, theme: Theme): { tag: string; tail: string; color?: string | undefined } {
  switch (choice.kind) {
    case 'hypothesis':
      return { tag: 'hypothesis  ', tail: `  ${choice.tests} tests` };
    case 'test':
      return { tag: 'test        ', tail: `  ${choice.component}` };
    case 'session':
      return { tag: choice.status.toUpperCase().padEnd(13), tail: `  ${choice.runs} run${choice.runs === 1 ? '' : 's'}`, color: theme.color ? statusColor(choice.status) : undefined };
    case 'recent':
      return { tag: 'earlier      ', tail: `  ${choice.status}` };
  }
}
