import { Box, Text } from 'ink';
import { useApp } from '../app-context.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';

/** The end of a practice session: the hidden root cause, and how directly the session reached it. */
export function RevealScreen() {
  const { services, session, size, leave } = useApp();
  const theme = services.theme;
  const practice = services.practice;
  const reveal = practice?.reveal(session);
  useKeys((_input, _key, name) => {
    if (actionFor('reveal', name) === 'leave') {
      leave();
      return true;
    }
    return false;
  });
  const width = Math.min(size.columns, 100);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{`PRACTICE: ${practice?.title ?? ''}`}</Text>
      <Text> </Text>
      {reveal ? (
        <Box flexDirection="column">
          <Text>
            <Text bold color={theme.color ? 'yellow' : undefined}>Root cause: </Text>
            {reveal.rootCause}
          </Text>
          <Text wrap="wrap">{reveal.detail}</Text>
          {reveal.fix ? <Text wrap="wrap">{`Fix: ${reveal.fix}`}</Text> : null}
          <Text> </Text>
          <Text>
            <Text bold>{`How you did (${reveal.directness}): `}</Text>
            {reveal.summary}
          </Text>
        </Box>
      ) : (
        <Text>This scenario has no hidden root cause to reveal.</Text>
      )}
      <Text> </Text>
      <Text dimColor>enter or q leaves hunch</Text>
    </Box>
  );
}
