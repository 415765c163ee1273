import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { OUTCOMES, type Outcome } from '../../core/catalog/constants.js';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { formatDuration } from '../../core/export/labels.js';
import { renderCommand } from '../../core/params/render.js';
import type { ExecuteResult } from '../../core/session/execute-test.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { OutputPane } from '../components/output-pane.js';
import { Spinner } from '../components/spinner.js';
import { TextFieldView } from '../components/text-field-view.js';
import { clamp } from '../components/window.js';
import { editField, emptyField, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { LineBuffer } from '../state/line-buffer.js';
import { outcomeColor } from '../theme.js';

const RENDER_EVERY_MS = 50;

/** Step 5: the test runs; output streams into a bounded pane; then its outcome and what next. */
export function RunScreen({ test }: { test: CatalogTest }) {
  const { services, state, session, record, refresh, dispatch, bodyRows, size } = useApp();
  const theme = services.theme;
  const buffer = useRef(new LineBuffer());
  const abort = useRef<AbortController | undefined>(undefined);
  const [, setTick] = useState(0);
  const [result, setResult] = useState<ExecuteResult | undefined>(undefined);
  const [note, setNote] = useState<TextField | undefined>(undefined);
  const [fullOffset, setFullOffset] = useState<number | undefined>(undefined);
  const hypothesisId = session.currentHypothesisId ?? '';

  useEffect(() => {
    const rendered = renderCommand(test, state.values[test.id] ?? {}, services.settings);
    if (!rendered.ok) return undefined;
    const controller = new AbortController();
    abort.current = controller;
    let dirty = false;
    const timer = setInterval(() => {
      if (dirty) {
        dirty = false;
        setTick((t) => t + 1);
      }
    }, RENDER_EVERY_MS);
    services
      .runTest({ test, command: rendered.command, hypothesisId, signal: controller.signal, onOutput: (_stream, text) => {
        buffer.current.push(text);
        dirty = true;
      } })
      .then((outcome) => {
        buffer.current.end();
        refresh();
        setResult(outcome);
      })
      .catch((error: unknown) => {
        setResult({ runId: '', outcome: 'error', finding: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => clearInterval(timer));
    // The run journaled its start before its first await.
    refresh();
    return () => {
      clearInterval(timer);
      controller.abort();
    };
    // The run starts once per screen; values are fixed by the time we get here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = result ? session.runs.find((r) => r.runId === result.runId) : undefined;
  const outcome: Outcome | undefined = run?.outcome ?? result?.outcome;

  useKeys((input, key, name) => {
    if (!result) {
      if (actionFor('running', name) === 'stop') {
        abort.current?.abort();
        dispatch({ type: 'message', message: { kind: 'info', text: 'stopping the test and everything it started…' } });
        return true;
      }
      return name !== '?';
    }
    if (note) {
      if (name === 'enter') {
        if (note.value.trim() && run) record({ type: 'note-added', hypothesisId, runId: run.runId, text: note.value.trim() });
        setNote(undefined);
        return true;
      }
      if (name === 'esc') {
        setNote(undefined);
        return true;
      }
      const edited = editField(note, input, key);
      if (edited) setNote(edited);
      return true;
    }
    if (fullOffset !== undefined) {
      if (name === 'esc' || name === 'f') setFullOffset(undefined);
      else if (name === 'up' || name === 'k') setFullOffset((o) => clamp((o ?? 0) + 1, 0, buffer.current.all().length));
      else if (name === 'down' || name === 'j') setFullOffset((o) => clamp((o ?? 0) - 1, 0, buffer.current.all().length));
      else if (name === 'pageup') setFullOffset((o) => clamp((o ?? 0) + bodyRows, 0, buffer.current.all().length));
      else if (name === 'pagedown') setFullOffset((o) => clamp((o ?? 0) - bodyRows, 0, buffer.current.all().length));
      return true;
    }
    switch (actionFor('finished', name)) {
      case 'next':
        dispatch({ type: 'advance-plan' });
        return true;
      case 'verdict':
        dispatch({ type: 'go', screen: { name: 'verdict' } });
        return true;
      case 'override': {
        if (!run?.outcome) return true;
        const next = OUTCOMES[(OUTCOMES.indexOf(run.outcome) + 1) % OUTCOMES.length] as Outcome;
        record({ type: 'outcome-overridden', runId: run.runId, outcome: next, reason: 'set by the user' });
        return true;
      }
      case 'note':
        setNote(emptyField);
        return true;
      case 'full':
        setFullOffset(0);
        return true;
      case 'suggested':
        if (test.next.length > 0) dispatch({ type: 'start-plan', testIds: test.next.filter((id) => services.catalog.testById.has(id)) });
        return true;
      case 'back':
        dispatch({ type: 'go', screen: { name: 'tests' } });
        return true;
      default:
        return false;
    }
  });

  const paneRows = Math.max(3, bodyRows - 6);
  if (fullOffset !== undefined) {
    const all = buffer.current.all();
    const end = all.length - fullOffset;
    return (
      <Box flexDirection="column">
        <Text bold>{`Full output (${buffer.current.total} lines${buffer.current.total > all.length ? `, last ${all.length} kept here; the whole output is in the session's output file` : ''})  ↑/↓ scroll, esc closes`}</Text>
        {all.slice(Math.max(0, end - paneRows - 1), end).map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line || ' '}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{test.title}</Text>
      <OutputPane lines={buffer.current.tail(paneRows)} total={buffer.current.total} rows={paneRows} width={size.columns} hiddenHint={result ? '(f: full output)' : ''} />
      {!result ? <Spinner label={`running ${test.id} (esc or ctrl+c stops it)`} unicode={theme.unicode} /> : null}
      {result && outcome ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            <Text bold color={theme.color ? outcomeColor(outcome) : undefined}>{`${theme.symbols[outcome]} ${outcome.toUpperCase()}`}</Text>
            <Text>{`  ${oneLine(result.finding, size.columns - 20)}`}</Text>
          </Text>
          <Text dimColor>
            {run ? `exit ${run.exitCode ?? '—'}, ${formatDuration(run.durationMs)}${run.originalOutcome ? `, set by you (the rules said ${run.originalOutcome})` : ''}` : ''}
          </Text>
          {outcome === 'anomaly' && test.next.length > 0 ? <Text>{`suggested next (x): ${test.next.join(', ')}`}</Text> : null}
          {state.plan.length > 0 ? <Text dimColor>{`${state.plan.length} more test(s) in the plan (n)`}</Text> : null}
          {run?.notes.map((text, i) => <Text key={i} dimColor>{`note: ${oneLine(text, size.columns - 8)}`}</Text>)}
          {note ? (
            <Box>
              <Text>note: </Text>
              <TextFieldView field={note} placeholder="what you noticed (enter saves, esc cancels)" color={theme.color} />
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
