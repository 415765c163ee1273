import { oneLine } from '../../core/text/sanitize.js';

/**
 * Search in the full output, as less and k9s do it: plain text in any case, one match per line,
 * n/N stepping through them and wrapping around. Lines are indexes into the lines the view keeps.
 */

/** A search made: the text, and the line of the current match counted from the output's first line (so it stays put while output streams in). */
export type OutputFound = { query: string; line: number | undefined; wrapped: boolean };

// Literal text: every character that means something to a RegExp is escaped.
function literal(query: string, flags: string): RegExp {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}

/** The indexes of the lines that hold `query`, in any case. */
export function linesMatching(lines: readonly string[], query: string): number[] {
  if (query === '') return [];
  const pattern = literal(query, 'iu');
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (pattern.test(line)) found.push(i);
  });
  return found;
}

/** Where `query` occurs in one line, as [start, end) pairs. */
export function matchRanges(line: string, query: string): [number, number][] {
  if (query === '') return [];
  return [...line.matchAll(literal(query, 'giu'))].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The position in `matches` to go to from line `from`: forward to the first match after it (at
 * it, when `inclusive`), or back to the last one before it; past the last or the first, it wraps.
 */
export function stepMatch(matches: readonly number[], from: number, direction: 1 | -1, inclusive: boolean): { index: number; wrapped: boolean } | undefined {
  if (matches.length === 0) return undefined;
  const beyond = (line: number) => (direction === 1 ? line > from : line < from) || (inclusive && line === from);
  if (direction === 1) {
    const index = matches.findIndex(beyond);
    return index >= 0 ? { index, wrapped: false } : { index: 0, wrapped: true };
  }
  for (let index = matches.length - 1; index >= 0; index--) if (beyond(matches[index] as number)) return { index, wrapped: false };
  return { index: matches.length - 1, wrapped: true };
}

/** The lines drawn for a scroll `offset` (lines back from the end) in a pane of `rows`. */
export function outputWindow(total: number, offset: number, rows: number): { start: number; end: number } {
  const end = Math.max(0, total - offset);
  return { start: Math.max(0, end - rows), end };
}

/**
 * How far back from the end a view is now that was scrolled `offset` lines back when the output
 * had `atTotal` lines. New lines push a scrolled-back view further from the end, so the lines being
 * read stay put (as in less); at the end (0) the view follows the output. Never above the first
 * line kept.
 */
export function anchoredOffset(offset: number, atTotal: number, total: number, kept: number, rows: number): number {
  if (offset === 0) return 0;
  return Math.min(offset + (total - atTotal), Math.max(0, kept - rows));
}

/** The offset that puts line `index` at the top of the pane, or as near the top as the end allows. */
export function offsetShowing(index: number, total: number, rows: number): number {
  return Math.max(0, total - Math.min(total, index + rows));
}

/** Rows left for output lines: the view's two heading lines, and the search line once there is one. */
export function fullOutputRows(bodyRows: number, searchLine: boolean): number {
  return Math.max(1, bodyRows - 2 - (searchLine ? 1 : 0));
}

/**
 * The search line under the output: "match 3 of 17 for 'text'" or "no match for 'text'", saying
 * so when only the tail of the output is kept (and searched).
 */
export function searchStatus(found: OutputFound, matches: readonly number[], current: number | undefined, kept: { lines: number; total: number }, stepKeys: string): string {
  // Typed or pasted text is drawn as text, cut so the counts stay in sight.
  const query = `'${oneLine(found.query, 30)}'`;
  const where = kept.total > kept.lines ? ` in the last ${kept.lines} lines kept` : '';
  if (matches.length === 0) return `no match for ${query}${where}`;
  const at = current === undefined ? -1 : matches.indexOf(current);
  if (at < 0) return `${matches.length} match${matches.length === 1 ? '' : 'es'} for ${query}${where}; ${stepKeys} go to them`;
  return `match ${at + 1} of ${matches.length} for ${query}${where}${found.wrapped ? ', wrapped around' : ''}  ${stepKeys} next/previous`;
}
