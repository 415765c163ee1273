import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { journalPath, lockPath } from '../../source/core/session/store.js';
import { hunch } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const CATALOG = `component: echo
tests:
  - id: say
    title: Say something
    summary: Prints its text so sessions have something to hold.
    explain: Used by hunch's own session tests; runs printf with the given text.
    symptoms: [say]
    params:
      - {name: text, type: string, default: hello}
    command: [printf, '%s\\n', "{{text}}"]
    effect: read-only
    requires: {tools: [printf]}
    interpret:
      - when: {exitCode: 0, stdout: bad}
        outcome: anomaly
        finding: it said bad
      - when: {exitCode: 0}
        outcome: healthy
        finding: it said something fine
    examples:
      - {stdout: bad, outcome: anomaly}
      - {stdout: ok, outcome: healthy}
`;

/** A fresh HUNCH_HOME with one session of two runs; returns the env and the session id. */
async function oneSession(): Promise<{ env: Record<string, string>; id: string; catalog: string }> {
  const env = { HUNCH_HOME: tempDir({}, 'hunch-sessions-home-') };
  const catalog = tempDir({ 'echo.yaml': CATALOG });
  const first = await hunch(['run', 'say', '--catalog', catalog, '--hypothesis', 'the cart | is empty', '--json'], { env });
  const id = (JSON.parse(first.stdout) as { sessionId: string }).sessionId;
  await hunch(['run', 'say', '--catalog', catalog, '--session', id, '--param', 'text=bad', '--json'], { env });
  return { env, id, catalog };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('hunch sessions and hunch resume', () => {
  it('with no sessions, says so and how to start one', async () => {
    const env = { HUNCH_HOME: tempDir() };
    const listed = await hunch(['sessions'], { env });
    expect(listed).toMatchObject({ exitCode: 0, stdout: '' });
    expect(listed.stderr).toContain('no sessions yet');
    const resumed = await hunch(['resume'], { env });
    expect(resumed.exitCode).toBe(1);
    expect(resumed.stderr).toMatch(/^hunch: there are no sessions yet\nhint: /);
  });

  it('lists a session with when it started, its hypotheses, tests run and state', async () => {
    const { env, id } = await oneSession();
    const table = await hunch(['sessions'], { env });
    expect(table.exitCode).toBe(0);
    const [header, row] = table.stdout.split('\n');
    expect(header).toMatch(/^ID\s+STARTED \(UTC\)\s+HYP\s+RUN\s+ANOM\s+STATE\s+PROBLEM$/);
    expect(row).toMatch(new RegExp(`^${id}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+1\\s+2\\s+1\\s+open\\s+the cart \\| is empty$`));
    const json = JSON.parse((await hunch(['sessions', '--json'], { env })).stdout) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ id, hypotheses: 1, testsRun: 2, anomalies: 1, status: 'open', exported: false, damaged: null });
  });

  it('runs into an existing session by a unique prefix; a new --hypothesis starts a second one', async () => {
    const { env, id, catalog } = await oneSession();
    const third = await hunch(['run', 'say', '--catalog', catalog, '--session', id.slice(0, -2), '--hypothesis', 'DNS is broken', '--json'], { env });
    expect(JSON.parse(third.stdout)).toMatchObject({ sessionId: id });
    const state = JSON.parse((await hunch(['resume', id, '--json'], { env })).stdout) as { hypotheses: { text: string }[]; runs: { hypothesisId: string }[] };
    expect(state.hypotheses.map((h) => h.text)).toEqual(['the cart | is empty', 'DNS is broken']);
    expect(state.runs.map((r) => r.hypothesisId)).toEqual(['h1', 'h1', 'h2']);
  });

  it('resume without a terminal prints the state and how to continue', async () => {
    const { env, id } = await oneSession();
    const resumed = await hunch(['resume'], { env });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stdout).toContain(`session ${id}`);
    expect(resumed.stdout).toMatch(/OPEN {2}the cart \| is empty\n {2}✔ healthy +say .*it said something fine\n {2}✖ anomaly +say .*it said bad/);
    expect(resumed.stderr).toBe(`to continue session ${id}, run "hunch resume ${id}" in a terminal`);
  });

  it('given a journal cut off mid-line, every command says which line in one line and loads the rest; the next write sets the fragment aside', async () => {
    const { env, id } = await oneSession();
    const path = journalPath(id, env);
    appendFileSync(path, '{"type":"note-added","hypothesisId":"h1","te');
    const listed = await hunch(['sessions'], { env });
    expect(listed.stdout).toMatch(/open\*/);
    expect(listed.stderr).toMatch(new RegExp(`^hunch: ${id}\\.jsonl:\\d+: the last line was cut off mid-write \\(a crash or power loss\\); the \\d+ events before it are loaded$`));
    const exported = await hunch(['export', id], { env });
    expect(exported.exitCode).toBe(0);
    expect(exported.stderr).toMatch(/the last line was cut off mid-write.*\nhunch: line \d+ of the journal was cut off mid-write; the file as it was is kept in .+\.jsonl\.damaged-/);
    expect(exported.stdout).toContain('it said bad');
    const resumed = await hunch(['resume', id], { env });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stderr).toBe(`to continue session ${id}, run "hunch resume ${id}" in a terminal`);
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    for (const result of [listed, exported, resumed]) noStackTrace(result.stderr);
    expect((await hunch(['sessions'], { env })).stderr).toBe('');
  });

  it('refuses to resume or run into a session another live hunch has open', async () => {
    const { env, id, catalog } = await oneSession();
    const holder = execa('sleep', ['30']);
    try {
      writeFileSync(lockPath(id, env), JSON.stringify({ pid: holder.pid, host: '', since: '2026-11-28T02:00:00Z' }));
      const resumed = await hunch(['resume', id], { env });
      expect(resumed.exitCode).toBe(1);
      expect(resumed.stderr).toMatch(new RegExp(`^hunch: session ${id} is open in another hunch \\(pid ${holder.pid}`));
      const ran = await hunch(['run', 'say', '--catalog', catalog, '--session', id], { env });
      expect(ran.exitCode).toBe(1);
      expect(JSON.parse((await hunch(['sessions', '--json'], { env })).stdout)[0]).toMatchObject({ status: 'in use', holderPid: holder.pid });
    } finally {
      holder.kill('SIGKILL');
      await holder.catch(() => undefined);
    }
  });

  it('given a settings file that is not JSON, reports it as file:line:col in one line, keeps a copy and carries on', async () => {
    const { env, id } = await oneSession();
    const settings = join(env.HUNCH_HOME ?? '', 'config', 'settings.json');
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, '{\n  "catalogDirs": [\n');
    const exported = await hunch(['export', id], { env });
    expect(exported.exitCode).toBe(0);
    expect(exported.stderr).toMatch(new RegExp(`^hunch: settings: ${settings.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1: not valid JSON \\(.+\\); using defaults, the file was kept as settings\\.json\\.corrupt-[\\dT-]+Z$`));
    // One line about the settings (the shared catalogue may add its own problem lines).
    expect(exported.stderr.split('\n').filter((line) => line.includes('settings'))).toHaveLength(1);
    expect(existsSync(settings)).toBe(true);
  });
});
