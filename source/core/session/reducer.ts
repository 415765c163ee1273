import type { Outcome } from '../catalog/schema.js';
import type { RunStatus } from '../runner/run.js';
import type { BlockReason, HypothesisStatus, SessionEvent, Verdict } from './events.js';

/** Output kept per run in the session state; the spill file holds the rest. */
export const SESSION_OUTPUT_LIMIT = 64 * 1024;

export type RunState = {
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
  startedAt: string;
  /** When the run finished or was found interrupted. */
  endedAt?: string | undefined;
  state: 'running' | 'finished' | 'interrupted';
  /** Output streamed so far (capped); replaced by the final tails when the run finishes. */
  stdout: string;
  stderr: string;
  status?: RunStatus;
  exitCode?: number | null;
  durationMs?: number;
  outcome?: Outcome;
  finding?: string;
  truncated?: boolean;
  totalLines?: number;
  spillFile?: string | undefined;
  /** The outcome the rules gave, when the user overrode it. */
  originalOutcome?: Outcome;
  overrideReason?: string | undefined;
  notes: string[];
};

export type HypothesisState = {
  id: string;
  text: string;
  catalogHypothesis?: string | undefined;
  statedAt: string;
  status: HypothesisStatus;
  conclusion?: string;
  notes: string[];
};

export type BlockedTest = { hypothesisId: string; testId: string; title: string; reason: BlockReason; detail: string; command: string; at: string };

export type SessionState = {
  id: string;
  startedAt: string;
  updatedAt: string;
  /** The last event that was work (not an export or a resume): the end of the report's time window. */
  lastActivityAt: string;
  /** When the session was reopened after it stopped. */
  resumedAt: string[];
  hunchVersion: string;
  catalogVersion: string;
  context?: string | undefined;
  namespace?: string | undefined;
  practice?: string | undefined;
  hypotheses: HypothesisState[];
  runs: RunState[];
  blocked: BlockedTest[];
  currentHypothesisId?: string | undefined;
  exports: { format: string; path?: string | undefined; at: string }[];
  ended: boolean;
};

export const emptySession: SessionState = {
  id: '',
  startedAt: '',
  updatedAt: '',
  lastActivityAt: '',
  resumedAt: [],
  hunchVersion: '',
  catalogVersion: '',
  hypotheses: [],
  runs: [],
  blocked: [],
  exports: [],
  ended: false,
};

/** The session as a pure function of its events. */
export function reduceSession(state: SessionState, event: SessionEvent): SessionState {
  const isWork = event.type !== 'session-exported' && event.type !== 'session-resumed';
  const next = { ...state, updatedAt: event.at, lastActivityAt: isWork ? event.at : state.lastActivityAt };
  switch (event.type) {
    case 'session-started':
      return {
        ...next,
        id: event.sessionId,
        startedAt: event.at,
        hunchVersion: event.hunchVersion,
        catalogVersion: event.catalogVersion,
        context: event.context,
        namespace: event.namespace,
        practice: event.practice,
      };
    case 'hypothesis-stated':
      return {
        ...next,
        hypotheses: [
          ...state.hypotheses,
          { id: event.hypothesisId, text: event.text, catalogHypothesis: event.catalogHypothesis, statedAt: event.at, status: 'open', notes: [] },
        ],
        currentHypothesisId: event.hypothesisId,
      };
    case 'hypothesis-focused':
      return { ...next, currentHypothesisId: event.hypothesisId };
    case 'run-started':
      return {
        ...next,
        runs: [
          ...state.runs,
          {
            runId: event.runId,
            hypothesisId: event.hypothesisId,
            testId: event.testId,
            title: event.title,
            component: event.component,
            effect: event.effect,
            command: event.command,
            argv: event.argv,
            values: event.values,
            context: event.context,
            namespace: event.namespace,
            startedAt: event.at,
            state: 'running',
            stdout: '',
            stderr: '',
            notes: [],
          },
        ],
      };
    case 'output':
      return updateRun(next, event.runId, (run) => ({ ...run, [event.stream]: capTail(run[event.stream] + event.text) }));
    case 'run-finished':
      return updateRun(next, event.runId, (run) => ({
        ...run,
        state: 'finished',
        endedAt: event.at,
        status: event.status,
        exitCode: event.exitCode,
        durationMs: event.durationMs,
        outcome: event.outcome,
        finding: event.finding,
        stdout: event.stdout,
        stderr: event.stderr,
        truncated: event.truncated,
        totalLines: event.totalLines,
        spillFile: event.spillFile,
      }));
    case 'run-interrupted':
      return updateRun(next, event.runId, (run) =>
        run.state === 'running' ? { ...run, state: 'interrupted', endedAt: event.at, outcome: 'error', finding: `interrupted: ${event.reason}` } : run,
      );
    case 'outcome-overridden':
      return updateRun(next, event.runId, (run) => ({
        ...run,
        originalOutcome: run.originalOutcome ?? run.outcome,
        outcome: event.outcome,
        overrideReason: event.reason,
      }));
    case 'note-added':
      if (event.runId) return updateRun(next, event.runId, (run) => ({ ...run, notes: [...run.notes, event.text] }));
      return updateHypothesis(next, event.hypothesisId, (h) => ({ ...h, notes: [...h.notes, event.text] }));
    case 'test-blocked':
      return {
        ...next,
        blocked: [
          ...state.blocked,
          { hypothesisId: event.hypothesisId, testId: event.testId, title: event.title, reason: event.reason, detail: event.detail, command: event.command, at: event.at },
        ],
      };
    case 'verdict-set':
      return updateHypothesis(next, event.hypothesisId, (h) => ({ ...h, status: event.verdict, conclusion: event.conclusion }));
    case 'session-exported':
      return { ...next, exports: [...state.exports, { format: event.format, path: event.path, at: event.at }] };
    case 'session-resumed':
      return { ...next, resumedAt: [...state.resumedAt, event.at], ended: false };
    case 'session-ended':
      return { ...next, ended: true };
    default: {
      const unknown: never = event;
      return unknownEvent(state, unknown);
    }
  }
}

/** Journals written by a newer hunch may hold events this one does not know: skip them. */
function unknownEvent(state: SessionState, _event: never): SessionState {
  return state;
}

export function replaySession(events: readonly SessionEvent[]): SessionState {
  return events.reduce(reduceSession, emptySession);
}

function updateRun(state: SessionState, runId: string, change: (run: RunState) => RunState): SessionState {
  return { ...state, runs: state.runs.map((run) => (run.runId === runId ? change(run) : run)) };
}

function updateHypothesis(state: SessionState, id: string, change: (h: HypothesisState) => HypothesisState): SessionState {
  return { ...state, hypotheses: state.hypotheses.map((h) => (h.id === id ? change(h) : h)) };
}

function capTail(text: string): string {
  return text.length > SESSION_OUTPUT_LIMIT ? text.slice(text.length - SESSION_OUTPUT_LIMIT) : text;
}

/** The verdict the evidence points to: any anomaly confirms, only healthy results refute. */
export function suggestVerdict(state: SessionState, hypothesisId: string): Verdict {
  // A run the user stopped read nothing: it neither confirms nor refutes, so only finished runs count.
  const outcomes = state.runs
    .filter((run) => run.hypothesisId === hypothesisId && run.outcome && run.status !== 'cancelled')
    .map((run) => run.outcome);
  if (outcomes.includes('anomaly')) return 'confirmed';
  if (outcomes.length > 0 && outcomes.every((o) => o === 'healthy')) return 'refuted';
  return 'inconclusive';
}

export function currentHypothesis(state: SessionState): HypothesisState | undefined {
  return state.hypotheses.find((h) => h.id === state.currentHypothesisId);
}
