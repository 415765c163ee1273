import { Box, Text } from 'ink';
import { useApp } from '../app-context.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';

/** The end of a practice session: the hidden root cause, and how directly the session reached it. */
export function RevealScreen() {
  const { services, session, state, size, leave, dispatch } = useApp();
  const theme = services.theme;
  const practice = services.practice;
  const reveal = practice?.reveal(session);
  useKeys((_input, _key, name) => {
    const action = actionFor('reveal', name);
    // Esc never quits: it goes back, where the report can still be exported.
    if (action === 'back') dispatch({ type: 'go', screen: { name: 'next' } });
    else if (action === 'leave') leave();
    return action !== undefined;
  }, 'reveal');
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
      {state.exportedPath ? <Text wrap="truncate-start">{`Report: ${state.exportedPath}`}</Text> : <Text dimColor>Not exported yet: esc goes back, x writes the report.</Text>}
      <Text dimColor>enter or q leaves hunch; esc goes back</Text>
    </Box>
  );
}
