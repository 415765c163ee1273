import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Verdict } from '../../core/session/events.js';
import { currentHypothesis, suggestVerdict } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { TextFieldView } from '../components/text-field-view.js';
import { editField, emptyField, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { runMark } from '../state/run-mark.js';
import { outcomeColor, statusColor } from '../theme.js';

const VERDICTS: readonly Verdict[] = ['confirmed', 'refuted', 'inconclusive'];

/** Step 6: the evidence suggests a verdict; the user decides and writes one line of conclusion. */
export function VerdictScreen() {
  const { services, session, record, dispatch, size, bodyRows } = useApp();
  const theme = services.theme;
  const hypothesis = currentHypothesis(session);
  const suggested = hypothesis ? suggestVerdict(session, hypothesis.id) : 'inconclusive';
  const [choice, setChoice] = useState<Verdict>(suggested);
  const [conclusion, setConclusion] = useState<TextField>(emptyField);
  const runs = session.runs.filter((r) => r.hypothesisId === hypothesis?.id);

  useKeys((input, key, name) => {
    const action = actionFor('verdict', name);
    // ←/→ choose the verdict only while the conclusion is empty; then they move in the text.
    if (action === 'cycle' && conclusion.value !== '') {
      const edited = editField(conclusion, input, key);
      if (edited) setConclusion(edited);
      return true;
    }
    if (action === 'cycle') {
      const step = name === 'right' ? 1 : -1;
      setChoice((c) => VERDICTS[(VERDICTS.indexOf(c) + step + VERDICTS.length) % VERDICTS.length] as Verdict);
      return true;
    }
    if (action === 'record') {
      if (!hypothesis) return true;
      const text = conclusion.value.trim();
      if (text === '') {
        dispatch({ type: 'message', message: { kind: 'warn', text: 'write one line of conclusion first (what the evidence showed)' } });
        return true;
      }
      record({ type: 'verdict-set', hypothesisId: hypothesis.id, verdict: choice, conclusion: text });
      dispatch({ type: 'go', screen: { name: 'next' } });
      return true;
    }
    if (action === 'back') {
      dispatch({ type: 'go', screen: { name: 'tests' } });
      return true;
    }
    if (name === '?' && conclusion.value === '') return false;
    const edited = editField(conclusion, input, key);
    if (edited) {
      setConclusion(edited);
      return true;
    }
    return false;
  }, 'verdict');

  if (!hypothesis) return <Text>No hypothesis yet.</Text>;
  const room = Math.max(1, bodyRows - 7);
  const shown = runs.slice(-room);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Verdict on: ${oneLine(hypothesis.text)}`}</Text>
      <Text> </Text>
      <Text dimColor>{`Evidence${runs.length > shown.length ? ` (the last ${shown.length} of ${runs.length} runs)` : ''}:`}</Text>
      {runs.length === 0 ? <Text dimColor>  no tests run yet: esc goes back to the tests</Text> : null}
      {shown.map((run) => {
        const mark = runMark(run, theme);
        return (
          <Text key={run.runId} wrap="truncate-end">
            {'  '}
            <Text color={theme.color && mark.outcome ? outcomeColor(mark.outcome) : undefined}>{`${mark.symbol} ${mark.word.padEnd(12)}`}</Text>
            {oneLine(`${run.title}: ${run.finding ?? ''}`)}
          </Text>
        );
      })}
      <Text dimColor wrap="wrap">{`The evidence suggests: ${suggested.toUpperCase()} (${suggestionReason(suggested)}). You decide.`}</Text>
      <Text wrap="truncate-end">
        {'Verdict (←/→): '}
        {VERDICTS.map((v) => (
          <Text key={v} bold={v === choice} inverse={theme.color && v === choice} color={theme.color && v === choice ? statusColor(v) : undefined}>
            {v === choice ? `[${v.toUpperCase()}]` : ` ${v} `}
          </Text>
        ))}
      </Text>
      <Box>
        <Text>Conclusion: </Text>
        <TextFieldView field={conclusion} placeholder="one line: what the evidence showed" color={theme.color} width={size.columns - 12} />
      </Box>
    </Box>
  );
}

function suggestionReason(verdict: Verdict): string {
  switch (verdict) {
    case 'confirmed':
      return 'a test found an anomaly';
    case 'refuted':
      return 'every test came back healthy';
    case 'inconclusive':
      return 'no test decided it';
  }
}
