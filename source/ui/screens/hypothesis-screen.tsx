import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { editField, emptyField, fieldOf, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { TextFieldView } from '../components/text-field-view.js';
import { Highlighted } from '../components/highlighted.js';
import { clamp } from '../components/window.js';
import { parseClusterCommand } from '../state/cluster-command.js';
import { statusColor } from '../theme.js';

type Suggestion = { kind: 'hypothesis'; id: string; text: string; tests: number } | { kind: 'test'; id: string; text: string; component: string };

/** Step 1: the user says what they think is wrong; matching hypotheses and tests appear as they type. */
export function HypothesisScreen() {
  const { services, state: appState, session, record, dispatch, bodyRows, size } = useApp();
  const [field, setField] = useState<TextField>(() => (appState.initialQuery ? fieldOf(appState.initialQuery) : emptyField));
  const [cursor, setCursor] = useState(-1);
  const theme = services.theme;

  const suggestions = useMemo<Suggestion[]>(() => {
    if (field.value.trim().length < 2 || field.value.startsWith(':')) return [];
    const found = services.catalog.searcher.search(field.value, { limit: 8, partial: true, ...(services.detectedComponents ? { detectedComponents: services.detectedComponents } : {}) });
    const hypotheses = found.hypotheses.slice(0, 3).flatMap((hit): Suggestion[] => {
      const h = services.catalog.hypothesisById.get(hit.id);
      return h ? [{ kind: 'hypothesis', id: h.id, text: h.statement, tests: h.tests.length }] : [];
    });
    const tests = found.tests.slice(0, Math.max(2, bodyRows - 8 - hypotheses.length)).flatMap((hit): Suggestion[] => {
      const t = services.catalog.testById.get(hit.id);
      return t ? [{ kind: 'test', id: t.id, text: t.title, component: t.component }] : [];
    });
    return [...hypotheses, ...tests];
  }, [field.value, services, bodyRows]);

  // `:ctx NAME` and `:ns NAME` switch where tests run; the status line follows.
  const switchCluster = (command: NonNullable<ReturnType<typeof parseClusterCommand>>) => {
    if (!services.switchCluster) {
      dispatch({ type: 'message', message: { kind: 'warn', text: 'no cluster to switch: hunch found no kubeconfig' } });
      return;
    }
    setField(emptyField);
    void services.switchCluster(command).then((result) => dispatch({ type: 'message', message: { kind: result.ok ? 'info' : 'error', text: result.message } }));
  };

  const state = (text: string, catalogHypothesis?: string, thenTest?: string) => {
    const hypothesisId = `h${session.hypotheses.length + 1}`;
    record({ type: 'hypothesis-stated', hypothesisId, text, catalogHypothesis });
    dispatch({ type: 'refine', text: '' });
    if (thenTest) dispatch({ type: 'start-plan', testIds: [thenTest] });
    else dispatch({ type: 'go', screen: { name: 'tests' } });
  };

  useKeys((input, key, name) => {
    const action = actionFor('hypothesis', name);
    if (action === 'submit') {
      const chosen = suggestions[cursor];
      const typed = field.value.trim();
      const command = parseClusterCommand(typed);
      if (command) {
        switchCluster(command);
        return true;
      }
      if (chosen?.kind === 'hypothesis') state(chosen.text, chosen.id);
      else if (chosen?.kind === 'test') state(typed || chosen.text, undefined, chosen.id);
      else if (typed) state(typed);
      else dispatch({ type: 'message', message: { kind: 'info', text: 'type what you think is wrong, e.g. "postgres is down" or paste an error message' } });
      return true;
    }
    if (action === 'move') {
      setCursor((c) => clamp(c + (name === 'down' ? 1 : -1), -1, suggestions.length - 1));
      return true;
    }
    if (action === 'complete') {
      const chosen = suggestions[cursor];
      if (chosen) setField(fieldOf(chosen.text));
      return true;
    }
    if (action === 'history') {
      if (session.hypotheses.length > 0) dispatch({ type: 'go', screen: { name: 'history' } });
      return true;
    }
    if (action === 'clear') {
      setField(emptyField);
      setCursor(-1);
      return true;
    }
    if (name === '?' && field.value === '') return false;
    const edited = editField(field, input, key);
    if (edited) {
      setField(edited);
      setCursor(-1);
      return true;
    }
    return false;
  });

  const width = size.columns;
  return (
    <Box flexDirection="column">
      {services.practice && session.hypotheses.length === 0 ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold>{`PRACTICE: ${services.practice.title}`}</Text>
          <Text wrap="wrap">{`The report you got: ${oneLine(services.practice.report)}`}</Text>
        </Box>
      ) : null}
      <Text bold>What do you think is wrong?</Text>
      <Box>
        <Text color={theme.color ? 'cyan' : undefined}>{`${theme.symbols.cursor} `}</Text>
        <TextFieldView field={field} placeholder='e.g. "checkout returns 502" or paste an error message' color={theme.color} />
      </Box>
      <Text> </Text>
      {field.value.startsWith(':') ? <Text dimColor>:ctx NAME switches the kubeconfig context, :ns NAME the namespace (alone: show them)</Text> : null}
      {suggestions.length === 0 && field.value.trim().length >= 2 && !field.value.startsWith(':') ? (
        <Text dimColor>No match yet. Try another word, a component name (postgres, ingress, dns), or run hunch catalog stats to see what the catalogue covers.</Text>
      ) : null}
      {suggestions.map((s, i) => (
        <Text key={`${s.kind}-${s.id}`} inverse={theme.color && i === cursor} bold={i === cursor}>
          {i === cursor ? `${theme.symbols.cursor} ` : '  '}
          {s.kind === 'hypothesis' ? 'hypothesis  ' : 'test        '}
          <Highlighted text={oneLine(s.text, width - 30)} query={field.value} color={theme.color} />
          <Text dimColor>{s.kind === 'hypothesis' ? `  ${s.tests} tests` : `  ${s.component}`}</Text>
        </Text>
      ))}
      {field.value === '' && session.hypotheses.length > 0 ? (
        <Box flexDirection="column">
          <Text dimColor>This session (ctrl+o to go back to one):</Text>
          {session.hypotheses.slice(-5).map((h) => (
            <Text key={h.id}>
              {'  '}
              <Text color={theme.color ? statusColor(h.status) : undefined}>{h.status.toUpperCase().padEnd(13)}</Text>
              {oneLine(h.text, width - 20)}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
