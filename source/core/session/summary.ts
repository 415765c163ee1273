import { sessionHolder } from './lock.js';
import type { SessionState } from './reducer.js';
import { lockPath, type LoadedSession } from './store.js';

/**
 * Where a session stands: `running` (a live hunch has it open with a run going), `in use` (open
 * elsewhere), `interrupted` (a run was going when hunch died; hunch resume marks it),
 * `ended`, `open` (hypotheses undecided) or `decided`.
 */
export type SessionStatus = 'running' | 'in use' | 'interrupted' | 'ended' | 'open' | 'decided';

export type SessionSummary = {
  id: string;
  started: string;
  updated: string;
  context: string | null;
  problem: string;
  hypotheses: number;
  testsRun: number;
  anomalies: number;
  status: SessionStatus;
  exported: boolean;
  damaged: string | null;
  holderPid: number | null;
};

export function sessionStatus(state: SessionState, live: boolean): SessionStatus {
  const running = state.runs.some((run) => run.state === 'running');
  if (live) return running ? 'running' : 'in use';
  if (running) return 'interrupted';
  if (state.ended) return 'ended';
  return state.hypotheses.some((h) => h.status === 'open') ? 'open' : 'decided';
}

export function summarizeSession(id: string, loaded: LoadedSession, env: NodeJS.ProcessEnv = process.env): SessionSummary {
  const { state } = loaded;
  const holder = sessionHolder(lockPath(id, env));
  return {
    id,
    started: state.startedAt,
    updated: state.lastActivityAt || state.updatedAt,
    context: state.context ?? null,
    problem: state.hypotheses[0]?.text ?? '',
    hypotheses: state.hypotheses.length,
    testsRun: state.runs.length,
    anomalies: state.runs.filter((r) => r.outcome === 'anomaly').length,
    status: sessionStatus(state, holder !== undefined),
    exported: state.exports.length > 0,
    damaged: loaded.damage?.message ?? null,
    holderPid: holder?.pid ?? null,
  };
}

/** Runs a dead hunch left dangling, shown as interrupted without writing to the journal (for exports). */
export function withDanglingRunsInterrupted(state: SessionState): SessionState {
  if (!state.runs.some((run) => run.state === 'running')) return state;
  return {
    ...state,
    runs: state.runs.map((run) => (run.state === 'running' ? { ...run, state: 'interrupted', outcome: 'error', finding: 'interrupted: hunch stopped before the run finished' } : run)),
  };
}
