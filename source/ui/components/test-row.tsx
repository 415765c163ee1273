import { Box, Text } from 'ink';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { oneLine } from '../../core/text/sanitize.js';
import { fitComponent, type TestRowLayout } from '../state/test-row-layout.js';
import type { Theme } from '../theme.js';
import { outcomeColor } from '../theme.js';
import type { Outcome } from '../../core/catalog/schema.js';
import { Highlighted } from './highlighted.js';

/** What a row says about a test besides its title, in words (colour only repeats them). */
export type TestMarks = {
  mutating: boolean;
  here: boolean;
  /** Tools the test needs that are not installed. */
  missing: readonly string[];
  access: string;
  last?: { symbol: string; word: string; outcome?: Outcome | undefined } | undefined;
};

/** The marks as one string, for measuring columns. */
export function marksText(marks: TestMarks, theme: Theme): string {
  return [
    marks.mutating ? 'MUTATING' : 'read-only',
    marks.here ? `${theme.symbols.detected} here` : '',
    marks.missing.length > 0 ? `needs ${marks.missing.join(',')}` : '',
    marks.access,
    marks.last ? `${marks.last.symbol} ${marks.last.word}` : '',
  ]
    .filter(Boolean)
    .join('  ');
}

export type TestRowProps = {
  test: CatalogTest;
  marks: TestMarks;
  active: boolean;
  selected: boolean;
  layout: TestRowLayout;
  width: number;
  query: string;
  theme: Theme;
};

/** One test in the list: cursor, plan mark, title with the matched words, component, marks. */
export function TestRow({ test, marks, active, selected, layout, width, query, theme }: TestRowProps) {
  const prefix = `${active ? theme.symbols.cursor : ' '} ${selected ? theme.symbols.selected : theme.symbols.unselected} `;
  const title = oneLine(test.title, layout.titleWidth);
  const component = fitComponent(test.component, layout.componentWidth);
  const details = (
    <>
      <Text dimColor={!active}>{component}</Text>
      {'  '}
      <Text color={theme.color && marks.mutating ? 'red' : undefined}>{marks.mutating ? 'MUTATING' : 'read-only'}</Text>
      {marks.here ? `  ${theme.symbols.detected} here` : ''}
      {marks.missing.length > 0 ? <Text color={theme.color ? 'yellow' : undefined}>{`  needs ${marks.missing.join(',')}`}</Text> : null}
      {marks.access ? `  ${marks.access}` : ''}
      {marks.last ? <Text color={theme.color && marks.last.outcome ? outcomeColor(marks.last.outcome) : undefined}>{`  ${marks.last.symbol} ${marks.last.word}`}</Text> : null}
    </>
  );
  if (layout.twoLine) {
    return (
      <Box flexDirection="column" width={width}>
        <Text inverse={theme.color && active} bold={active} wrap="truncate-end">
          {prefix}
          <Highlighted text={title} query={query} color={theme.color} />
        </Text>
        <Text wrap="truncate-end">
          {' '.repeat(layout.prefixWidth)}
          {details}
        </Text>
      </Box>
    );
  }
  return (
    <Text inverse={theme.color && active} bold={active} wrap="truncate-end">
      {prefix}
      <Highlighted text={title} query={query} color={theme.color} />
      {' '.repeat(Math.max(0, layout.titleWidth - title.length))}
      {'  '}
      {details}
    </Text>
  );
}
