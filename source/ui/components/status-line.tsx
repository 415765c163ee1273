import { Box, Text } from 'ink';
import { oneLine } from '../../core/text/sanitize.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { ClusterView } from '../services.js';
import { statusColor, type Theme } from '../theme.js';

/** Context, namespace, PRACTICE or PRODUCTION, and the current hypothesis with its state. */
export function StatusLine({ cluster, hypothesis, width, theme }: { cluster: ClusterView; hypothesis?: HypothesisState | undefined; width: number; theme: Theme }) {
  const context = cluster.context ? oneLine(cluster.context, 30) : 'no cluster';
  const marker = cluster.practice ? 'PRACTICE' : cluster.production ? 'PRODUCTION' : undefined;
  const scope = cluster.allNamespaces ? ' (-A)' : '';
  // Background discovery in a word: suggestions and access marks are on their way, or will not come.
  const discovery = cluster.discovery === 'loading' ? '  discovering…' : cluster.discovery === 'failed' ? '  no cluster data' : '';
  const fixed = `hunch  ctx ${context}  ns ${cluster.namespace}${scope}${marker ? `  ${marker}` : ''}${discovery}  `;
  const room = Math.max(0, width - fixed.length - 12);
  return (
    <Box width={width}>
      <Text bold>hunch</Text>
      <Text>{`  ctx `}</Text>
      <Text bold>{context}</Text>
      <Text>{`  ns `}</Text>
      <Text bold>{oneLine(cluster.namespace, 30)}</Text>
      {scope ? <Text>{scope}</Text> : null}
      {marker ? (
        <Text>
          {'  '}
          <Text inverse={theme.color} bold color={theme.color ? (cluster.practice ? 'yellow' : 'red') : undefined}>
            {theme.color ? ` ${marker} ` : `[${marker}]`}
          </Text>
        </Text>
      ) : null}
      {discovery ? <Text dimColor>{discovery}</Text> : null}
      {hypothesis && room > 8 ? (
        <Text>
          {'  '}
          <Text color={theme.color ? statusColor(hypothesis.status) : undefined}>{hypothesis.status.toUpperCase()}</Text>
          <Text>{` ${oneLine(hypothesis.text, room)}`}</Text>
        </Text>
      ) : null}
    </Box>
  );
}
