import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every process a run starts inherits this variable with the run's own value. A process that left
 * the run's process group (`setsid`, a double-forking daemon) still carries it, so a stop can find
 * it in /proc; the same trick Jenkins uses to clean up after builds.
 */
export const RUN_MARKER_ENV = 'HUNCH_RUN_MARKER';

export function newRunMarker(): string {
  return randomBytes(8).toString('hex');
}

/** Signals a whole process group, so grandchildren (a pipeline, a shell's children) stop too. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone; fall back to the leader in case it never became a group leader.
    try {
      process.kill(pid, signal);
    } catch {
      /* already exited */
    }
  }
}

/** Pids of live processes whose environment carries the run's marker; none where /proc is missing. */
export function markedProcesses(marker: string): number[] {
  const needle = Buffer.from(`${RUN_MARKER_ENV}=${marker}\0`);
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(needle)) found.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}

/** Signals the run's group and every process that carries its marker, wherever it went. */
export function signalTree(pid: number | undefined, marker: string, signal: NodeJS.Signals): void {
  signalGroup(pid, signal);
  for (const other of markedProcesses(marker)) {
    try {
      process.kill(other, signal);
    } catch {
      /* exited meanwhile */
    }
  }
}

const liveRuns = new Map<number, string>();
let exitHookInstalled = false;

/** Remembers a running group so hunch's own exit (SIGHUP, SIGTERM, a crash) never leaves it behind. */
export function trackGroup(pid: number | undefined, marker?: string): () => void {
  if (pid === undefined) return () => {};
  if (!exitHookInstalled) {
    process.once('exit', killAllGroups);
    exitHookInstalled = true;
  }
  liveRuns.set(pid, marker ?? '');
  return () => {
    liveRuns.delete(pid);
  };
}

export function killAllGroups(): void {
  for (const [pid, marker] of liveRuns) {
    if (marker) signalTree(pid, marker, 'SIGKILL');
    else signalGroup(pid, 'SIGKILL');
  }
  liveRuns.clear();
}
