import type { Outcome } from '../../core/catalog/schema.js';
import type { RunState } from '../../core/session/reducer.js';
import type { Theme } from '../theme.js';

/**
 * How a run is marked in lists and lines: its outcome's symbol and word, or ⏹ stopped when the
 * user stopped it (or it was cut short), so a stop never reads as the test's own error.
 */
export function runMark(run: Pick<RunState, 'status' | 'state' | 'outcome'>, theme: Theme): { symbol: string; word: string; outcome?: Outcome | undefined } {
  if (run.status === 'cancelled' || run.state === 'interrupted') return { symbol: theme.symbols.stopped, word: run.state === 'interrupted' ? 'interrupted' : 'stopped' };
  if (run.state === 'running' || !run.outcome) return { symbol: theme.symbols.running, word: 'running' };
  return { symbol: theme.symbols[run.outcome], word: run.outcome, outcome: run.outcome };
}
