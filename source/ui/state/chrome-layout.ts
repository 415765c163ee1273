/** The smallest terminal hunch draws in; below it, one "terminal too small" line. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** What the chrome around a screen takes at a terminal size. */
export type ChromeLayout =
  | { tooSmall: true; message: string }
  | { tooSmall: false; hints: boolean; spacer: boolean; bodyRows: number };

/**
 * Small terminals shrink the chrome in steps: the blank line under the hints goes first (below 20
 * rows), then the hints bar (below 14; `?` still lists the keys), and below 40x10 one line says the
 * terminal is too small. The live area always leaves the last row free, so Ink never redraws a
 * frame as tall as the terminal (which would clear the scrollback on every frame).
 */
export function chromeLayout(columns: number, rows: number): ChromeLayout {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    // Short enough for one line just below the minimum width; the app cuts it on anything narrower.
    return { tooSmall: true, message: `terminal too small: ${columns}x${rows}, needs ${MIN_COLUMNS}x${MIN_ROWS}` };
  }
  const hints = rows >= 14;
  const spacer = rows >= 20;
  // Status line and message line always; one row kept free below everything.
  const chrome = 2 + (hints ? 1 : 0) + (spacer ? 1 : 0) + 1;
  return { tooSmall: false, hints, spacer, bodyRows: rows - chrome };
}
