import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { currentHypothesis } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import { missingTools } from '../../core/tools.js';
import { useApp } from '../app-context.js';
import { editField, fieldOf, type TextField } from '../hooks/text-field.js';
import { accessWords, useAccessMarks } from '../hooks/use-access.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { TextFieldView } from '../components/text-field-view.js';
import { TestDetails } from '../components/test-details.js';
import { clamp, listWindow } from '../components/window.js';
import { testsForHypothesis } from '../state/tests-for-hypothesis.js';
import type { AccessMark } from '../services.js';
import { outcomeColor } from '../theme.js';

/** Step 2: the tests that speak to the hypothesis, ranked; pick one or build a plan of several. */
export function TestsScreen() {
  const { services, state, session, dispatch, bodyRows, size } = useApp();
  const theme = services.theme;
  const hypothesis = currentHypothesis(session);
  const tests = useMemo(() => testsForHypothesis(services, hypothesis, state.refine), [services, hypothesis, state.refine]);
  const [cursorId, setCursorId] = useState<string | undefined>(undefined);
  const [details, setDetails] = useState(false);
  const [filter, setFilter] = useState<TextField | undefined>(undefined);
  // The cursor follows the test, not the row, so a refreshed list keeps it on the same item.
  const cursor = Math.max(0, tests.findIndex((t) => t.id === cursorId));
  const move = (to: number) => setCursorId(tests[clamp(to, 0, tests.length - 1)]?.id);
  const page = Math.max(1, bodyRows - 6);
  // Access is checked for the namespace the tests would run in: a preset one, else the session's.
  const accessOf = useAccessMarks(services, tests, state.values['*']?.namespace ?? services.settings.namespace ?? services.cluster.namespace);

  useKeys((input, key, name) => {
    if (filter) {
      const action = actionFor('filter', name);
      if (action === 'apply') {
        dispatch({ type: 'refine', text: filter.value.trim() });
        setFilter(undefined);
        return true;
      }
      if (action === 'cancel') {
        setFilter(undefined);
        return true;
      }
      const edited = editField(filter, input, key);
      if (edited) setFilter(edited);
      return true;
    }
    const action = actionFor('tests', name);
    switch (action) {
      case 'up':
        move(cursor - 1);
        return true;
      case 'down':
        move(cursor + 1);
        return true;
      case 'top':
        move(0);
        return true;
      case 'bottom':
        move(tests.length - 1);
        return true;
      case 'pageup':
        move(cursor - page);
        return true;
      case 'pagedown':
        move(cursor + page);
        return true;
      case 'toggle': {
        const test = tests[cursor];
        if (test) dispatch({ type: 'toggle-selected', testId: test.id });
        return true;
      }
      case 'run': {
        const plan = state.selected.length > 0 ? tests.filter((t) => state.selected.includes(t.id)).map((t) => t.id) : tests[cursor] ? [tests[cursor].id] : [];
        if (plan.length > 0) dispatch({ type: 'start-plan', testIds: plan });
        return true;
      }
      case 'filter':
        setFilter(fieldOf(state.refine));
        return true;
      case 'details':
        setDetails((d) => !d);
        return true;
      case 'verdict':
        dispatch({ type: 'go', screen: { name: 'verdict' } });
        return true;
      case 'back':
        if (state.refine) dispatch({ type: 'refine', text: '' });
        else dispatch({ type: 'new-hypothesis' });
        return true;
      default:
        return false;
    }
  });

  const current = tests[cursor];
  const detailRows = details && current ? Math.min(12, Math.floor(bodyRows / 2)) : 0;
  const view = listWindow(tests.length, cursor, bodyRows - 3 - detailRows);
  const width = size.columns;
  return (
    <Box flexDirection="column">
      <Text bold>
        {tests.length} test{tests.length === 1 ? '' : 's'} for this hypothesis{state.refine ? ` (refined: ${oneLine(state.refine, 30)})` : ''}
        {view.label ? <Text dimColor>{`  ${view.label}`}</Text> : null}
        {state.selected.length > 0 ? <Text>{`  plan: ${state.selected.length} selected`}</Text> : null}
      </Text>
      {filter ? (
        <Box>
          <Text>/ </Text>
          <TextFieldView field={filter} placeholder="more words to refine the list" color={theme.color} />
        </Box>
      ) : null}
      {tests.length === 0 ? (
        <Text dimColor>No test matches. Try other words (esc), a component name (postgres, ingress, dns), or run hunch catalog stats to see what the catalogue covers.</Text>
      ) : null}
      {tests.slice(view.start, view.end).map((test, i) => (
        <TestRow key={test.id} test={test} active={view.start + i === cursor} width={width} access={accessOf(test)} />
      ))}
      {details && current ? <TestDetails test={current} width={width} rows={detailRows} /> : null}
    </Box>
  );
}

function TestRow({ test, active, width, access }: { test: CatalogTest; active: boolean; width: number; access?: AccessMark | undefined }) {
  const { services, state, session } = useApp();
  const theme = services.theme;
  const selected = state.selected.includes(test.id);
  const lastRun = [...session.runs].reverse().find((r) => r.testId === test.id && r.hypothesisId === session.currentHypothesisId && r.outcome);
  const missing = missingTools(test.requires.tools);
  const detected = services.detectedComponents?.has(test.component) ?? false;
  const marks = [
    test.effect === 'mutating' ? 'MUTATING' : 'read-only',
    detected ? `${theme.symbols.detected} here` : '',
    missing.length > 0 ? `needs ${missing.join(',')}` : '',
    accessWords(access),
  ].filter(Boolean);
  const titleWidth = Math.max(10, width - 48);
  return (
    <Text inverse={theme.color && active} bold={active} wrap="truncate-end">
      {active ? `${theme.symbols.cursor}` : ' '}
      {selected ? ` ${theme.symbols.selected} ` : ` ${theme.symbols.unselected} `}
      {oneLine(test.title, titleWidth).padEnd(Math.min(titleWidth, 60))}
      <Text dimColor={!active}>{`  ${test.component.padEnd(12)} `}</Text>
      <Text color={theme.color && test.effect === 'mutating' ? 'red' : undefined}>{marks.join('  ')}</Text>
      {lastRun?.outcome ? (
        <Text color={theme.color ? outcomeColor(lastRun.outcome) : undefined}>{`  ${theme.symbols[lastRun.outcome]} ${lastRun.outcome}`}</Text>
      ) : null}
    </Text>
  );
}
