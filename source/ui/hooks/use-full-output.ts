import type { Key } from 'ink';
import { useState } from 'react';
import { clamp } from '../components/window.js';
import { actionFor } from '../keys/bindings.js';
import type { LineBuffer } from '../state/line-buffer.js';
import { anchoredOffset, fullOutputRows, linesMatching, offsetShowing, outputWindow, stepMatch, type OutputFound } from '../state/output-search.js';
import { editField, emptyField, type TextField } from './text-field.js';

/**
 * The full-output view while it is open: how far back from the end it was scrolled when the output
 * had `total` lines (see anchoredOffset), the search field, the search made.
 */
export type FullOutput = { offset: number; total: number; field: TextField | undefined; found: OutputFound | undefined };

/**
 * The run screen's full-output mode: scrolling, and `/` search with n/N over the lines the view
 * keeps (the buffer's bounded tail; nothing more is read for a search). `handleKey` says whether
 * it used the key.
 */
export function useFullOutput(buffer: LineBuffer, bodyRows: number, say: (text: string) => void) {
  const [view, setView] = useState<FullOutput | undefined>(undefined);

  const handleKey = (input: string, key: Key, name: string): boolean => {
    if (!view) return false;
    const lines = buffer.all();
    // Indexes into the kept lines, and lines counted from the output's first line, differ by this.
    const firstKept = Math.max(0, buffer.total - lines.length);
    const rows = fullOutputRows(bodyRows, view.field !== undefined || view.found !== undefined);
    const offset = anchoredOffset(view.offset, view.total, buffer.total, lines.length, rows);
    const shown = outputWindow(lines.length, offset, rows);
    const at = (next: number) => ({ offset: next, total: buffer.total });
    // Once searched, the search line stays: the pane is one row shorter from then on.
    const found = (search: OutputFound, matches: readonly number[], step: { index: number; wrapped: boolean } | undefined) => {
      const index = step ? matches[step.index] : undefined;
      const searchRows = fullOutputRows(bodyRows, true);
      setView({
        ...at(index === undefined ? offset : offsetShowing(index, lines.length, searchRows)),
        field: undefined,
        found: { ...search, line: index === undefined ? search.line : firstKept + index, wrapped: step?.wrapped ?? false },
      });
    };

    if (view.field) {
      const action = actionFor('search', name);
      if (action === 'cancel') setView({ ...view, field: undefined });
      else if (action === 'find') {
        const query = view.field.value;
        if (query === '') setView({ ...view, field: undefined });
        else {
          const matches = linesMatching(lines, query);
          found({ query, line: undefined, wrapped: false }, matches, stepMatch(matches, shown.start, 1, true));
        }
      } else {
        const edited = editField(view.field, input, key);
        if (edited) setView({ ...view, field: edited });
        // ctrl+c goes on to stop a run still going; every other key belongs to the field.
        else return name !== 'ctrl+c';
      }
      return true;
    }

    // Scrolled back at most until the first line is at the top: the pane stays full.
    const last = Math.max(0, lines.length - rows);
    const scroll = (by: number) => setView({ ...view, ...at(clamp(offset + by, 0, last)) });
    const action = actionFor('output', name);
    switch (action) {
      case 'close':
        setView(undefined);
        return true;
      case 'up':
        scroll(1);
        return true;
      case 'down':
        scroll(-1);
        return true;
      case 'pageup':
        scroll(rows);
        return true;
      case 'pagedown':
        scroll(-rows);
        return true;
      case 'top':
        setView({ ...view, ...at(last) });
        return true;
      case 'bottom':
        setView({ ...view, ...at(0) });
        return true;
      case 'search':
        setView({ ...view, field: emptyField });
        return true;
      case 'next':
      case 'previous': {
        if (!view.found) {
          say('no search yet: / searches the output');
          return true;
        }
        const direction = action === 'next' ? 1 : -1;
        const matches = linesMatching(lines, view.found.query);
        const current = view.found.line === undefined ? undefined : view.found.line - firstKept;
        // From the current match while it is on screen, else from the top of the screen, as less does.
        const onScreen = current !== undefined && current >= shown.start && current < shown.end;
        const step = onScreen ? stepMatch(matches, current, direction, false) : stepMatch(matches, shown.start, direction, direction === 1);
        found(view.found, matches, step);
        return true;
      }
      case undefined:
        return false;
    }
  };

  return { view, open: () => setView({ offset: 0, total: buffer.total, field: undefined, found: undefined }), handleKey, scope: view?.field ? ('search' as const) : ('output' as const) };
}
