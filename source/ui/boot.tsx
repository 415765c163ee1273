import { Box, Text, useApp } from 'ink';
import { useRef, useState } from 'react';
import { TextFieldView } from './components/text-field-view.js';
import { useTerminalInput } from './input-root.js';
import { Spinner } from './components/spinner.js';
import { StatusLine } from './components/status-line.js';
import { editField, emptyField, type TextField } from './hooks/text-field.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { ClusterView } from './services.js';
import type { Theme } from './theme.js';

/**
 * The first frame, drawn before the catalogue and the session are ready: the status line and the
 * hypothesis prompt, already taking typed text, which the app then continues with.
 */
export function Boot({ cluster, theme, typed, onQuit }: { cluster: ClusterView; theme: Theme; typed: { current: string; help?: boolean }; onQuit: () => void }) {
  const size = useTerminalSize();
  const { exit } = useApp();
  const [field, setField] = useState<TextField>(emptyField);
  const latest = useRef(field);
  const [help, setHelp] = useState(false);
  useTerminalInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onQuit();
      exit();
      return;
    }
    // `?` on an empty field asks for help, as it does once the app is up: it opens then.
    if (input === '?' && latest.current.value === '') {
      typed.help = !typed.help;
      setHelp(typed.help);
      return;
    }
    const next = editField(latest.current, input, key);
    if (!next) return;
    latest.current = next;
    typed.current = next.value;
    setField(next);
  });
  return (
    <Box flexDirection="column">
      <StatusLine cluster={cluster} width={size.columns} theme={theme} />
      <Spinner label={help ? 'loading the catalogue… (the help opens as soon as it is loaded)' : 'loading the catalogue…'} unicode={theme.unicode} />
      <Text> </Text>
      <Text bold>What do you think is wrong?</Text>
      <Box>
        <Text color={theme.color ? 'cyan' : undefined}>{`${theme.symbols.cursor} `}</Text>
        <TextFieldView field={field} placeholder='e.g. "checkout returns 502" or paste an error message' color={theme.color} />
      </Box>
    </Box>
  );
}
