import { Box, Text } from 'ink';
import { oneLine } from '../../core/text/sanitize.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { ClusterView } from '../services.js';
import { statusColor, type Theme } from '../theme.js';

/**
 * Context, namespace, PRACTICE or PRODUCTION, and the current hypothesis with its state. On a
 * narrow terminal the words around the values go first, then the hypothesis text; the state word
 * and the marker always stay.
 */
export function StatusLine({ cluster, hypothesis, width, theme }: { cluster: ClusterView; hypothesis?: HypothesisState | undefined; width: number; theme: Theme }) {
  const narrow = width < 80;
  const context = cluster.context ? oneLine(cluster.context, narrow ? 20 : 30) : 'no cluster';
  const namespace = oneLine(cluster.namespace, narrow ? 16 : 30);
  const marker = cluster.practice ? 'PRACTICE' : cluster.production ? 'PRODUCTION' : undefined;
  const markerText = marker ? (theme.color ? ` ${marker} ` : `[${marker}]`) : '';
  const scope = cluster.allNamespaces ? ' (-A)' : '';
  // Background discovery in a word: suggestions and access marks are on their way, or will not come.
  const discovery = cluster.discovery === 'loading' ? (narrow ? '  …' : '  discovering…') : cluster.discovery === 'failed' ? (narrow ? '  no data' : '  no cluster data') : '';
  const lead = narrow ? '' : 'hunch  ';
  const fixed = `${lead}ctx ${context}  ns ${namespace}${scope}${marker ? `  ${markerText}` : ''}${discovery}`;
  const state = hypothesis ? hypothesis.status.toUpperCase() : '';
  const room = width - fixed.length - 2 - state.length - 1;
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {lead ? <Text bold>hunch</Text> : null}
        {lead ? '  ' : ''}
        {'ctx '}
        <Text bold>{context}</Text>
        {'  ns '}
        <Text bold>{namespace}</Text>
        {scope}
        {marker ? '  ' : ''}
        {marker ? (
          <Text inverse={theme.color} bold color={theme.color ? (cluster.practice ? 'yellow' : 'red') : undefined}>
            {markerText}
          </Text>
        ) : null}
        {discovery ? <Text dimColor>{discovery}</Text> : null}
        {hypothesis ? '  ' : ''}
        {hypothesis ? <Text color={theme.color ? statusColor(hypothesis.status) : undefined}>{state}</Text> : null}
        {hypothesis && room >= 6 ? ` ${oneLine(hypothesis.text, room)}` : ''}
      </Text>
    </Box>
  );
}
