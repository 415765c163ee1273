import type { Outcome } from '../catalog/schema.js';
import type { RunStatus } from '../runner/run.js';

export type Verdict = 'confirmed' | 'refuted' | 'inconclusive';
export type HypothesisStatus = 'open' | Verdict;
/** Why a chosen test did not run: the report lists these for someone with more access to run. */
export type BlockReason = 'access' | 'tool' | 'read-only' | 'production' | 'skipped';

type At = { at: string };

/**
 * The journal format. Events only ever gain optional fields or new types within a format; a
 * reader skips event types it does not know, so an older hunch can still read a newer journal.
 */
export const JOURNAL_FORMAT = 1;

/** Everything that happens in a session; the journal stores these, one JSON line each. */
export type SessionEvent =
  | (At & {
      type: 'session-started';
      sessionId: string;
      /** JOURNAL_FORMAT of the hunch that started the session (absent: format 1). */
      format?: number | undefined;
      hunchVersion: string;
      catalogVersion: string;
      context?: string | undefined;
      namespace?: string | undefined;
      practice?: string | undefined;
    })
  | (At & { type: 'hypothesis-stated'; hypothesisId: string; text: string; catalogHypothesis?: string | undefined })
  | (At & { type: 'hypothesis-focused'; hypothesisId: string })
  | (At & {
      type: 'run-started';
      runId: string;
      hypothesisId: string;
      testId: string;
      title: string;
      component: string;
      effect: 'read-only' | 'mutating';
      command: string;
      argv: string[];
      values: Record<string, string>;
      context?: string | undefined;
      namespace?: string | undefined;
    })
  | (At & { type: 'output'; runId: string; stream: 'stdout' | 'stderr'; text: string })
  | (At & {
      type: 'run-finished';
      runId: string;
      status: RunStatus;
      exitCode: number | null;
      durationMs: number;
      outcome: Outcome;
      finding: string;
      stdout: string;
      stderr: string;
      truncated: boolean;
      totalLines: number;
      spillFile?: string | undefined;
    })
  | (At & { type: 'run-interrupted'; runId: string; reason: string })
  | (At & { type: 'outcome-overridden'; runId: string; outcome: Outcome; reason?: string | undefined })
  | (At & { type: 'note-added'; hypothesisId: string; runId?: string | undefined; text: string })
  | (At & {
      type: 'test-blocked';
      hypothesisId: string;
      testId: string;
      title: string;
      reason: BlockReason;
      detail: string;
      command: string;
    })
  | (At & { type: 'verdict-set'; hypothesisId: string; verdict: Verdict; conclusion: string })
  | (At & { type: 'session-exported'; format: string; path?: string | undefined })
  /** The session was reopened (hunch resume, hunch run --session) by process `pid`. */
  | (At & { type: 'session-resumed'; pid?: number | undefined; repaired?: string | undefined })
  | (At & { type: 'session-ended' });

export type SessionEventType = SessionEvent['type'];

/** Distributes Omit over the union so each event keeps its own fields. */
export type NewSessionEvent = SessionEvent extends infer E ? (E extends SessionEvent ? Omit<E, 'at'> & { at?: string } : never) : never;
