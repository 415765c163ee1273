import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { journalPath, loadSession, lockPath } from '../../source/core/session/store.js';
import { CLI, hunch, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// A test-only catalogue: two quick tests and a slow one that prints a few steps (one with a
// secret), then waits long enough to be killed in the middle.
const CATALOG = `component: crash
tests:
  - id: quick-echo
    title: Quick echo
    summary: Prints its text and finishes at once.
    explain: A finished step before the crash; hunch's own crash test uses it.
    symptoms: [echo]
    params:
      - {name: text, type: string, default: ready}
    command: [printf, '%s\\n', "{{text}}"]
    effect: read-only
    requires: {tools: [printf]}
    interpret:
      - when: {exitCode: 0, stdout: broken}
        outcome: anomaly
        finding: the echo says broken
      - when: {exitCode: 0}
        outcome: healthy
        finding: the echo is fine
    examples:
      - {stdout: broken, outcome: anomaly}
      - {stdout: ready, outcome: healthy}
  - id: slow-steps
    title: Slow steps
    summary: Prints three steps, then waits half a minute.
    explain: The run that is going when hunch is killed in hunch's own crash test.
    symptoms: [slow]
    script: |
      echo "pid $$"
      for i in 1 2 3; do echo "step $i"; sleep 0.1; done
      echo "token: crash-secret-0042"
      sleep 30
      echo never
    effect: read-only
    requires: {tools: [bash, sleep]}
    timeout: 60s
    interpret:
      - when: {exitCode: 0, stdout: never}
        outcome: healthy
        finding: finished
      - when: {exitCode: {not: 0}}
        outcome: error
        finding: failed
    examples:
      - {stdout: never, outcome: healthy}
      - {exitCode: 1, outcome: error}
`;

const leftovers: number[] = [];

afterEach(() => {
  // The killed hunch could not stop the script it started: end that process group here.
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('crash safety of the built CLI', () => {
  it('SIGKILL during a run loses no finished step, and resume marks the run interrupted with what it printed', async () => {
    const home = tempDir({}, 'hunch-crash-home-');
    const catalog = tempDir({ 'crash.yaml': CATALOG });
    const env = { HUNCH_HOME: home };
    const common = ['--catalog', catalog, '--json'];

    // Given a session with two finished steps
    const first = await hunch(['run', 'quick-echo', '--hypothesis', 'the orders service is stuck', ...common], { env });
    expect(first.exitCode, first.stderr).toBe(0);
    const sessionId = (JSON.parse(first.stdout) as { sessionId: string }).sessionId;
    const second = await hunch(['run', 'quick-echo', '--session', sessionId, '--param', 'text=broken', ...common], { env });
    expect(JSON.parse(second.stdout)).toMatchObject({ sessionId, outcome: 'anomaly' });

    // When hunch is killed with SIGKILL while the third runs
    const child = execa('node', [CLI, 'run', 'slow-steps', '--session', sessionId, '--catalog', catalog], {
      cwd: ROOT,
      env: { ...env, KUBECONFIG: '/nonexistent', CI: '1' },
      reject: false,
      stdin: 'ignore',
    });
    const journal = journalPath(sessionId, { HUNCH_HOME: home });
    const streamed = () =>
      readFileSync(journal, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"type":"output"'))
        .join('\n');
    await waitFor(() => streamed().includes('[REDACTED:token]'), 'the slow run to journal its output');
    const scriptPid = Number(/pid (\d+)/.exec(streamed())?.[1]);
    if (scriptPid) leftovers.push(scriptPid);
    child.kill('SIGKILL');
    const killed = await child;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(lockPath(sessionId, { HUNCH_HOME: home })), 'the dead process left its lock behind').toBe(true);

    // Then the journal on disk holds every finished step and the partial one, redacted
    const onDisk = readFileSync(journal, 'utf8');
    expect(onDisk).not.toContain('crash-secret-0042');
    expect(onDisk).not.toContain('"type":"run-interrupted"');
    const listed = await hunch(['sessions', '--json'], { env });
    expect((JSON.parse(listed.stdout) as { id: string; status: string }[]).find((s) => s.id === sessionId)?.status).toBe('interrupted');

    // And resuming (without a terminal) marks the interrupted run and shows everything
    const resumed = await hunch(['resume', sessionId, '--json'], { env });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`run "hunch resume ${sessionId}" in a terminal`);
    const state = JSON.parse(resumed.stdout) as { runs: { testId: string; state: string; outcome: string; output: string }[]; interrupted: string[] };
    expect(state.runs.map((r) => [r.testId, r.state, r.outcome])).toEqual([
      ['quick-echo', 'finished', 'healthy'],
      ['quick-echo', 'finished', 'anomaly'],
      ['slow-steps', 'interrupted', 'error'],
    ]);
    expect(state.interrupted).toHaveLength(1);
    expect(state.runs[2]?.output).toMatch(/step 1\nstep 2\nstep 3\ntoken: \[REDACTED:token\]\n/);

    // The loader agrees, and a second resume finds nothing left to mark
    const loaded = loadSession(sessionId, { HUNCH_HOME: home });
    expect(loaded?.damage).toBeUndefined();
    expect(loaded?.state.runs.map((r) => r.state)).toEqual(['finished', 'finished', 'interrupted']);
    const again = await hunch(['resume', sessionId, '--json'], { env });
    expect((JSON.parse(again.stdout) as { interrupted: string[] }).interrupted).toEqual([]);

    // And the report shows the interrupted run with what it printed until the kill
    const report = await hunch(['export', sessionId, '--catalog', catalog], { env });
    expect(report.stdout).toContain('### ⏹ Slow steps — interrupted');
    expect(report.stdout).toContain('### ✖ Quick echo — anomaly');
    expect(report.stdout).toContain('step 3');
    expect(report.stdout).not.toContain('crash-secret-0042');
  }, 60_000);
});
