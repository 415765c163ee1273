import { useMemo, useState } from 'react';
import type { RecentHypothesis } from '../../core/session/recent-hypotheses.js';
import { useApp, type AppContextValue } from '../app-context.js';
import { HypothesisView, hypothesisHeaderRows } from '../components/hypothesis-view.js';
import { editField, emptyField, fieldOf, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { parseClusterCommand } from '../state/cluster-command.js';
import { cursorIndex, hypothesisChoices, movedKey, type HypothesisChoice } from '../state/hypothesis-choices.js';

/** Step 1: the user says what they think is wrong; matching hypotheses and tests appear as they type. */
export function HypothesisScreen() {
  const app = useApp();
  const { services, bodyRows, size } = app;
  const state = useHypothesisState(app);
  useHypothesisKeys(app, state);
  const practice = services.practice ? { title: services.practice.title, report: services.practice.report } : undefined;
  return (
    <HypothesisView
      field={state.field}
      choices={state.choices}
      cursor={state.cursor}
      practice={practice}
      width={size.columns}
      rows={bodyRows}
      theme={services.theme}
    />
  );
}

type HypothesisState = ReturnType<typeof useHypothesisState>;

/** The field, what matches it, and the highlighted choice (followed by its key, not its row). */
function useHypothesisState({ services, state: appState, session, bodyRows, size }: AppContextValue) {
  const [field, setField] = useState<TextField>(() => (appState.initialQuery ? fieldOf(appState.initialQuery) : emptyField));
  const [cursorKey, setCursorKey] = useState<string | undefined>(undefined);
  // Earlier sessions are read once per visit to this screen, not per keystroke.
  const [recent] = useState<readonly RecentHypothesis[]>(() => services.recentHypotheses?.() ?? []);
  const practice = services.practice ? { title: services.practice.title, report: services.practice.report } : undefined;
  const { header } = hypothesisHeaderRows({ practice, width: size.columns, rows: bodyRows });
  const testRows = Math.max(2, bodyRows - header - 2 - 3);
  const choices = useMemo(() => hypothesisChoices(field.value, services, session, recent, testRows), [field.value, services, session, recent, testRows]);
  const cursor = cursorIndex(choices, cursorKey);
  return { field, setField, cursorKey, setCursorKey, choices, cursor, chosen: cursor >= 0 ? choices[cursor] : undefined };
}

function useHypothesisKeys({ services, session, record, dispatch }: AppContextValue, s: HypothesisState) {
  const say = (text: string, kind: 'info' | 'warn' | 'error' = 'info') => dispatch({ type: 'message', message: { kind, text } });
  const state = (text: string, catalogHypothesis?: string, thenTest?: string) => {
    const hypothesisId = `h${session.hypotheses.length + 1}`;
    record({ type: 'hypothesis-stated', hypothesisId, text, catalogHypothesis });
    dispatch({ type: 'refine', text: '' });
    if (thenTest) dispatch({ type: 'start-plan', testIds: [thenTest] });
    else dispatch({ type: 'go', screen: { name: 'tests' } });
  };
  const take = (chosen: HypothesisChoice | undefined, typed: string) => {
    switch (chosen?.kind) {
      case 'hypothesis':
        return state(chosen.text, chosen.id);
      case 'test':
        return state(typed || chosen.text, undefined, chosen.id);
      case 'session':
        record({ type: 'hypothesis-focused', hypothesisId: chosen.id });
        return dispatch({ type: 'go', screen: { name: 'tests' } });
      case 'recent':
        return state(chosen.text, chosen.catalogHypothesis);
      case undefined:
        if (typed) return state(typed);
        return say('type what you think is wrong, e.g. "postgres is down", or paste an error message');
    }
  };
  // `:ctx NAME` and `:ns NAME` switch where tests run; the status line follows.
  const switchCluster = (command: NonNullable<ReturnType<typeof parseClusterCommand>>) => {
    if (!services.switchCluster) return say('no cluster to switch: hunch found no kubeconfig', 'warn');
    s.setField(emptyField);
    void services.switchCluster(command).then((result) => say(result.message, result.ok ? 'info' : 'error'));
  };

  useKeys((input, key, name) => {
    switch (actionFor('hypothesis', name)) {
      case 'submit': {
        const typed = s.field.value.trim();
        const command = parseClusterCommand(typed);
        if (command) switchCluster(command);
        else take(s.chosen, typed);
        return true;
      }
      case 'move':
        s.setCursorKey(movedKey(s.choices, s.cursorKey, name === 'down' ? 1 : -1));
        return true;
      case 'complete':
        if (s.chosen) s.setField(fieldOf(s.chosen.text));
        return true;
      case 'history':
        if (session.hypotheses.length > 0) dispatch({ type: 'go', screen: { name: 'history' } });
        else say('no hypothesis yet in this session: type one and press enter');
        return true;
      case 'clear':
        s.setField(emptyField);
        s.setCursorKey(undefined);
        return true;
      default:
        break;
    }
    if (name === '?' && s.field.value === '') return false;
    const edited = editField(s.field, input, key);
    if (!edited) return false;
    s.setField(edited);
    s.setCursorKey(undefined);
    return true;
  }, 'hypothesis');
}
