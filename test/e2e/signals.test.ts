import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { launchTui, type PtySession } from '../helpers/pty.js';
import { scriptTest, testCatalog } from '../helpers/runaway-catalog.js';
import { tempDir } from '../helpers/temp.js';

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * A test whose command leaves a hard tree to stop: a background child, a pipeline, a grandchild
 * that left the process group with setsid and ignores SIGTERM, a double-forked daemon. Each pid is
 * written to `pidFile`; then it prints a line and waits.
 */
function stubbornTree(pidFile: string): string {
  return `sleep 300 & echo $! >> ${pidFile}
(sleep 300 | cat) & echo $! >> ${pidFile}
setsid bash -c 'trap "" TERM; echo $$ >> ${pidFile}; while :; do sleep 1; done' &
( setsid bash -c 'echo $$ >> ${pidFile}; exec sleep 300' & ) &
echo "tree started"
wait`;
}

async function treePids(pidFile: string): Promise<number[]> {
  await expect.poll(() => (existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim().split('\n').length : 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
  expect(pids.every(alive)).toBe(true);
  return pids;
}

/** Every line of every journal in a HUNCH_HOME, parsed; throws on a line that is not JSON. */
function journalEvents(home: string): { type: string; status?: string; runId?: string }[] {
  const dir = join(home, 'data', 'sessions');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string }));
}

/** The journal is whole: every line parses, and every run that started has finished with `status`. */
function expectJournalClosed(home: string, status: string): void {
  const events = journalEvents(home);
  const started = events.filter((e) => e.type === 'run-started').map((e) => e.runId);
  const finished = events.filter((e) => e.type === 'run-finished');
  expect(started.length).toBeGreaterThan(0);
  expect(finished.map((e) => e.runId).sort()).toEqual([...started].sort());
  expect(finished.at(-1)?.status).toBe(status);
}

describe('hunch run stops the whole tree on a signal and journals how the run ended', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('given %s while a stubborn tree runs, none of it survives and hunch exits 130', async (signal) => {
    const dir = tempDir();
    const pidFile = join(dir, 'pids');
    const home = tempDir({}, 'hunch-signals-home-');
    const catalog = testCatalog([scriptTest('stubborn-tree', stubbornTree(pidFile), { timeout: '5m' })]);
    const child = execa('node', [CLI, 'run', 'stubborn-tree', '--catalog', catalog], { env: { HUNCH_HOME: home, KUBECONFIG: '/nonexistent', CI: '1' }, reject: false, stdin: 'ignore' });
    const pids = await treePids(pidFile);
    const sent = performance.now();
    child.kill(signal);
    const result = await child;
    expect(result.exitCode, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/stopped; the run was journaled as stopped/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await expect.poll(() => pids.filter(alive), { timeout: 5000 }).toEqual([]);
    // SIGTERM first, SIGKILL after the 2 s grace for what ignores it: well under 10 s in all.
    expect(performance.now() - sent).toBeLessThan(10_000);
    expectJournalClosed(home, 'cancelled');
  }, 60_000);

  it('given a command that ignores SIGTERM past its timeout, kills it after the grace period and reads the outcome as a timeout', async () => {
    const home = tempDir({}, 'hunch-signals-home-');
    const catalog = testCatalog([scriptTest('ignores-term', "trap '' TERM\necho waiting\nwhile :; do sleep 0.2; done", { timeout: '1s' })]);
    const started = performance.now();
    const result = await execa('node', [CLI, 'run', 'ignores-term', '--catalog', catalog, '--json'], { env: { HUNCH_HOME: home, KUBECONFIG: '/nonexistent', CI: '1' }, reject: false, stdin: 'ignore' });
    const parsed = JSON.parse(result.stdout) as { status: string; outcome: string; finding: string };
    expect(parsed).toMatchObject({ status: 'timeout', outcome: 'error' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expectJournalClosed(home, 'timeout');
  }, 60_000);
});

describe('the TUI stops runs and exits cleanly, in a real terminal', () => {
  let tui: PtySession | undefined;
  afterEach(async () => {
    await tui?.close();
    tui = undefined;
  });

  async function startTreeRun(home: string, pidFile: string): Promise<{ tui: PtySession; pids: number[] }> {
    const catalog = testCatalog([scriptTest('stubborn-tree', stubbornTree(pidFile), { timeout: '5m' })]);
    const session = await launchTui({ args: ['--catalog', catalog], env: { HUNCH_HOME: home } });
    await session.waitFor('What do you think is wrong?', 30_000);
    session.type('stubborn-tree');
    await session.waitFor(/test\s+stubborn-tree/);
    session.press('enter');
    await session.waitFor(/›.*stubborn-tree/);
    session.press('enter');
    await session.waitFor('Press enter to run exactly this command.');
    session.press('enter');
    await session.waitFor('tree started');
    return { tui: session, pids: await treePids(pidFile) };
  }

  it('given Ctrl-C during a run, stops the run and its whole tree, and hunch stays open', async () => {
    const dir = tempDir();
    const home = tempDir({}, 'hunch-signals-home-');
    const started = await startTreeRun(home, join(dir, 'pids'));
    tui = started.tui;
    tui.press('ctrl+c');
    await tui.waitFor(/⏹ STOPPED\s+stopped by you/, 15_000);
    await expect.poll(() => started.pids.filter(alive), { timeout: 5000 }).toEqual([]);
    expect(alive(tui.pid)).toBe(true);
    expectJournalClosed(home, 'cancelled');
  }, 90_000);

  it.each(['SIGHUP', 'SIGTERM'] as const)('given %s during a run, exits cleanly, leaves no process behind and a journal that reads whole', async (signal) => {
    const dir = tempDir();
    const home = tempDir({}, 'hunch-signals-home-');
    const started = await startTreeRun(home, join(dir, 'pids'));
    tui = started.tui;
    tui.signal(signal);
    const exit = await Promise.race([tui.exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000))]);
    expect(exit, tui.screen()).not.toBe('hung');
    // hunch ended itself (no death by the signal's default action) after cleaning up.
    expect(exit !== 'hung' && exit.signal ? exit.signal : 0).toBe(0);
    await expect.poll(() => started.pids.filter(alive), { timeout: 5000 }).toEqual([]);
    expect(tui.scrollback()).not.toMatch(/\n\s+at \S+ \(/);
    expectJournalClosed(home, 'cancelled');
  }, 90_000);

  it('given a hangup while the boot frame still loads the catalogue, exits without starting a session', async () => {
    const home = tempDir({}, 'hunch-signals-home-');
    // Thousands of extra tests on a cold cache keep the boot frame up for a second or more.
    const catalog = testCatalog(Array.from({ length: 3000 }, (_, i) => scriptTest(`boot-filler-${i}`, 'echo filler')));
    const session = await launchTui({ args: ['--catalog', catalog], env: { HUNCH_HOME: home } });
    tui = session;
    const boot = await session.waitFor('What do you think is wrong?', 30_000);
    session.signal('SIGHUP');
    expect(boot).toContain('loading the catalogue');
    const exit = await Promise.race([session.exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 15_000))]);
    expect(exit, 'hunch still runs 15 s after the hangup').toBeDefined();
    expect(exit?.exitCode).toBe(130);
    const sessions = join(home, 'data', 'sessions');
    expect(existsSync(sessions) ? readdirSync(sessions) : []).toEqual([]);
  }, 60_000);

  it('given the terminal itself closing (a dropped SSH connection), exits, leaves no process behind and a journal that reads whole', async () => {
    const dir = tempDir();
    const home = tempDir({}, 'hunch-signals-home-');
    const started = await startTreeRun(home, join(dir, 'pids'));
    tui = started.tui;
    const session = tui;
    session.hangup();
    await expect.poll(() => session.alive(), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => started.pids.filter(alive), { timeout: 5000 }).toEqual([]);
    expectJournalClosed(home, 'cancelled');
  }, 90_000);
});
