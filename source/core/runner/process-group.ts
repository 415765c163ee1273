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

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Remembers a running group so hunch's own exit (SIGHUP, SIGTERM, a crash) never leaves it behind. */
export function trackGroup(pid: number | undefined): () => void {
  if (pid === undefined) return () => {};
  if (!exitHookInstalled) {
    process.once('exit', killAllGroups);
    exitHookInstalled = true;
  }
  liveGroups.add(pid);
  return () => {
    liveGroups.delete(pid);
  };
}

export function killAllGroups(): void {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  liveGroups.clear();
}
