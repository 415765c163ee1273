import { Text } from 'ink';
import { useMemo, useState } from 'react';
import type { CatalogTest, ParamSpec } from '../../core/catalog/schema.js';
import { isRequired, paramsFor, renderCommand } from '../../core/params/render.js';
import { validateParamValue } from '../../core/params/validate.js';
import { useApp, type AppContextValue } from '../app-context.js';
import { ParamsView } from '../components/params-view.js';
import { editField, fieldOf, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { useSuggestions } from '../hooks/use-suggestions.js';
import { actionFor } from '../keys/bindings.js';
import { commandPreview } from '../state/command-preview.js';
import { recentValues, withRecentFirst } from '../state/recent-values.js';

/** Step 3: one parameter at a time, the whole command in view, suggestions from the cluster. */
export function ParamsScreen({ test }: { test: CatalogTest }) {
  const app = useApp();
  const s = useParamsState(app, test);
  useParamsKeys(app, test, s);
  const { services, bodyRows, size } = app;
  if (!s.spec) return <Text dimColor>This test takes no parameters: press enter.</Text>;
  // The command as it stands: values chosen so far, the one being typed, <name> for the rest.
  const preview: Record<string, string> = { ...s.values };
  if (s.field.value) preview[s.spec.name] = s.field.value;
  else delete preview[s.spec.name];
  return (
    <ParamsView
      test={test}
      spec={s.spec}
      index={s.index}
      count={s.specs.length}
      segments={commandPreview(test, preview, services.settings.target ?? test.target)}
      field={s.field}
      shown={s.shown}
      cursor={s.cursor}
      error={s.error}
      loading={s.suggestions.loading}
      reason={s.suggestions.reason}
      age={ageOf(s.suggestions.loadedAt, services.now())}
      width={size.columns}
      rows={bodyRows}
      theme={services.theme}
    />
  );
}

type ParamsState = ReturnType<typeof useParamsState>;

/**
 * The values so far, the parameter being chosen, its field and its suggestions. The highlighted
 * suggestion is followed by value, so suggestions arriving late never move it to another one. A
 * value filled in for the user (a default, the current namespace) does not filter the list: only
 * what they type does.
 */
function useParamsState({ services, state, session }: AppContextValue, test: CatalogTest) {
  const specs = useMemo(() => paramsFor(test, services.settings.target ?? test.target), [test, services.settings.target]);
  // Presets (--param) apply to every test that has a parameter of that name.
  const [values, setValues] = useState<Record<string, string>>(() => startingValues(specs, state.values['*'] ?? {}, state.values[test.id] ?? {}));
  const [index, setIndex] = useState(0);
  const spec = specs[index];
  const [field, setField] = useState<TextField>(() => fieldOf(initialValue(specs[0], values, services.settings.namespace)));
  const [edited, setEdited] = useState(false);
  const [cursorValue, setCursorValue] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [refreshKey, setRefreshKey] = useState(0);
  const earlier = useMemo(() => Object.fromEntries(specs.slice(0, index).map((p) => [p.name, values[p.name] ?? ''])), [specs, index, values]);
  const suggestions = useSuggestions(services, test, spec?.name, earlier, refreshKey);
  // Values used earlier in the session come first: following a trail reuses its namespace and pod.
  const recent = useMemo(() => (spec ? recentValues(spec.name, session.runs, state.values) : []), [spec, session.runs, state.values]);
  const offered = useMemo(() => withRecentFirst(suggestions.values, recent), [suggestions.values, recent]);
  const typed = edited ? field.value.trim().toLowerCase() : '';
  const shown = offered.filter((o) => typed === '' || o.value.toLowerCase().includes(typed));
  const cursor = cursorValue === undefined ? -1 : shown.findIndex((o) => o.value === cursorValue);
  const goTo = (next: number, current: Record<string, string>) => {
    setIndex(next);
    setField(fieldOf(initialValue(specs[next], current, services.settings.namespace)));
    setEdited(false);
    setCursorValue(undefined);
    setError(undefined);
  };
  return { specs, spec, index, values, setValues, field, setField, setEdited, shown, cursor, setCursorValue, error, setError, suggestions, setRefreshKey, goTo };
}

function useParamsKeys({ services, dispatch }: AppContextValue, test: CatalogTest, s: ParamsState) {
  const finish = (final: Record<string, string>) => {
    dispatch({ type: 'set-values', testId: test.id, values: final });
    const rendered = renderCommand(test, final, services.settings);
    if (rendered.ok) return dispatch({ type: 'go', screen: { name: 'confirm', testId: test.id } });
    const first = rendered.errors[0];
    const at = s.specs.findIndex((p) => p.name === first?.param);
    if (at >= 0) s.goTo(at, final);
    s.setError(rendered.errors.map((e) => `${e.param} ${e.message}`).join('; '));
  };
  const commit = (value: string) => {
    const spec = s.spec;
    if (!spec) return finish(s.values);
    const trimmed = value.trim();
    if (trimmed === '' && isRequired(spec)) return s.setError(`${spec.name} is required: type it${s.shown.length > 0 ? ', or ↓ to pick a suggestion' : ''}`);
    const problem = trimmed === '' ? undefined : validateParamValue(spec, trimmed);
    if (problem) return s.setError(`${spec.name} ${problem}`);
    const next = { ...s.values, [spec.name]: trimmed };
    s.setValues(next);
    if (s.index + 1 < s.specs.length) s.goTo(s.index + 1, next);
    else finish(next);
  };
  useKeys((input, key, name) => {
    switch (actionFor('params', name)) {
      case 'accept':
        commit(s.shown[s.cursor]?.value ?? s.field.value);
        return true;
      case 'keep':
        commit(s.field.value);
        return true;
      case 'move': {
        const next = Math.max(-1, Math.min(s.shown.length - 1, s.cursor + (name === 'down' ? 1 : -1)));
        s.setCursorValue(next < 0 ? undefined : s.shown[next]?.value);
        return true;
      }
      case 'previous':
        if (s.index > 0) s.goTo(s.index - 1, s.values);
        return true;
      case 'refresh':
        s.setRefreshKey((k) => k + 1);
        return true;
      case 'back':
        dispatch({ type: 'set-values', testId: test.id, values: s.values });
        dispatch({ type: 'go', screen: { name: 'tests' } });
        return true;
      default:
        break;
    }
    if (name === '?' && s.field.value === '') return false;
    const edited = editField(s.field, input, key);
    if (!edited) return false;
    s.setField(edited);
    s.setEdited(true);
    s.setCursorValue(undefined);
    s.setError(undefined);
    return true;
  }, 'params');
}

function startingValues(specs: readonly ParamSpec[], presets: Readonly<Record<string, string>>, chosen: Readonly<Record<string, string>>): Record<string, string> {
  const names = new Set(specs.map((p) => p.name));
  return { ...Object.fromEntries(Object.entries(presets).filter(([name]) => names.has(name))), ...chosen };
}

/** A value already chosen, else the default, else the session's namespace for namespaces. */
function initialValue(spec: ParamSpec | undefined, values: Readonly<Record<string, string>>, namespace: string | undefined): string {
  if (!spec) return '';
  const existing = values[spec.name];
  if (existing !== undefined) return existing;
  if (spec.default !== undefined) return String(spec.default);
  if (spec.type === 'namespace' && namespace) return namespace;
  return '';
}

/** "12s ago", "2m ago": how old the cluster's answers are. */
function ageOf(loadedAt: Date | undefined, now: Date): string | undefined {
  if (!loadedAt) return undefined;
  const age = Math.max(0, Math.round((now.getTime() - loadedAt.getTime()) / 1000));
  return age < 60 ? `${age}s ago` : age < 3600 ? `${Math.floor(age / 60)}m ago` : `${Math.floor(age / 3600)}h ago`;
}
