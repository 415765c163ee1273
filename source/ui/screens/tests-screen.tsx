import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { currentHypothesis } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import { missingTools } from '../../core/tools.js';
import { useApp, type AppContextValue } from '../app-context.js';
import { TestDetails } from '../components/test-details.js';
import { marksText, TestRow, type TestMarks } from '../components/test-row.js';
import { TextFieldView } from '../components/text-field-view.js';
import { clamp, listWindow } from '../components/window.js';
import { editField, fieldOf, type TextField } from '../hooks/text-field.js';
import { accessWords, useAccessMarks } from '../hooks/use-access.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { runMark } from '../state/run-mark.js';
import { testRowLayout } from '../state/test-row-layout.js';
import { filterTests, filterWords, rankedTests } from '../state/tests-for-hypothesis.js';

/** Step 2: the tests that speak to the hypothesis, ranked; pick one or build a plan of several. */
export function TestsScreen() {
  const app = useApp();
  const s = useTestsState(app);
  useTestsKeys(app, s);
  const { services, state, bodyRows, size } = app;
  const theme = services.theme;
  const width = size.columns;
  const { tests, cursor, marksOf } = s;
  const current = tests[cursor];
  // The detail pane takes most of the body; the list keeps a few rows around the cursor.
  const detailRows = s.details && current ? Math.max(6, Math.min(20, bodyRows - 6)) : 0;
  const listRows = Math.max(1, bodyRows - 1 - (s.filter ? 1 : 0) - (tests.length === 0 ? 2 : 0) - detailRows);
  // Columns from the rows a one-line list would show; two lines per test when the title lacks room.
  const oneLineView = listWindow(tests.length, cursor, listRows);
  const visible = tests.slice(oneLineView.start, oneLineView.end).map((t) => ({ title: t.title, component: t.component, marks: marksText(marksOf(t), theme) }));
  const layout = testRowLayout(width, visible, theme.symbols.selected.length);
  const view = layout.twoLine ? listWindow(tests.length, cursor, Math.floor(listRows / 2)) : oneLineView;
  const query = `${s.hypothesisText} ${s.filterText}`;
  const filtered = filterWords(s.filterText).length > 0;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {`${tests.length} test${tests.length === 1 ? '' : 's'} for this hypothesis`}
        {filtered ? ` (filter: ${oneLine(s.filterText.trim(), 30)})` : ''}
        {view.label ? <Text dimColor>{`  ${view.label}`}</Text> : null}
        {state.selected.length > 0 ? `  plan: ${state.selected.length} selected (enter runs them)` : ''}
      </Text>
      {s.filter ? (
        <Box>
          <Text>/ </Text>
          <TextFieldView field={s.filter} placeholder="words a test must mention (enter keeps the filter, esc drops it)" color={theme.color} width={width - 2} />
        </Box>
      ) : null}
      {tests.length === 0 && filtered ? (
        <Text dimColor wrap="wrap">
          {`No test for this hypothesis mentions ${filterWords(s.filterText).map((w) => `"${oneLine(w, 20)}"`).join(' and ')}. Esc drops the filter.`}
        </Text>
      ) : null}
      {tests.length === 0 && !filtered ? (
        <Text dimColor wrap="wrap">
          No test matches. Try other words (esc goes back), a component name (postgres, ingress, dns), or run hunch catalog stats to see what the catalogue covers.
        </Text>
      ) : null}
      {tests.slice(view.start, view.end).map((test, i) => (
        <TestRow
          key={test.id}
          test={test}
          marks={marksOf(test)}
          active={view.start + i === cursor}
          selected={state.selected.includes(test.id)}
          layout={layout}
          width={width}
          query={query}
          theme={theme}
        />
      ))}
      {s.details && current ? <TestDetails test={current} width={width} rows={detailRows} /> : null}
    </Box>
  );
}

type TestsState = ReturnType<typeof useTestsState>;

/** The ranked list, the cursor (on a test, not a row), the detail pane and the filter field. */
function useTestsState({ services, state, session }: AppContextValue) {
  const hypothesis = currentHypothesis(session);
  const [filter, setFilter] = useState<TextField | undefined>(undefined);
  // While the filter is typed the list follows it; enter keeps it (state.refine), esc drops it.
  const filterText = filter ? filter.value : state.refine;
  // Ranked once per hypothesis (and once more when a filter starts); each keystroke only filters.
  const filtering = filterWords(filterText).length > 0;
  const ranked = useMemo(() => rankedTests(services, hypothesis, filtering), [services, hypothesis, filtering]);
  const tests = useMemo(() => filterTests(ranked, filterText), [ranked, filterText]);
  const [cursorId, setCursorId] = useState<string | undefined>(undefined);
  const [details, setDetails] = useState(false);
  // The cursor follows the test, not the row, so a refreshed list keeps it on the same item.
  const cursor = Math.max(0, tests.findIndex((t) => t.id === cursorId));
  // Access is checked for the namespace the tests would run in: a preset one, else the session's.
  const accessOf = useAccessMarks(services, tests, state.values['*']?.namespace ?? services.settings.namespace ?? services.cluster.namespace);
  const marksOf = (test: CatalogTest): TestMarks => {
    const lastRun = [...session.runs].reverse().find((r) => r.testId === test.id && r.hypothesisId === session.currentHypothesisId && r.state !== 'running');
    return {
      mutating: test.effect === 'mutating',
      here: services.detectedComponents?.has(test.component) ?? false,
      missing: missingTools(test.requires.tools),
      access: accessWords(accessOf(test)),
      last: lastRun ? runMark(lastRun, services.theme) : undefined,
    };
  };
  return { tests, cursor, setCursorId, details, setDetails, filter, setFilter, filterText, marksOf, hypothesisText: hypothesis?.text ?? '' };
}

function useTestsKeys({ state, dispatch, bodyRows }: AppContextValue, s: TestsState) {
  const { tests, cursor } = s;
  const move = (to: number) => s.setCursorId(tests[clamp(to, 0, tests.length - 1)]?.id);
  const page = Math.max(1, bodyRows - 3);
  useKeys(
    (input, key, name) => {
      if (s.filter) {
        const action = actionFor('filter', name);
        if (action === 'apply') {
          dispatch({ type: 'refine', text: s.filter.value.trim() });
          s.setFilter(undefined);
        } else if (action === 'cancel') {
          dispatch({ type: 'refine', text: '' });
          s.setFilter(undefined);
        } else {
          const edited = editField(s.filter, input, key);
          if (edited) s.setFilter(edited);
        }
        return true;
      }
      switch (actionFor('tests', name)) {
        case 'up':
          return (move(cursor - 1), true);
        case 'down':
          return (move(cursor + 1), true);
        case 'top':
          return (move(0), true);
        case 'bottom':
          return (move(tests.length - 1), true);
        case 'pageup':
          return (move(cursor - page), true);
        case 'pagedown':
          return (move(cursor + page), true);
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
          s.setFilter(fieldOf(state.refine));
          return true;
        case 'details':
          s.setDetails((d) => !d);
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
    },
    s.filter ? 'filter' : 'tests',
  );
}
