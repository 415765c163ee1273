import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, hunch } from '../helpers/cli.js';
import { launchTui } from '../helpers/pty.js';
import { tempDir } from '../helpers/temp.js';

/** stderr says what is wrong in lines starting "hunch:" (one per problem), maybe a hint, and never a stack trace. */
function expectClearLines(stderr: string, count = 1): string[] {
  expect(stderr).not.toMatch(/\n\s+at \S/);
  expect(stderr).not.toMatch(/unexpected error/);
  const lines = stderr.split('\n').filter((l) => l.startsWith('hunch: '));
  expect(lines, stderr).toHaveLength(count);
  return lines;
}

const VALID_TEST = (id: string) => `  - id: ${id}
    title: A valid test
    summary: Lists the files of the current folder.
    explain: Exists so the bad-input tests have something valid beside the broken part.
    symptoms: [files]
    command: [ls]
    effect: read-only
    requires: {tools: [ls]}
    interpret:
      - when: {exitCode: 0}
        outcome: healthy
        finding: fine
      - when: {exitCode: {not: 0}}
        outcome: anomaly
        finding: failed
    examples:
      - {stdout: x, outcome: healthy}
      - {exitCode: 2, outcome: anomaly}
`;

describe('a broken catalogue is one line per problem with file:line:col, and the rest still works', () => {
  it('given malformed YAML, names the file and position, and the built-in tests still answer', async () => {
    const dir = tempDir({ 'broken.yaml': 'component: x\ntests:\n  - id: [\n' });
    const result = await hunch(['search', 'disk full', '--catalog', dir, '--json']);
    expect(result.exitCode).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: catalogue problem: \S*broken\.yaml:\d+:\d+ YAML /);
    expect((JSON.parse(result.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('given a schema error, names the field at file:line:col; the valid test beside it runs', async () => {
    const broken = VALID_TEST('good-test') + VALID_TEST('no-effect').replace('    effect: read-only\n', '');
    const dir = tempDir({ 'mixed.yaml': `component: host\ntests:\n${broken}` });
    const result = await hunch(['run', 'good-test', '--catalog', dir, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: catalogue problem: \S*mixed\.yaml:\d+:\d+ SCHEMA .*effect/);
  });

  it('given a duplicate id, names where, and the first one loaded (the built-in) stays', async () => {
    const dir = tempDir({ 'dup.yaml': `component: host\ntests:\n${VALID_TEST('host-disk-usage')}` });
    const result = await hunch(['run', 'host-disk-usage', '--catalog', dir, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: catalogue problem: \S*dup\.yaml:\d+:\d+ ID-DUPLICATE /);
    expect((JSON.parse(result.stdout) as { argv: string[] }).argv).toEqual(['df', '-P', '-h']);
  });

  it('given a --catalog folder that does not exist, is a usage error (exit 2) in one line', async () => {
    for (const args of [['search', 'disk', '--catalog', '/nonexistent/tests'], ['run', 'host-disk-usage', '--catalog', '/nonexistent/tests']]) {
      const result = await hunch(args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(expectClearLines(result.stderr)[0]).toBe('hunch: --catalog /nonexistent/tests: no such folder');
    }
  });

  it('given a folder hunch may not read, says so in one line and the built-in tests still answer', async () => {
    const dir = tempDir({ 'tests.yaml': `component: host\ntests:\n${VALID_TEST('unreadable-test')}` });
    const home = tempDir({}, 'hunch-nobody-home-');
    chmodSync(home, 0o777);
    chmodSync(dir, 0o000);
    // Root reads anything: drop to nobody when the suite runs as root.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const [file, ...args] = [...asNobody, 'node', CLI, 'search', 'disk full', '--catalog', dir, '--json'];
    const result = await execa(file as string, args, { env: { HUNCH_HOME: home, KUBECONFIG: '/nonexistent', CI: '1' }, reject: false, stdin: 'ignore' });
    chmodSync(dir, 0o755);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: catalogue problem: \S+:1:1 CATALOG-DIR .*(permission denied|EACCES)/i);
    expect((JSON.parse(result.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});

describe('damaged files of hunch’s own are named, repaired and kept', () => {
  it('given a corrupt settings file, says where in one line, uses the defaults and keeps the original', async () => {
    const home = tempDir({}, 'hunch-bad-settings-');
    mkdirSync(join(home, 'config'));
    const original = '{ "catalogDirs": [ \n';
    writeFileSync(join(home, 'config', 'settings.json'), original);
    const result = await hunch(['search', 'disk', '--json'], { env: { HUNCH_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: settings: \S+settings\.json:2:1: not valid JSON .*kept as settings\.json\.corrupt-/);
    const kept = readdirSync(join(home, 'config')).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(readFileSync(join(home, 'config', kept as string), 'utf8')).toBe(original);
  });

  it('given a journal with a damaged line and a cut last line, names file:line, keeps a copy, and reports every readable event', async () => {
    const home = tempDir({}, 'hunch-bad-journal-');
    const env = { HUNCH_HOME: home };
    const ran = await hunch(['run', 'host-disk-usage', '--json'], { env });
    const { sessionId } = JSON.parse(ran.stdout) as { sessionId: string };
    const journal = join(home, 'data', 'sessions', `${sessionId}.jsonl`);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[1] = '{garbage';
    writeFileSync(journal, lines.join('\n'));
    appendFileSync(journal, '{"type":"note-added","hypothesisId":"h1","te');
    const before = readFileSync(journal, 'utf8');
    const exported = await hunch(['export', sessionId, '--format', 'md'], { env });
    expect(exported.exitCode, exported.stderr).toBe(0);
    const [damage] = expectClearLines(exported.stderr, 2);
    expect(damage).toMatch(new RegExp(`^hunch: ${sessionId}\\.jsonl:2: `));
    expect(exported.stdout).toContain('df -P -h');
    const copy = readdirSync(join(home, 'data', 'sessions')).find((f) => f.includes('.damaged-'));
    expect(readFileSync(join(home, 'data', 'sessions', copy as string), 'utf8')).toBe(before);
  });
});

describe('the cluster side: a kubeconfig that does not parse, a missing kubectl', () => {
  it('given a kubeconfig that does not parse, names it at file:line:col in one line; tests that need no cluster still run', async () => {
    const dir = tempDir({ kubeconfig: 'apiVersion: v1\nclusters: [\n  - name: x\n  bad: : :\n' });
    const result = await hunch(['run', 'host-disk-usage', '--kubeconfig', join(dir, 'kubeconfig')]);
    expect(result.exitCode).toBe(0);
    expect(expectClearLines(result.stderr)[0]).toMatch(/^hunch: \S+kubeconfig:3:3: not a valid kubeconfig \(/);
  });

  it('given no kubectl on PATH, a kubectl test says so in one line (exit 1) and is journaled as blocked', async () => {
    const bin = tempDir({}, 'hunch-no-kubectl-');
    const home = tempDir({}, 'hunch-no-kubectl-home-');
    const result = await execa(process.execPath, [CLI, 'run', 'pod-not-running', '--param', 'namespace=shop', '--json'], { env: { PATH: bin, HUNCH_HOME: home, KUBECONFIG: '/nonexistent', CI: '1' }, extendEnv: false, reject: false, stdin: 'ignore' });
    expect(result.exitCode).toBe(1);
    const parsed = JSON.parse(result.stdout) as { outcome: string; finding: string; status: string };
    expect(parsed).toMatchObject({ outcome: 'error', status: 'blocked' });
    expect(parsed.finding).toBe('needs kubectl, which is not installed here');
    const journal = readdirSync(join(home, 'data', 'sessions')).find((f) => f.endsWith('.jsonl'));
    expect(readFileSync(join(home, 'data', 'sessions', journal as string), 'utf8')).toContain('"type":"test-blocked"');
  });
});

describe('a mistyped command line is a usage error in one line, exit 2', () => {
  it.each([
    [['frobnicate'], /^hunch: unknown command "frobnicate"$/],
    [['search', '--bogus', 'x'], /^hunch: search: unknown flag --bogus$/],
    [['run', '--param'], /^hunch: run: Option '-p, --param <value>' argument missing$/],
    [['run', 'host-disk-usage', '--param', 'novalue'], /^hunch: --param needs name=value, got "novalue"$/],
    [['run', 'host-disk-usage', '--target', 'moon'], /^hunch: --target must be local or pod, got "moon"$/],
    [['search', 'x', '--limit', 'many'], /^hunch: --limit must be a whole number/],
    [['export', '--format', 'pdf'], /^hunch: .*pdf/],
  ])('%j', async (args, expected) => {
    const result = await hunch(args);
    expect(result.exitCode).toBe(2);
    expect(expectClearLines(result.stderr)[0]).toMatch(expected);
  });

  it('in a terminal, the TUI with an unknown flag says so in one line and exits 2', async () => {
    const tui = await launchTui({ args: ['--bogus'] });
    try {
      const exit = await tui.exited;
      expect(exit.exitCode).toBe(2);
      expect(tui.scrollback()).toMatch(/hunch: unknown flag --bogus/);
      // Said once, with a hint that names a command that exists
      expect(tui.scrollback()).not.toMatch(/hunch: hunch:|hunch hunch/);
      expect(tui.scrollback()).toContain('run "hunch --help"');
      expect(tui.scrollback()).not.toMatch(/\n\s+at \S/);
    } finally {
      await tui.close();
    }
  });
});

describe('no data lost', () => {
  it('a catalogue file hunch could not read is never written to', async () => {
    const dir = tempDir({ 'broken.yaml': 'component: x\ntests:\n  - id: [\n' });
    const before = readFileSync(join(dir, 'broken.yaml'), 'utf8');
    await hunch(['catalog', 'lint', dir, '--offline']);
    expect(readFileSync(join(dir, 'broken.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'broken.yaml.bak'))).toBe(false);
  });
});
