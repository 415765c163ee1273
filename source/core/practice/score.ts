import type { Outcome } from '../catalog/schema.js';
import type { SessionState } from '../session/reducer.js';
import type { Scenario } from './scenario/scenario.js';

/** How a practice session went, for the reveal at the end: shown next to the hidden root cause. */
export type PracticeScore = {
  /** A test that points at the root cause found an anomaly. */
  reached: boolean;
  /** The revealing tests that were run, in order, with their outcomes. */
  revealingRuns: { testId: string; outcome: Outcome | undefined }[];
  /** 1-based position, among finished runs, of the first revealing anomaly. */
  revealedOnRun?: number | undefined;
  /** Finished runs before that one (all of them when it never came). */
  testsBeforeReveal: number;
  /** A hypothesis naming the root cause (or decided by a revealing anomaly) was marked confirmed. */
  rightHypothesisConfirmed: boolean;
  /** Confirmed hypotheses without any evidence pointing at the root cause. */
  wrongHypothesesConfirmed: number;
  directness: 'direct' | 'roundabout' | 'missed';
  /** One sentence for the exit screen. */
  summary: string;
};

/** At most this many other tests before the revealing one still counts as going straight to it. */
const DIRECT_WITHIN = 2;

/**
 * Scores a session against a scenario's hidden root cause: did a revealing test find its anomaly,
 * how many other tests came first, and was the right hypothesis confirmed. Pure: the TUI calls it
 * with the session state when the session ends.
 */
export function scorePracticeSession(scenario: Pick<Scenario, 'reveal'>, session: Pick<SessionState, 'runs' | 'hypotheses'>): PracticeScore {
  const revealing = new Set((scenario.reveal?.tests ?? []).map((t) => t.id));
  const rightHypotheses = new Set(scenario.reveal?.hypotheses ?? []);
  const finished = session.runs.filter((run) => run.state === 'finished');
  const revealingRuns = finished.filter((run) => revealing.has(run.testId)).map((run) => ({ testId: run.testId, outcome: run.outcome }));
  const firstIndex = finished.findIndex((run) => revealing.has(run.testId) && run.outcome === 'anomaly');
  const reached = firstIndex >= 0;
  const testsBeforeReveal = reached ? firstIndex : finished.length;

  const evidenceFor = new Set(finished.filter((run) => revealing.has(run.testId) && run.outcome === 'anomaly').map((run) => run.hypothesisId));
  const confirmed = session.hypotheses.filter((h) => h.status === 'confirmed');
  const isRight = (h: (typeof confirmed)[number]) => evidenceFor.has(h.id) || (h.catalogHypothesis !== undefined && rightHypotheses.has(h.catalogHypothesis));
  const rightHypothesisConfirmed = confirmed.some(isRight);
  const wrongHypothesesConfirmed = confirmed.filter((h) => !isRight(h)).length;

  const directness = !reached ? 'missed' : testsBeforeReveal <= DIRECT_WITHIN ? 'direct' : 'roundabout';
  return {
    reached,
    revealingRuns,
    revealedOnRun: reached ? firstIndex + 1 : undefined,
    testsBeforeReveal,
    rightHypothesisConfirmed,
    wrongHypothesesConfirmed,
    directness,
    summary: summarize(reached, testsBeforeReveal, rightHypothesisConfirmed, wrongHypothesesConfirmed, finished.length),
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summarize(reached: boolean, before: number, right: boolean, wrong: number, total: number): string {
  const verdict = right ? 'and confirmed the right hypothesis' : 'but did not confirm a hypothesis that names it';
  const wrongNote = wrong > 0 ? `; ${plural(wrong, 'other hypothesis')} also marked confirmed` : '';
  if (!reached) return `The root cause was not reached: ${plural(total, 'test')} run, none of them pointing at it${wrongNote}.`;
  const path = before === 0 ? 'with the first test' : `after ${plural(before, 'other test')}`;
  return `Reached the root cause ${path} ${verdict}${wrongNote}.`;
}
