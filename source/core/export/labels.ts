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

export function formatDuration(ms: number | null | undefined): string {
  if (ms === undefined || ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`;
}

/** "2026-11-28 01:02:03 UTC": unambiguous for readers in other time zones. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso || '—';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The session's time window with its length. */
export function formatWindow(startIso: string, endIso: string): string {
  const span = new Date(endIso).getTime() - new Date(startIso).getTime();
  return `${formatTimestamp(startIso)} → ${formatTimestamp(endIso)}${Number.isFinite(span) && span >= 0 ? ` (${formatDuration(span)})` : ''}`;
}

const BLOCK_REASONS = { access: 'no access', tool: 'tool missing', 'read-only': 'read-only mode', production: 'production context', skipped: 'skipped' } as const;

export function blockReasonLabel(reason: keyof typeof BLOCK_REASONS): string {
  return BLOCK_REASONS[reason];
}
