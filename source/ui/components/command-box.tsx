import { Box, Text } from 'ink';
import { sanitizeText } from '../../core/text/sanitize.js';
import type { Theme } from '../theme.js';

/**
 * The command as it will run, in a box, every character kept: long lines are cut at the box's
 * width (never re-flowed), and a command taller than `rows` (a script) scrolls with ↑/↓ instead of
 * pushing the rest of the screen away.
 */
export function CommandBox({ display, width, rows, offset, theme }: { display: string; width: number; rows: number; offset: number; theme: Theme }) {
  const lines = commandLines(display, width - 4);
  const room = Math.max(1, rows);
  const start = Math.max(0, Math.min(offset, lines.length - room));
  const shown = lines.slice(start, start + room);
  return (
    <Box flexDirection="column">
      <Box borderStyle={theme.unicode ? 'round' : 'classic'} paddingX={1} width={width} flexDirection="column">
        {shown.map((line, i) => (
          <Text key={start + i}>{line || ' '}</Text>
        ))}
      </Box>
      {lines.length > room ? <Text dimColor wrap="truncate-end">{`command lines ${start + 1}–${start + shown.length} of ${lines.length}: ↑/↓ scroll it`}</Text> : null}
    </Box>
  );
}

/**
 * `$ command`, split at its own line breaks, then before `width` at a space when there is one in
 * the second half of the line (else in the middle of a word). No character is dropped: the space
 * a line breaks at stays at the end of that line.
 */
export function commandLines(display: string, width: number): string[] {
  const room = Math.max(8, width);
  return sanitizeText(`$ ${display}`)
    .split('\n')
    .flatMap((line) => {
      const parts: string[] = [];
      let rest = line;
      while (rest.length > room) {
        const space = rest.lastIndexOf(' ', room - 1);
        const cut = space >= room / 2 ? space + 1 : room;
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      parts.push(rest);
      return parts;
    });
}
