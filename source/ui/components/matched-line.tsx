import { Text } from 'ink';
import type { ReactElement } from 'react';
import { matchRanges } from '../state/output-search.js';
import type { Theme } from '../theme.js';

/**
 * One output line cut to the width, each occurrence of `query` marked: inverse with colour, bold
 * and underlined without. The current match is marked more (underlined too, or in brackets without
 * colour), and a line whose current match lies past the right edge is shown from just before it.
 */
export function MatchedLine({ line, query, current, width, theme }: { line: string; query: string; current: boolean; width: number; theme: Theme }) {
  const ranges = matchRanges(line, query);
  const first = ranges[0];
  const from = current && first && first[1] > width ? Math.max(0, first[0] - Math.floor(width / 3)) : 0;
  const lead = from > 0 ? theme.symbols.ellipsis : '';
  const end = from + Math.max(1, width - lead.length);
  if (ranges.length === 0) return <Text wrap="truncate-end">{line.slice(0, width) || ' '}</Text>;
  const parts: ReactElement[] = [];
  let at = from;
  for (const [start, stop] of ranges) {
    if (stop <= at) continue;
    if (start >= end) break;
    if (start > at) parts.push(<Text key={`t${at}`}>{line.slice(at, start)}</Text>);
    const text = line.slice(Math.max(start, at), Math.min(stop, end));
    parts.push(
      theme.color ? (
        <Text key={`m${start}`} inverse bold={current} underline={current}>
          {text}
        </Text>
      ) : (
        <Text key={`m${start}`} bold underline>
          {current ? `[${text}]` : text}
        </Text>
      ),
    );
    at = Math.min(stop, end);
  }
  if (at < end) parts.push(<Text key={`t${at}`}>{line.slice(at, end)}</Text>);
  return (
    <Text wrap="truncate-end">
      {lead}
      {parts}
    </Text>
  );
}
