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
import { outcomeColor, statusColor } from '../theme.js';

const VERDICTS: readonly Verdict[] = ['confirmed', 'refuted', 'inconclusive'];

/** Step 6: the evidence suggests a verdict; the user decides and writes one line of conclusion. */
export function VerdictScreen() {
  const { services, session, record, dispatch, size } = useApp();
  const theme = services.theme;
  const hypothesis = currentHypothesis(session);
  const suggested = hypothesis ? suggestVerdict(session, hypothesis.id) : 'inconclusive';
  const [choice, setChoice] = useState<Verdict>(suggested);
  const [conclusion, setConclusion] = useState<TextField>(emptyField);
  const runs = session.runs.filter((r) => r.hypothesisId === hypothesis?.id);

  useKeys((input, key, name) => {
    const action = actionFor('verdict', name);
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
  });

  if (!hypothesis) return <Text>No hypothesis yet.</Text>;
  return (
    <Box flexDirection="column">
      <Text bold>{`Verdict on: ${oneLine(hypothesis.text, size.columns - 14)}`}</Text>
      <Text> </Text>
      <Text dimColor>Evidence:</Text>
      {runs.length === 0 ? <Text dimColor>  no tests run yet</Text> : null}
      {runs.slice(-8).map((run) => (
        <Text key={run.runId}>
          {'  '}
          <Text color={theme.color && run.outcome ? outcomeColor(run.outcome) : undefined}>{`${run.outcome ? theme.symbols[run.outcome] : theme.symbols.running} ${(run.outcome ?? run.state).padEnd(12)}`}</Text>
          {oneLine(`${run.title}: ${run.finding ?? ''}`, size.columns - 20)}
        </Text>
      ))}
      <Text> </Text>
      <Text>
        {'Verdict (←/→): '}
        {VERDICTS.map((v) => (
          <Text key={v} bold={v === choice} inverse={theme.color && v === choice} color={theme.color && v === choice ? statusColor(v) : undefined}>
            {v === choice ? `[${v.toUpperCase()}]` : ` ${v} `}
          </Text>
        ))}
        <Text dimColor>{`  suggested by the evidence: ${suggested}`}</Text>
      </Text>
      <Box>
        <Text>Conclusion: </Text>
        <TextFieldView field={conclusion} placeholder="one line: what the evidence showed" color={theme.color} />
      </Box>
    </Box>
  );
}
