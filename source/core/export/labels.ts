import type { Outcome } from '../catalog/schema.js';
import type { HypothesisStatus } from '../session/events.js';

const OUTCOME_SYMBOLS: Record<Outcome, string> = { anomaly: '✖', healthy: '✔', inconclusive: '?', error: '!' };

/** Words carry the state; the symbol only helps the eye. */
export function outcomeSymbol(outcome: Outcome): string {
  return OUTCOME_SYMBOLS[outcome];
}

export function verdictLabel(status: HypothesisStatus): string {
  return status === 'open' ? 'OPEN' : status.toUpperCase();
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
