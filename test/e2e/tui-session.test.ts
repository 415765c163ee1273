import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchTui, type PtySession } from '../helpers/pty.js';
import { scriptTest, testCatalog } from '../helpers/runaway-catalog.js';
import { tempDir } from '../helpers/temp.js';

// A whole session in the built hunch, in a real terminal, driven only by what the screens say:
// the practice scenario postgres-blocked ("the app team says Postgres is down"; a network policy
// in the data namespace drops the shop's connections), from the first hypothesis to the reveal.

let tui: PtySession | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

/** The command box's top border, whole on one line: drawn for this width, not wrapped by the terminal. */
function boxWidth(screen: string): number | undefined {
  return screen.split('\n').find((line) => /^╭─+╮$/.test(line))?.length;
}

describe('a newcomer on the practice cluster, in a real terminal', () => {
  it('goes from "Postgres is down" to the network policy, a verdict, a report read back and the reveal', async () => {
    const home = tempDir({}, 'hunch-session-home-');
    const reports = tempDir({}, 'hunch-session-reports-');
    const session = await launchTui({ args: ['practice', 'postgres-blocked'], cols: 100, rows: 30, cwd: reports, env: { KUBECONFIG: undefined, HUNCH_HOME: home } });
    tui = session;
    // Given the practice banner, the report and the cluster discovered
    await session.waitFor('What do you think is wrong?', 30_000);
    await session.waitFor((s) => s.includes('PRACTICE') && s.includes('i/o timeout') && !s.includes('discovering'), 30_000);

    // The keys of this screen, from the help overlay
    session.type('?');
    await session.waitFor(/Keys here[\s\S]*state the typed hypothesis/);
    session.type('?');
    await session.waitForGone('Keys here');

    // Hypothesis 1: what the app team says
    session.type('postgres is down');
    await session.waitFor(/hypothesis\s+Postgres is down or refuses connections\s+3 tests/);
    session.press('down');
    await session.waitFor(/› hypothesis\s+Postgres is down/);
    session.press('enter');
    await session.waitFor(/› ○ PostgreSQL accepts a connection\s+postgres\s+read-only\s+may run/, 20_000);
    session.type('d');
    await session.waitFor((s) => s.includes('How to read it:') && s.includes('$ kubectl exec -n <namespace> <pod> -- psql'));
    session.type('d');
    await session.waitForGone('How to read it:');

    // Its parameters, picked from what the cluster says: the namespace where postgres runs, its pod
    session.press('enter');
    await session.waitFor(/data\s+has postgres \(postgres-0\)/, 20_000);
    session.press('down', 'down');
    await session.waitFor('› data');
    session.press('enter');
    await session.waitFor(/postgres-0\s+postgres · Running/, 20_000);
    session.press('down');
    await session.waitFor('› postgres-0');
    session.press('enter');
    await session.waitFor('parameter 3 of 7');
    // container (optional, the first), host, port, user and database as the catalogue sets them
    for (const step of ['parameter 4 of 7', 'parameter 5 of 7', 'parameter 6 of 7', 'parameter 7 of 7', 'Press enter to run exactly this command.']) {
      session.press('enter');
      await session.waitFor(step);
    }
    await session.waitFor(/\$ kubectl --context=hunch-practice exec -n data\s+postgres-0 -- psql/);

    // A resize mid-session: the screen is laid out again for the new size and stays usable
    session.resize(72, 22);
    const narrow = await session.waitFor((s) => s.includes('Press enter to run exactly this command.') && boxWidth(s) === 72);
    expect(narrow).toMatch(/⏎ run {2}e edit.*\? help/);
    session.resize(100, 30);
    await session.waitFor((s) => s.includes('Press enter to run exactly this command.') && boxWidth(s) === 100);

    session.press('enter');
    await session.waitFor(/✔ HEALTHY\s+connected to postgres as postgres \(primary\)/, 30_000);

    // Verdict 1: the evidence says Postgres is up
    session.type('v');
    await session.waitFor('The evidence suggests: REFUTED');
    session.type('postgres answers inside its own pod');
    session.press('enter');
    await session.waitFor('What next?');

    // Hypothesis 2: the error from the report, pasted
    session.type('h');
    await session.waitFor(/REFUTED\s+Postgres is down or refuses connections\s+1 run/);
    session.type('dial tcp 10.96.14.88:5432: i/o timeout');
    await session.waitFor(/hypothesis\s+Other pods cannot reach the service/);
    session.press('down');
    await session.waitFor(/› hypothesis\s+Other pods cannot reach the service/);
    session.press('enter');
    await session.waitFor(/○ NetworkPolicies that select a pod/, 20_000);
    session.press('down', 'down', 'down', 'down');
    await session.waitFor(/› ○ NetworkPolicies that select a pod/);
    session.press('enter');
    // The namespace and pod used before come first
    await session.waitFor(/data\s+used earlier/, 20_000);
    session.press('down');
    await session.waitFor('› data');
    session.press('enter');
    await session.waitFor(/postgres-0\s+used earlier/, 20_000);
    session.press('down');
    await session.waitFor('› postgres-0');
    session.press('enter');
    await session.waitFor('Press enter to run exactly this command.');
    session.press('enter');
    await session.waitFor(/✖ ANOMALY\s+2 of 2 policies[\s\S]*Suggested next[\s\S]*NetworkPolicies let traffic in from another namespace/, 30_000);

    // The catalogue's next test, with the namespace and pod carried over
    session.type('x');
    await session.waitFor(/parameter 1 of 3[\s\S]*› data/, 20_000);
    session.press('enter');
    await session.waitFor(/parameter 2 of 3[\s\S]*› postgres-0/);
    session.press('enter');
    await session.waitFor(/parameter 3 of 3[\s\S]*namespace the traffic comes from[\s\S]*› shop/);
    session.press('enter');
    await session.waitFor('Press enter to run exactly this command.');
    session.press('enter');
    await session.waitFor(/✖ ANOMALY\s+2 policy\(ies\) restrict ingress to postgres-0 and none admits namespace shop/, 30_000);

    // Verdict 2: confirmed, in one line
    session.type('v');
    await session.waitFor('The evidence suggests: CONFIRMED');
    session.type('data/postgres-ingress admits only team=payments; shop is dropped');
    session.press('enter');
    await session.waitFor('What next?');

    // Export: format and destination
    session.type('x');
    // The default destination is the folder hunch was started in (no export folder in the settings)
    await session.waitFor((s) => s.includes('Export the triage report') && s.includes(join(reports, 'hunch-report-')));
    session.type('d');
    await session.waitFor('enter uses it, esc cancels');
    const destination = join(reports, 'triage.md');
    session.type('\u0015');
    await session.waitForGone('hunch-report-');
    session.type(destination);
    await session.waitFor(`› ${destination}`);
    session.press('enter');
    await session.waitFor((s) => s.includes('Destination (d changes it)') && s.includes(destination));
    session.press('enter');
    await session.waitFor(`report written to ${destination}`);
    const report = readFileSync(destination, 'utf8');
    expect(report).toMatch(/^# Triage: Postgres is down/);
    expect(report).toMatch(/Postgres is down or refuses connections \| REFUTED/);
    expect(report).toMatch(/Other pods cannot reach the service \| CONFIRMED/);
    expect(report).toContain('none admits namespace shop');

    // Finish: the reveal, then the summary with the report's path
    session.press('esc');
    await session.waitFor('What next?');
    session.type('q');
    await session.waitFor(/Root cause: A network policy in the data namespace blocks the shop namespace[\s\S]*How you did \(direct\)/);
    session.press('enter');
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    // The summary on exit names the report (the terminal may have wrapped the line).
    expect(session.scrollback().replace(/\n/g, '')).toContain(`report: ${destination}`);
  }, 120_000);

  it('stops a long-running test and the process it started on Ctrl-C, and the session goes on', async () => {
    const home = tempDir({}, 'hunch-session-home-');
    const pidFile = join(tempDir(), 'pids');
    // The test's shell writes its own pid, then starts a grandchild that would run for minutes.
    const catalog = testCatalog([scriptTest('slow-tree', `echo $$ > ${pidFile}\nsleep 300 &\necho $! >> ${pidFile}\necho "slow test started"\nwait`, { timeout: '10m' })]);
    const session = await launchTui({ args: ['--catalog', catalog], env: { HUNCH_HOME: home } });
    tui = session;
    await session.waitFor('What do you think is wrong?', 30_000);
    session.type('slow-tree');
    await session.waitFor(/test\s+slow-tree/);
    session.press('enter');
    await session.waitFor(/› ○ slow-tree/);
    session.press('enter');
    await session.waitFor('Press enter to run exactly this command.');
    session.press('enter');
    await session.waitFor('slow test started', 20_000);
    await expect.poll(() => (existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim().split('\n').length : 0), { timeout: 10_000 }).toBe(2);
    const [child, grandchild] = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(existsSync(`/proc/${child}`) && existsSync(`/proc/${grandchild}`)).toBe(true);

    // When Ctrl-C is pressed during the run
    session.press('ctrl+c');
    await session.waitFor(/⏹ STOPPED\s+stopped by you before it finished/, 15_000);
    // Then the child and the grandchild are gone, and hunch is still there
    await expect.poll(() => [child, grandchild].filter((pid) => running(pid)), { timeout: 10_000 }).toEqual([]);
    expect(session.alive()).toBe(true);

    // And the session goes on: the list marks the stopped run, the verdict screen counts it
    session.press('esc');
    await session.waitFor(/› ○ slow-tree\s+host\s+read-only\s+⏹ stopped/);
    session.type('v');
    await session.waitFor(/⏹ stopped\s+slow-tree/);
    session.press('esc');
    await session.waitFor(/› ○ slow-tree/);
    const journal = readdirSync(join(home, 'data', 'sessions')).find((f) => f.endsWith('.jsonl'));
    const events = readFileSync(join(home, 'data', 'sessions', journal as string), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string });
    expect(events.find((e) => e.type === 'run-finished')?.status).toBe('cancelled');
  }, 60_000);
});

/** A process that exists and is not a zombie. */
function running(pid: number | undefined): boolean {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return false;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
