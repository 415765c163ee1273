import { Box, Text } from 'ink';
import type { LineBuffer } from '../state/line-buffer.js';

/** The whole output kept in memory, scrolled back `offset` lines from the end. */
export function FullOutputView({ buffer, offset, rows, width, running }: { buffer: LineBuffer; offset: number; rows: number; width: number; running: boolean }) {
  const all = buffer.all();
  const end = Math.max(0, all.length - offset);
  const paneRows = Math.max(1, rows - 2);
  const start = Math.max(0, end - paneRows);
  const kept = buffer.total > all.length ? `, the last ${all.length} kept here; the whole output is in the session's output file` : '';
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Full output: ${buffer.total} line${buffer.total === 1 ? '' : 's'}${running ? ' so far' : ''}${kept}`}</Text>
      <Text dimColor wrap="truncate-end">{all.length > 0 ? `lines ${start + 1}–${end} of ${all.length}  ↑/↓ PageUp/PageDown g/G scroll, esc or f closes` : 'no output yet; esc or f closes'}</Text>
      {all.slice(start, end).map((line, i) => (
        <Text key={start + i} wrap="truncate-end">
          {line.slice(0, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
