import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { mutationRefusal } from '../../core/params/mutation-guard.js';
import { renderCommand } from '../../core/params/render.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { TextFieldView } from '../components/text-field-view.js';
import { editField, emptyField, type TextField } from '../hooks/text-field.js';
import { useAccessMarks } from '../hooks/use-access.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { confirmationWord } from '../state/confirmation-word.js';
import { accessBlockedEvent } from '../cluster-services.js';
import { AccessLine } from '../components/access-line.js';
import { CommandBox, commandLines } from '../components/command-box.js';

/**
 * Step 4: the exact command, context and namespace. Read-only runs on Enter; a mutating test needs
 * the resource name typed first, and is refused outright under --read-only or on production.
 */
export function ConfirmScreen({ test }: { test: CatalogTest }) {
  const { services, state, dispatch, size, session, record, bodyRows } = useApp();
  const theme = services.theme;
  const values = state.values[test.id] ?? {};
  const rendered = useMemo(() => renderCommand(test, values, services.settings), [test, values, services.settings]);
  const only = useMemo(() => [test], [test]);
  const namespace = (rendered.ok ? rendered.command.values.namespace : undefined) ?? services.settings.namespace ?? services.cluster.namespace;
  const access = useAccessMarks(services, only, namespace)(test);
  const [typed, setTyped] = useState<TextField>(emptyField);
  const [scroll, setScroll] = useState(0);
  const boxWidth = Math.min(size.columns, 120);
  // Title, context line, blank, border (2), access, the closing lines: the command gets the rest.
  const commandRows = Math.max(2, bodyRows - 8 - (test.effect === 'mutating' ? 2 : 0));
  const commandCount = rendered.ok ? commandLines(rendered.command.display, boxWidth - 4).length : 0;
  const mutating = test.effect === 'mutating';
  const word = confirmationWord(test, values);
  const refusal = mutationRefusal(test, {
    readOnly: services.readOnly,
    production: services.cluster.production,
    allowMutating: services.allowMutating ?? false,
    context: services.cluster.context,
  });

  useKeys((input, key, name) => {
    const action = actionFor('confirm', name);
    if (action === 'run') {
      if (!rendered.ok || refusal) return true;
      if (mutating && typed.value.trim() !== word) {
        dispatch({ type: 'message', message: { kind: 'warn', text: `type "${word}" to run this mutating test` } });
        return true;
      }
      dispatch({ type: 'go', screen: { name: 'run', testId: test.id, attempt: Date.now() } });
      return true;
    }
    if (action === 'back') {
      dispatch({ type: 'go', screen: { name: 'tests' } });
      return true;
    }
    if (action === 'scroll') {
      setScroll((at) => Math.max(0, Math.min(Math.max(0, commandCount - commandRows), at + (name === 'down' ? 1 : -1))));
      return true;
    }
    // A mutating test's confirmation field takes letters, so e/s/c only act when it is empty, and
    // never when the name to type starts with that letter ("checkout" starts with c, not copy).
    if (mutating && !refusal && (typed.value !== '' || !['e', 's', 'c'].includes(name) || word.startsWith(name))) {
      const edited = editField(typed, input, key);
      if (edited) {
        setTyped(edited);
        return true;
      }
      return name !== '?';
    }
    if (action === 'edit') {
      dispatch({ type: 'go', screen: { name: 'params', testId: test.id } });
      return true;
    }
    if (action === 'skip') {
      // Not run for lack of access: the report hands its command to someone who has it.
      const blocked = access?.state === 'denied' && rendered.ok && session.currentHypothesisId;
      if (blocked) record(accessBlockedEvent(test, session.currentHypothesisId as string, access.missing, rendered.command.display));
      dispatch({ type: 'message', message: { kind: 'info', text: blocked ? `skipped ${test.id}; the report lists it for someone who may ${access.missing}` : `skipped ${test.id}` } });
      dispatch({ type: 'advance-plan' });
      return true;
    }
    if (action === 'copy' && rendered.ok) {
      void services.copyText(rendered.command.display).then((text) => dispatch({ type: 'message', message: { kind: 'info', text } }));
      return true;
    }
    return false;
  }, 'confirm');

  if (!rendered.ok) {
    return <Text color={theme.color ? 'red' : undefined}>{`cannot build the command: ${rendered.errors.map((e) => `${e.param} ${e.message}`).join('; ')}`}</Text>;
  }
  const { command } = rendered;
  return (
    <Box flexDirection="column">
      <Text bold>{test.title}</Text>
      <Text>
        {'context '}
        <Text bold>{services.settings.context ? oneLine(services.settings.context, 60) : '(kubectl default)'}</Text>
        {'   namespace '}
        <Text bold>{oneLine(command.values.namespace ?? services.settings.namespace ?? '—', 60)}</Text>
        {'   '}
        <Text color={theme.color ? (mutating ? 'red' : 'green') : undefined} bold>
          {mutating ? 'MUTATING: changes the cluster' : 'read-only'}
        </Text>
      </Text>
      <Text> </Text>
      <CommandBox display={command.display} width={boxWidth} rows={commandRows} offset={scroll} theme={theme} />
      <AccessLine mark={access} theme={theme} width={size.columns} />
      {refusal ? <Text color={theme.color ? 'red' : undefined}>{oneLine(refusal)}</Text> : null}
      {mutating && !refusal ? (
        <Box flexDirection="column">
          <Text>{`This changes the cluster. Type ${word} and press enter to run it; esc cancels.`}</Text>
          <Box>
            <Text>{`${theme.symbols.cursor} `}</Text>
            <TextFieldView field={typed} placeholder={word} color={theme.color} />
          </Box>
        </Box>
      ) : (
        !refusal && <Text>Press enter to run exactly this command.</Text>
      )}
    </Box>
  );
}
