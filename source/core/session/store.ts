import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sessionsDir } from '../paths.js';
import type { NewSessionEvent, SessionEvent } from './events.js';
import { readJournal, SessionJournal, type JournalDamage } from './journal.js';
import { emptySession, reduceSession, replaySession, type SessionState } from './reducer.js';

/** A sortable, readable id: the start time plus a little randomness. */
export function newSessionId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export function journalPath(sessionId: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(sessionsDir(env), `${sessionId}.jsonl`);
}

/** Journal + reducer: every event is on disk before the new state is returned. */
export class SessionRecorder {
  state: SessionState;

  constructor(
    readonly journal: SessionJournal,
    initial: SessionState = emptySession,
  ) {
    this.state = initial;
  }

  record(event: NewSessionEvent): SessionState {
    const stored = this.journal.append(event);
    this.state = reduceSession(this.state, stored);
    return this.state;
  }

  close(): void {
    this.journal.close();
  }
}

export type LoadedSession = { state: SessionState; events: SessionEvent[]; path: string; damage?: JournalDamage | undefined };

export function loadSession(sessionId: string, env: NodeJS.ProcessEnv = process.env): LoadedSession | undefined {
  const path = journalPath(sessionId, env);
  if (!existsSync(path)) return undefined;
  const { events, damage } = readJournal(path);
  return { state: replaySession(events), events, path, damage };
}

/** Session ids, newest first. */
export function listSessionIds(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = sessionsDir(env);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => ({ id: name.slice(0, -'.jsonl'.length), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.id.localeCompare(a.id))
    .map((entry) => entry.id);
}

/** Reopens a session for more events; runs the crash left dangling are marked interrupted. */
export function reopenSession(loaded: LoadedSession, options: { redact: boolean }): SessionRecorder {
  const recorder = new SessionRecorder(new SessionJournal(loaded.path, options), loaded.state);
  for (const run of loaded.state.runs.filter((r) => r.state === 'running')) {
    recorder.record({ type: 'run-interrupted', runId: run.runId, reason: 'hunch stopped before the run finished' });
  }
  return recorder;
}

export type StartSessionOptions = {
  env?: NodeJS.ProcessEnv;
  context?: string | undefined;
  namespace?: string | undefined;
  practice?: string | undefined;
  catalogVersion: string;
  hunchVersion: string;
  redact: boolean;
};

/** Creates a session and journals its first event. */
export function startSession(options: StartSessionOptions): SessionRecorder {
  const sessionId = newSessionId();
  const recorder = new SessionRecorder(new SessionJournal(journalPath(sessionId, options.env), { redact: options.redact }));
  recorder.record({
    type: 'session-started',
    sessionId,
    hunchVersion: options.hunchVersion,
    catalogVersion: options.catalogVersion,
    context: options.context,
    namespace: options.namespace,
    practice: options.practice,
  });
  return recorder;
}
