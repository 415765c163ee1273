import { Box, Text } from 'ink';
import { useState } from 'react';
import { OUTCOMES, type Outcome } from '../../core/catalog/constants.js';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { paramsFor } from '../../core/params/render.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp, type AppContextValue } from '../app-context.js';
import { FullOutputView } from '../components/full-output-view.js';
import { OutputPane } from '../components/output-pane.js';
import { RunOutcome } from '../components/run-outcome.js';
import { Spinner } from '../components/spinner.js';
import { editField, emptyField, type TextField } from '../hooks/text-field.js';
import { useFullOutput } from '../hooks/use-full-output.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTestRun } from '../hooks/use-test-run.js';
import { actionFor, type KeyScope } from '../keys/bindings.js';
import { runMark } from '../state/run-mark.js';

/** Step 5: the test runs; output streams into a bounded pane; then its outcome and what next. */
export function RunScreen({ test }: { test: CatalogTest }) {
  const app = useApp();
  const { services, state, bodyRows, size } = app;
  const theme = services.theme;
  const run = useTestRun(app, test);
  const [note, setNote] = useState<TextField | undefined>(undefined);
  const [choosing, setChoosing] = useState<Outcome | undefined>(undefined);
  const full = useFullOutput(run.buffer, bodyRows, (text) => app.dispatch({ type: 'message', message: { kind: 'info', text } }));
  const next = test.next.map((id) => services.catalog.testById.get(id)).filter((t): t is CatalogTest => t !== undefined);
  const scope: KeyScope = full.view ? full.scope : !run.result ? 'running' : note ? 'note' : choosing ? 'override' : 'finished';
  useRunKeys(app, test, run, next, { scope, note, setNote, choosing, setChoosing, full });

  if (full.view) return <FullOutputView buffer={run.buffer} view={full.view} rows={bodyRows} width={size.columns} running={!run.result} theme={theme} />;
  const outcome = run.run?.outcome ?? run.result?.outcome;
  const mark = run.run ? runMark(run.run, theme) : outcome ? { symbol: theme.symbols[outcome], word: outcome, outcome } : undefined;
  const stopped = run.run?.status === 'cancelled';
  const paneRows = Math.max(2, bodyRows - (run.result ? 9 : 3));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{oneLine(test.title, size.columns)}</Text>
      <OutputPane lines={run.buffer.tail(paneRows)} total={run.buffer.total} rows={paneRows} width={size.columns} hiddenHint="(f: full output)" />
      {!run.result ? <Spinner label={run.stopping ? `stopping ${test.id} and everything it started…` : `running ${test.id} (esc or ctrl+c stops it)`} unicode={theme.unicode} /> : null}
      {run.result && mark ? (
        <RunOutcome
          mark={mark}
          finding={stopped ? 'stopped by you before it finished; what it printed is kept' : run.result.finding}
          run={run.run}
          next={outcome === 'anomaly' && !stopped ? next : []}
          planLeft={state.plan.length}
          note={note}
          choosing={choosing}
          outcomes={OUTCOMES}
          width={size.columns}
          theme={theme}
        />
      ) : null}
    </Box>
  );
}

type RunModes = {
  scope: KeyScope;
  note: TextField | undefined;
  setNote: (note: TextField | undefined) => void;
  choosing: Outcome | undefined;
  setChoosing: (outcome: Outcome | undefined) => void;
  full: ReturnType<typeof useFullOutput>;
};

function useRunKeys({ services, state, record, dispatch }: AppContextValue, test: CatalogTest, run: ReturnType<typeof useTestRun>, next: readonly CatalogTest[], m: RunModes) {
  const say = (text: string) => dispatch({ type: 'message', message: { kind: 'info', text } });
  // The tests the catalogue suggests next, with the namespace, pod … of this run carried over.
  const followUp = () => {
    if (next.length === 0) return say('the catalogue suggests no test after this one');
    for (const t of next) {
      if (state.values[t.id]) continue;
      const names = paramsFor(t, services.settings.target ?? t.target).map((p) => p.name);
      const carried = Object.fromEntries(Object.entries(run.run?.values ?? {}).filter(([name]) => names.includes(name)));
      if (Object.keys(carried).length > 0) dispatch({ type: 'set-values', testId: t.id, values: carried });
    }
    dispatch({ type: 'start-plan', testIds: next.map((t) => t.id) });
  };
  useKeys((input, key, name) => {
    if (m.full.view) {
      if (m.full.handleKey(input, key, name)) return true;
      // ctrl+c still stops a run that goes on behind the full output.
      if (name === 'ctrl+c' && !run.result) run.stop();
      return name !== '?';
    }
    if (!run.result) {
      const action = actionFor('running', name);
      if (action === 'stop') {
        run.stop();
        say('stopping the test and everything it started…');
      } else if (action === 'full') m.full.open();
      return name !== '?';
    }
    if (m.note) {
      const action = actionFor('note', name);
      if (action === 'save') {
        if (m.note.value.trim() && run.run) record({ type: 'note-added', hypothesisId: run.hypothesisId, runId: run.run.runId, text: m.note.value.trim() });
        m.setNote(undefined);
      } else if (action === 'cancel') m.setNote(undefined);
      else {
        const edited = editField(m.note, input, key);
        if (edited) m.setNote(edited);
      }
      return true;
    }
    if (m.choosing) {
      const action = actionFor('override', name);
      if (action === 'choose') m.setChoosing(OUTCOMES[(OUTCOMES.indexOf(m.choosing) + (name === 'right' ? 1 : OUTCOMES.length - 1)) % OUTCOMES.length] as Outcome);
      else if (action === 'set') {
        if (run.run && m.choosing !== run.run.outcome) record({ type: 'outcome-overridden', runId: run.run.runId, outcome: m.choosing, reason: 'set by the user' });
        m.setChoosing(undefined);
      } else if (action === 'cancel') m.setChoosing(undefined);
      return name !== '?';
    }
    switch (actionFor('finished', name)) {
      case 'next':
        dispatch({ type: 'advance-plan' });
        return true;
      case 'verdict':
        dispatch({ type: 'go', screen: { name: 'verdict' } });
        return true;
      case 'override':
        if (run.run?.outcome && run.run.status !== 'cancelled') m.setChoosing(run.run.outcome);
        else say('a stopped run has no outcome to change; run it again from the list');
        return true;
      case 'note':
        if (run.run) m.setNote(emptyField);
        return true;
      case 'full':
        m.full.open();
        return true;
      case 'suggested':
        followUp();
        return true;
      case 'back':
        dispatch({ type: 'go', screen: { name: 'tests' } });
        return true;
      default:
        return false;
    }
  }, m.scope);
}
