import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hunch } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('the built CLI as a real process', () => {
  it('--version and --help answer on stdout with exit 0', async () => {
    const version = await hunch(['--version']);
    expect(version).toMatchObject({ exitCode: 0 });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await hunch(['search', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('hunch search <text>');
  });

  it('every command answers --help with its usage and examples, and --version, even after other flags', async () => {
    for (const command of ['search', 'show', 'run', 'catalog', 'practice', 'doctor', 'sessions', 'resume', 'export']) {
      const help = await hunch([command, '--help']);
      expect(help.exitCode, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`Usage:\\n  hunch ${command}[\\s\\S]*Examples:\\n  hunch ${command}`));
      expect((await hunch([command, '--version'])).stdout).toMatch(/^\d+\.\d+\.\d+$/);
    }
    // Given TUI flags first, --help is still the help, not an attempt to open the TUI
    for (const args of [['-n', 'shop', '--help'], ['--context', 'prod', '-h']]) {
      const help = await hunch(args);
      expect(help.exitCode, args.join(' ')).toBe(0);
      expect(help.stdout).toMatch(/^hunch \d+\.\d+\.\d+ — /);
    }
    expect(await hunch(['-n', 'shop', '--version'])).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('--json is accepted by every non-interactive command, and export --json is the JSON report', async () => {
    const home = tempDir({}, 'hunch-json-home-');
    expect((await hunch(['run', 'host-disk-usage', '--json'], { env: { HUNCH_HOME: home } })).exitCode).toBe(0);
    const report = await hunch(['export', '--json'], { env: { HUNCH_HOME: home } });
    expect(report.exitCode, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ hypotheses: expect.any(Array) });
    const schema = await hunch(['catalog', 'schema', '--json']);
    expect(schema.exitCode, schema.stderr).toBe(0);
    expect(Object.keys(JSON.parse(schema.stdout) as object).length).toBeGreaterThan(0);
    const clash = await hunch(['export', '--json', '--format', 'md'], { env: { HUNCH_HOME: home } });
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toMatch(/^hunch: --json and --format md disagree/);
  });

  it('a search that finds nothing says what to try next, on stderr', async () => {
    const result = await hunch(['search', 'zzqxvw']);
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
    expect(result.stderr).toMatch(/^No tests match "zzqxvw"\. Try another word, a component name .*"hunch catalog stats"/);
  });

  it('search --json keeps its contract and lists the disk test first or second for "disk full"', async () => {
    const result = await hunch(['search', 'disk full', '--json', '--limit', '5']);
    expect(result.exitCode).toBe(0);
    const parsed = JSON.parse(result.stdout) as { query: string; results: Record<string, unknown>[] };
    expect(parsed.query).toBe('disk full');
    expect(parsed.results.length).toBeGreaterThan(0);
    for (const r of parsed.results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'title', 'component', 'summary', 'explain', 'command', 'score']));
    expect(parsed.results.slice(0, 2).map((r) => r.id)).toContain('host-disk-usage');
  });

  it('runs a host test and reads its outcome', async () => {
    const result = await hunch(['run', 'host-disk-usage', '--json']);
    expect(result.exitCode).toBe(0);
    const parsed = JSON.parse(result.stdout) as { outcome: string; argv: string[]; exitCode: number };
    expect(['healthy', 'anomaly']).toContain(parsed.outcome);
    expect(parsed.argv).toEqual(['df', '-P', '-h']);
  });

  it('usage errors are one line and exit 2, never a stack trace', async () => {
    for (const args of [['run', 'no-such-test'], ['run', 'http-status'], ['run', 'http-status', '--param', 'url=nope'], ['frobnicate'], ['search', '--bogus', 'x']]) {
      const result = await hunch(args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^hunch: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the TUI refuses to start without a terminal and names what to use', async () => {
    const result = await hunch([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('hunch search');
  });

  it('a value with shell syntax reaches the command as one argument and runs nothing', async () => {
    const dir = tempDir({
      'echo.yaml': `component: http
tests:
  - id: echo-value
    title: Echo a value
    summary: Prints a parameter value back for the injection test.
    explain: Used by hunch's own tests to prove values never meet a shell.
    symptoms: [echo]
    params:
      - {name: text, type: string}
    command: [printf, '%s', "{{text}}"]
    effect: read-only
    requires: {tools: [printf]}
    interpret:
      - when: {exitCode: 0, stdout: CANARY}
        outcome: anomaly
        finding: echoed
      - when: {exitCode: 0}
        outcome: healthy
        finding: fine
    examples:
      - {stdout: CANARY, outcome: anomaly}
      - {stdout: x, outcome: healthy}
`,
    });
    const canary = join(dir, 'CANARY');
    for (const value of [`; touch ${canary}`, `$(touch ${canary})`, `\`touch ${canary}\``]) {
      const result = await hunch(['run', 'echo-value', '--catalog', dir, '--param', `text=${value}`, '--json']);
      expect(result.exitCode).toBe(0);
      expect((JSON.parse(result.stdout) as { stdout: string }).stdout).toBe(value);
    }
    expect(existsSync(canary)).toBe(false);
  });

  it('a broken user catalogue is reported as file:line and the built-in tests still work', async () => {
    const dir = tempDir({ 'broken.yaml': 'component: x\ntests:\n  - id: [\n' });
    const result = await hunch(['search', 'disk full', '--catalog', dir, '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+ YAML/);
    expect((JSON.parse(result.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});
