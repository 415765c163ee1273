import { Box, Text } from 'ink';
import type { FullOutput } from '../hooks/use-full-output.js';
import { keyLabel, keysOf } from '../keys/bindings.js';
import type { LineBuffer } from '../state/line-buffer.js';
import { anchoredOffset, fullOutputRows, linesMatching, outputWindow, searchStatus } from '../state/output-search.js';
import type { Theme } from '../theme.js';
import { MatchedLine } from './matched-line.js';
import { TextFieldView } from './text-field-view.js';

/**
 * The output kept in memory (the buffer's bounded tail), scrolled back `offset` lines from the end,
 * with the search field or the search's result on the last line once `/` is pressed.
 */
export function FullOutputView({ buffer, view, rows, width, running, theme }: { buffer: LineBuffer; view: FullOutput; rows: number; width: number; running: boolean; theme: Theme }) {
  const all = buffer.all();
  const { field, found } = view;
  const paneRows = fullOutputRows(rows, field !== undefined || found !== undefined);
  const { start, end } = outputWindow(all.length, anchoredOffset(view.offset, view.total, buffer.total, all.length, paneRows), paneRows);
  const kept = buffer.total > all.length ? `, the last ${all.length} kept here; the whole output is in the session's output file` : '';
  const query = found?.query ?? '';
  const firstKept = Math.max(0, buffer.total - all.length);
  const current = found?.line === undefined ? undefined : found.line - firstKept;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Full output: ${buffer.total} line${buffer.total === 1 ? '' : 's'}${running ? ' so far' : ''}${kept}`}</Text>
      <Text dimColor wrap="truncate-end">{all.length > 0 ? `lines ${start + 1}–${end} of ${all.length}  ↑/↓ PageUp/PageDown g/G scroll, / searches, esc or f closes` : 'no output yet; esc or f closes'}</Text>
      {all.slice(start, end).map((line, i) => (
        <MatchedLine key={start + i} line={line} query={query} current={start + i === current} width={width} theme={theme} />
      ))}
      {field ? (
        <Box>
          <Text>/</Text>
          <TextFieldView field={field} placeholder="text to find (enter searches, esc cancels)" color={theme.color} width={width - 1} />
        </Box>
      ) : found ? (
        <Text bold wrap="truncate-end">
          {searchStatus(found, linesMatching(all, query), current, { lines: all.length, total: buffer.total }, keyLabel(keysOf('output', 'next', 'previous'), theme.unicode))}
        </Text>
      ) : null}
    </Box>
  );
}
