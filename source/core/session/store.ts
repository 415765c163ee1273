import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { HunchError } from '../errors.js';
import { sessionsDir } from '../paths.js';
import { JOURNAL_FORMAT, type NewSessionEvent, type SessionEvent } from './events.js';
import { readJournal, repairJournalTail, SessionJournal, type JournalDamage, type JournalRepair } from './journal.js';
import { lockSession, type SessionHolder } from './lock.js';
import { emptySession, reduceSession, replaySession, type SessionState } from './reducer.js';

/** A sortable, readable id: the start time plus a little randomness. */
export function newSessionId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Ids name files: nothing that could leave the sessions folder. */
export function isValidSessionId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id) && !id.includes('..');
}

export function journalPath(sessionId: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(sessionsDir(env), `${sessionId}.jsonl`);
}

export function lockPath(sessionId: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(sessionsDir(env), `${sessionId}.lock`);
}

/** Journal + reducer: every event is on disk before the new state is returned. */
export class SessionRecorder {
  state: SessionState;

  constructor(
    readonly journal: SessionJournal,
    initial: SessionState = emptySession,
    private readonly release: () => void = () => {},
  ) {
    this.state = initial;
  }

  /** Whether the journal (and so the screen and the output files) is redacted. */
  get redacts(): boolean {
    return this.journal.redacts;
  }

  record(event: NewSessionEvent): SessionState {
    const stored = this.journal.append(event);
    this.state = reduceSession(this.state, stored);
    return this.state;
  }

  /** Closes the journal and lets another hunch open the session. */
  close(): void {
    this.journal.close();
    this.release();
  }
}

export type LoadedSession = { state: SessionState; events: SessionEvent[]; path: string; damage?: JournalDamage | undefined };

export function loadSession(sessionId: string, env: NodeJS.ProcessEnv = process.env): LoadedSession | undefined {
  if (!isValidSessionId(sessionId)) return undefined;
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

export type SessionLookup = { ok: true; id: string } | { ok: false; message: string; hint: string };

/** A session named in full, by a unique prefix, or (no text) the most recent one. */
export function resolveSessionId(text: string | undefined, env: NodeJS.ProcessEnv = process.env): SessionLookup {
  const ids = listSessionIds(env);
  if (text === undefined) {
    const latest = ids[0];
    return latest ? { ok: true, id: latest } : { ok: false, message: 'there are no sessions yet', hint: 'run hunch (or hunch run <test-id>) to start one' };
  }
  if (ids.includes(text)) return { ok: true, id: text };
  const matches = ids.filter((id) => id.startsWith(text));
  if (matches.length === 1) return { ok: true, id: matches[0] as string };
  if (matches.length > 1) return { ok: false, message: `"${text}" matches ${matches.length} sessions`, hint: `give more of the id: ${matches.slice(0, 3).join(', ')}` };
  return { ok: false, message: `no session "${text}"`, hint: 'hunch sessions lists them' };
}

export type ResumeResult =
  | { ok: true; recorder: SessionRecorder; interrupted: string[]; repair?: JournalRepair | undefined; damage?: JournalDamage | undefined }
  | { ok: false; reason: 'missing'; message: string }
  | { ok: false; reason: 'in-use'; message: string; holder: SessionHolder };

/**
 * Reopens a session for more events, exactly where it stopped. A cut-off last line is set aside
 * (copied, then trimmed) so new events start on a line of their own; runs that a crash left
 * dangling are journaled as interrupted. Refused while another live hunch has the session open.
 */
export function resumeSession(sessionId: string, options: { redact: boolean; env?: NodeJS.ProcessEnv }): ResumeResult {
  const env = options.env ?? process.env;
  const path = journalPath(sessionId, env);
  if (!isValidSessionId(sessionId) || !existsSync(path)) return { ok: false, reason: 'missing', message: `no session "${sessionId}"` };
  const lock = lockSession(lockPath(sessionId, env));
  if (!lock.ok) {
    return { ok: false, reason: 'in-use', holder: lock.holder, message: `session ${sessionId} is open in another hunch (pid ${lock.holder.pid} since ${lock.holder.since})` };
  }
  const repair = repairJournalTail(path);
  const { events, damage } = readJournal(path);
  const recorder = new SessionRecorder(new SessionJournal(path, { redact: options.redact }), replaySession(events), lock.release);
  const dangling = recorder.state.runs.filter((run) => run.state === 'running').map((run) => run.runId);
  recorder.record({ type: 'session-resumed', pid: process.pid, repaired: repair?.backup });
  for (const runId of dangling) recorder.record({ type: 'run-interrupted', runId, reason: 'hunch stopped before the run finished' });
  return { ok: true, recorder, interrupted: dangling, repair, damage };
}

/**
 * Adds one event to a session nobody has open (an export made from the command line). Returns
 * false, writing nothing, when a live hunch holds the session: its journal is that process's.
 */
export function appendToSession(sessionId: string, event: NewSessionEvent, options: { redact: boolean; env?: NodeJS.ProcessEnv }): { written: boolean; repair?: JournalRepair | undefined } {
  const env = options.env ?? process.env;
  const path = journalPath(sessionId, env);
  if (!isValidSessionId(sessionId) || !existsSync(path)) return { written: false };
  const lock = lockSession(lockPath(sessionId, env));
  if (!lock.ok) return { written: false };
  const journal = new SessionJournal(path, { redact: options.redact });
  try {
    const repair = repairJournalTail(path);
    journal.append(event);
    return { written: true, repair };
  } finally {
    journal.close();
    lock.release();
  }
}

/** Reopens a loaded session (kept for callers that already hold a LoadedSession). */
export function reopenSession(loaded: LoadedSession, options: { redact: boolean; env?: NodeJS.ProcessEnv }): SessionRecorder {
  const result = resumeSession(loaded.state.id, options);
  // An expected refusal (another hunch has it open): one line for the user, not a bug report.
  if (!result.ok) throw new HunchError(result.message, { hint: result.reason === 'in-use' ? `switch to that terminal, or wait for pid ${result.holder.pid} to exit` : 'hunch sessions lists them' });
  return result.recorder;
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

/** Creates a session, holds it for this process and journals its first event. */
export function startSession(options: StartSessionOptions): SessionRecorder {
  const sessionId = newSessionId();
  const lock = lockSession(lockPath(sessionId, options.env));
  const release = lock.ok ? lock.release : () => {};
  const recorder = new SessionRecorder(new SessionJournal(journalPath(sessionId, options.env), { redact: options.redact }), emptySession, release);
  recorder.record({
    type: 'session-started',
    sessionId,
    format: JOURNAL_FORMAT,
    hunchVersion: options.hunchVersion,
    catalogVersion: options.catalogVersion,
    context: options.context,
    namespace: options.namespace,
    practice: options.practice,
  });
  return recorder;
}
