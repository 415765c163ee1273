import { Box, Text } from 'ink';
import { currentHypothesis } from '../../core/session/reducer.js';
import { oneLine } from '../../core/text/sanitize.js';
import { useApp } from '../app-context.js';
import { useKeys } from '../hooks/use-keys.js';
import { actionFor } from '../keys/bindings.js';
import { statusColor } from '../theme.js';

/** After a verdict: another hypothesis, more tests, the report, or finish. */
export function NextScreen() {
  const { services, session, state, dispatch, exit, size } = useApp();
  const theme = services.theme;
  const hypothesis = currentHypothesis(session);
  useKeys((_input, _key, name) => {
    switch (actionFor('next', name)) {
      case 'hypothesis':
        dispatch({ type: 'new-hypothesis' });
        return true;
      case 'tests':
        dispatch({ type: 'go', screen: { name: 'tests' } });
        return true;
      case 'export':
        dispatch({ type: 'go', screen: { name: 'export' } });
        return true;
      case 'quit':
        exit();
        return true;
      default:
        return false;
    }
  }, 'next');
  return (
    <Box flexDirection="column">
      {hypothesis ? (
        <Text>
          <Text color={theme.color ? statusColor(hypothesis.status) : undefined} bold>{hypothesis.status.toUpperCase()}</Text>
          {`  ${oneLine(hypothesis.text, size.columns - 20)}`}
        </Text>
      ) : null}
      {hypothesis?.conclusion ? <Text dimColor>{oneLine(hypothesis.conclusion, size.columns)}</Text> : null}
      <Text> </Text>
      <Text>What next?</Text>
      <Text>  h  it's something else: state the next hypothesis</Text>
      <Text>  t  more tests for this hypothesis</Text>
      <Text>  x  export the triage report</Text>
      <Text>{`  q  finish the session${services.practice ? ' and see the root cause' : ''}`}</Text>
      {state.exportedPath ? (
        <Box marginTop={1}>
          <Text wrap="truncate-start">{`report written to ${state.exportedPath}`}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
