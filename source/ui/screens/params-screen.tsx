import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { CatalogTest, ParamSpec } from '../../core/catalog/schema.js';
import { isRequired, paramsFor, renderCommand } from '../../core/params/render.js';
import { validateParamValue } from '../../core/params/validate.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { CommandPreviewView } from '../components/command-preview-view.js';
import { Spinner } from '../components/spinner.js';
import { TextFieldView } from '../components/text-field-view.js';
import { clamp, listWindow } from '../components/window.js';
import { editField, fieldOf, type TextField } from '../hooks/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { useSuggestions } from '../hooks/use-suggestions.js';
import { actionFor } from '../keys/bindings.js';
import { commandPreview } from '../state/command-preview.js';

/** Step 3: one parameter at a time, the whole command in view, suggestions from the cluster. */
export function ParamsScreen({ test }: { test: CatalogTest }) {
  const { services, state, dispatch, bodyRows, size } = useApp();
  const theme = services.theme;
  const specs = useMemo(() => paramsFor(test, services.settings.target ?? test.target), [test, services.settings.target]);
  // Presets (--param) apply to every test that has a parameter of that name.
  const [values, setValues] = useState<Record<string, string>>(() => startingValues(specs, state.values['*'] ?? {}, state.values[test.id] ?? {}));
  const [index, setIndex] = useState(0);
  const spec = specs[index];
  const [field, setField] = useState<TextField>(() => fieldOf(initialValue(specs[0], values, services.settings.namespace)));
  const [cursor, setCursor] = useState(-1);
  const [error, setError] = useState<string | undefined>(undefined);
  const [refreshKey, setRefreshKey] = useState(0);
  const earlier = useMemo(() => Object.fromEntries(specs.slice(0, index).map((s) => [s.name, values[s.name] ?? ''])), [specs, index, values]);
  const suggestions = useSuggestions(services, test, spec?.name, earlier, refreshKey);
  const typed = field.value.trim().toLowerCase();
  const shown = suggestions.values.filter((s) => typed === '' || s.value.toLowerCase().includes(typed) || s.value === field.value);

  const goTo = (next: number, current: Record<string, string>) => {
    setIndex(next);
    setField(fieldOf(initialValue(specs[next], current, services.settings.namespace)));
    setCursor(-1);
    setError(undefined);
  };

  const finish = (final: Record<string, string>) => {
    dispatch({ type: 'set-values', testId: test.id, values: final });
    const rendered = renderCommand(test, final, services.settings);
    if (rendered.ok) {
      dispatch({ type: 'go', screen: { name: 'confirm', testId: test.id } });
      return;
    }
    const first = rendered.errors[0];
    const at = specs.findIndex((s) => s.name === first?.param);
    if (at >= 0) goTo(at, final);
    setError(rendered.errors.map((e) => `${e.param} ${e.message}`).join('; '));
  };

  const commit = (value: string) => {
    if (!spec) return finish(values);
    const trimmed = value.trim();
    if (trimmed === '' && isRequired(spec)) {
      setError(`${spec.name} is required`);
      return;
    }
    const problem = trimmed === '' ? undefined : validateParamValue(spec, trimmed);
    if (problem) {
      setError(`${spec.name} ${problem}`);
      return;
    }
    const next = { ...values, [spec.name]: trimmed };
    setValues(next);
    if (index + 1 < specs.length) goTo(index + 1, next);
    else finish(next);
  };

  useKeys((input, key, name) => {
    const action = actionFor('params', name);
    if (action === 'accept') {
      const chosen = shown[cursor];
      commit(chosen ? chosen.value : field.value);
      return true;
    }
    if (action === 'keep') {
      commit(field.value);
      return true;
    }
    if (action === 'move') {
      setCursor((c) => clamp(c + (name === 'down' ? 1 : -1), -1, shown.length - 1));
      return true;
    }
    if (action === 'previous') {
      if (index > 0) goTo(index - 1, values);
      return true;
    }
    if (action === 'refresh') {
      setRefreshKey((k) => k + 1);
      return true;
    }
    if (action === 'back') {
      dispatch({ type: 'set-values', testId: test.id, values });
      dispatch({ type: 'go', screen: { name: 'tests' } });
      return true;
    }
    if (name === '?' && field.value === '') return false;
    const edited = editField(field, input, key);
    if (edited) {
      setField(edited);
      setCursor(-1);
      setError(undefined);
      return true;
    }
    return false;
  });

  if (specs.length === 0) return <Text dimColor>This test takes no parameters: press enter.</Text>;
  const listRows = Math.max(2, bodyRows - 10);
  const view = listWindow(shown.length, Math.max(0, cursor), listRows);
  return (
    <Box flexDirection="column">
      <Text bold>{`${test.title}  `}<Text dimColor>{`parameter ${index + 1} of ${specs.length}`}</Text></Text>
      <CommandPreviewView segments={commandPreview(test, { ...values, ...(spec ? { [spec.name]: field.value || `<${spec.name}>` } : {}) }, services.settings.target ?? test.target)} current={spec?.name} color={theme.color} />
      <Text> </Text>
      {spec ? <ParamLabel spec={spec} /> : null}
      <Box>
        <Text color={theme.color ? 'cyan' : undefined}>{`${theme.symbols.cursor} `}</Text>
        <TextFieldView field={field} placeholder={spec ? `type a ${spec.type}` : ''} color={theme.color} />
      </Box>
      {error ? <Text color={theme.color ? 'red' : undefined}>{`error: ${oneLine(error, size.columns - 8)}`}</Text> : null}
      {suggestions.loading ? <Spinner label={`loading ${spec?.type ?? ''} suggestions from the cluster (keep typing)`} unicode={theme.unicode} /> : null}
      {!suggestions.loading && suggestions.reason ? <Text dimColor>{oneLine(`no suggestions: ${suggestions.reason}; type the value`, size.columns)}</Text> : null}
      {view.label || suggestions.loadedAt ? <Text dimColor>{suggestionsHeading(view.label, suggestions.loadedAt, services.now())}</Text> : null}
      {shown.slice(view.start, view.end).map((s, i) => {
        const at = view.start + i;
        return (
          <Text key={s.value} inverse={theme.color && at === cursor} bold={at === cursor}>
            {at === cursor ? `${theme.symbols.cursor} ` : '  '}
            {oneLine(s.value, size.columns - 30)}
            {s.note ? <Text dimColor>{`  ${oneLine(s.note, Math.max(40, size.columns - s.value.length - 8))}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

function ParamLabel({ spec }: { spec: ParamSpec }) {
  return (
    <Text>
      <Text bold>{spec.name}</Text>
      <Text dimColor>{` (${spec.type}${isRequired(spec) ? '' : ', optional'})`}</Text>
      {spec.description ? <Text>{` ${spec.description}`}</Text> : null}
    </Text>
  );
}

function startingValues(specs: readonly ParamSpec[], presets: Readonly<Record<string, string>>, chosen: Readonly<Record<string, string>>): Record<string, string> {
  const names = new Set(specs.map((s) => s.name));
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

/** "suggestions 1–8 of 12 · from the cluster 2m ago (ctrl+r refreshes)". */
function suggestionsHeading(range: string | undefined, loadedAt: Date | undefined, now: Date): string {
  const age = loadedAt ? Math.max(0, Math.round((now.getTime() - loadedAt.getTime()) / 1000)) : undefined;
  const ago = age === undefined ? '' : age < 60 ? `${age}s ago` : age < 3600 ? `${Math.floor(age / 60)}m ago` : `${Math.floor(age / 3600)}h ago`;
  return ['suggestions', range ?? '', ago ? `· from the cluster ${ago} (ctrl+r refreshes)` : ''].filter(Boolean).join(' ');
}
