import { Box, Text } from 'ink';

/** The last lines of output in a bounded pane, with how many lines are out of view. */
export function OutputPane({ lines, total, rows, width, hiddenHint }: { lines: string[]; total: number; rows: number; width: number; hiddenHint: string }) {
  const shown = lines.slice(-rows);
  const hidden = Math.max(0, total - shown.length);
  return (
    <Box flexDirection="column">
      {hidden > 0 ? <Text dimColor>{`${hidden} line${hidden === 1 ? '' : 's'} hidden ${hiddenHint}`}</Text> : null}
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.slice(0, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
