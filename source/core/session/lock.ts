import { hostname } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Who has a session open for writing. */
export type SessionHolder = { pid: number; host: string; since: string };

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: SessionHolder };

/**
 * One writer per session: a second hunch appending to the same journal would interleave runs, and
 * `hunch resume` must not mark a run interrupted while the process running it is alive. A lock
 * left by a process that died (SIGKILL, power loss) is stale and taken over.
 */
export function lockSession(lockPath: string, pid = process.pid): LockResult {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const holder = readHolder(lockPath);
  if (holder && holder.pid !== pid && isAlive(holder)) return { ok: false, holder };
  const mine: SessionHolder = { pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(lockPath, `${JSON.stringify(mine)}\n`, { mode: 0o600 });
  return {
    ok: true,
    release: () => {
      if (readHolder(lockPath)?.pid === pid) rmSync(lockPath, { force: true });
    },
  };
}

/** The live process holding a session, if any (a stale lock counts as none). */
export function sessionHolder(lockPath: string): SessionHolder | undefined {
  const holder = readHolder(lockPath);
  return holder && isAlive(holder) ? holder : undefined;
}

function readHolder(lockPath: string): SessionHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<SessionHolder>;
    return typeof value.pid === 'number' ? { pid: value.pid, host: String(value.host ?? ''), since: String(value.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: SessionHolder): boolean {
  // A lock from another machine (a shared home directory) cannot be checked: respect it.
  if (holder.host !== '' && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
