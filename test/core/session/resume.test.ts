import { existsSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../../source/core/session/journal.js';
import { lockSession, sessionHolder } from '../../../source/core/session/lock.js';
import { journalPath, lockPath, loadSession, resolveSessionId, resumeSession, startSession } from '../../../source/core/session/store.js';
import { tempDir } from '../../helpers/temp.js';

function freshEnv(): NodeJS.ProcessEnv {
  return { ...process.env, HUNCH_HOME: tempDir({}, 'hunch-resume-') };
}

/** A session with one finished run and one that was running when hunch died. */
function crashedSession(env: NodeJS.ProcessEnv): string {
  const recorder = startSession({ env, catalogVersion: 'c1', hunchVersion: '0.1.0', redact: true, context: 'kind-shop', namespace: 'shop' });
  recorder.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'orders cannot reach postgres' });
  const started = { hypothesisId: 'h1', title: 'T', component: 'pod', effect: 'read-only' as const, command: 'kubectl get pods', argv: ['kubectl'], values: {} };
  recorder.record({ type: 'run-started', runId: 'r1', testId: 'pods', ...started });
  recorder.record({ type: 'run-finished', runId: 'r1', status: 'exited', exitCode: 0, durationMs: 5, outcome: 'healthy', finding: 'all pods ready', stdout: 'ok\n', stderr: '', truncated: false, totalLines: 1 });
  recorder.record({ type: 'run-started', runId: 'r2', testId: 'slow', ...started });
  recorder.record({ type: 'output', runId: 'r2', stream: 'stdout', text: 'step 1\n' });
  // The process dies here: the journal is closed by the kernel, the lock file stays behind.
  recorder.journal.close();
  return recorder.state.id;
}

describe('resuming a session', () => {
  it('marks the run a crash left dangling as interrupted and keeps the finished one', () => {
    const env = freshEnv();
    const id = crashedSession(env);
    const result = resumeSession(id, { redact: true, env });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.interrupted).toEqual(['r2']);
    result.recorder.close();
    const state = loadSession(id, env)?.state;
    expect(state?.runs.map((r) => [r.runId, r.state, r.outcome])).toEqual([
      ['r1', 'finished', 'healthy'],
      ['r2', 'interrupted', 'error'],
    ]);
    expect(state?.runs[1]?.stdout).toBe('step 1\n');
    expect(state?.resumedAt).toHaveLength(1);
  });

  it('given a last line cut off mid-write, keeps a copy, trims it and appends on a clean line', () => {
    const env = freshEnv();
    const id = crashedSession(env);
    const path = journalPath(id, env);
    appendFileSync(path, '{"type":"output","runId":"r2","stream":"stdout","te');
    expect(loadSession(id, env)?.damage?.message).toMatch(/\.jsonl:7: the last line was cut off mid-write/);

    const result = resumeSession(id, { redact: true, env });
    if (!result.ok) throw new Error(result.message);
    result.recorder.record({ type: 'note-added', hypothesisId: 'h1', text: 'resumed after a power cut' });
    result.recorder.close();

    expect(result.repair?.line).toBe(7);
    expect(readFileSync(result.repair?.backup ?? '', 'utf8')).toContain('"stream":"stdout","te');
    const reread = readJournal(path);
    expect(reread.damage).toBeUndefined();
    expect(reread.events.at(-1)).toMatchObject({ type: 'note-added', text: 'resumed after a power cut' });
  });

  it('refuses while another live process holds the session, and takes over a dead one', async () => {
    const env = freshEnv();
    const id = crashedSession(env);
    const sleeper = execa('sleep', ['30']);
    try {
      writeFileSync(lockPath(id, env), JSON.stringify({ pid: sleeper.pid, host: '', since: 'now' }));
      const refused = resumeSession(id, { redact: true, env });
      expect(refused).toMatchObject({ ok: false, reason: 'in-use' });
      expect(sessionHolder(lockPath(id, env))?.pid).toBe(sleeper.pid);
    } finally {
      sleeper.kill('SIGKILL');
      await sleeper.catch(() => undefined);
    }
    expect(sessionHolder(lockPath(id, env))).toBeUndefined();
    const taken = resumeSession(id, { redact: true, env });
    expect(taken.ok).toBe(true);
    if (taken.ok) taken.recorder.close();
    expect(existsSync(lockPath(id, env))).toBe(false);
  });

  it('a lock is released by its holder only', () => {
    const path = `${tempDir()}/s.lock`;
    const mine = lockSession(path);
    expect(mine.ok).toBe(true);
    expect(lockSession(path, process.ppid)).toMatchObject({ ok: false });
    if (mine.ok) mine.release();
    expect(existsSync(path)).toBe(false);
  });

  it('finds a session by a unique prefix and explains an ambiguous or unknown one', () => {
    const env = freshEnv();
    const a = crashedSession(env);
    const b = crashedSession(env);
    expect(resolveSessionId(a, env)).toEqual({ ok: true, id: a });
    expect(resolveSessionId(undefined, env).ok).toBe(true);
    const common = a.slice(0, 8);
    expect(resolveSessionId(common, env)).toMatchObject(b.startsWith(common) ? { ok: false, message: expect.stringContaining('matches 2 sessions') } : { ok: true });
    expect(resolveSessionId('nope', env)).toMatchObject({ ok: false, message: 'no session "nope"' });
    expect(loadSession('../../etc/passwd', env)).toBeUndefined();
  });
});
