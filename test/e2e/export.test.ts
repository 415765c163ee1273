import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Lexer } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { hunch, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// Prints ordinary evidence and a password, so every export can be checked for both.
const CATALOG = `component: app
tests:
  - id: app-config
    title: App configuration
    summary: Prints the app's effective configuration, which includes its database password.
    explain: Used by hunch's export tests; the output mixes evidence with a secret.
    symptoms: [config]
    command: [printf, 'pool_size=20\\nDB_PASSWORD=s3cret-export-pw\\nmax_connections reached\\n']
    effect: read-only
    requires: {tools: [printf]}
    interpret:
      - when: {exitCode: 0, stdout: max_connections reached}
        outcome: anomaly
        finding: the pool is exhausted
      - when: {exitCode: 0}
        outcome: healthy
        finding: the pool has room
    examples:
      - {stdout: max_connections reached, outcome: anomaly}
      - {stdout: ok, outcome: healthy}
    next: [app-pool-metrics]
  - id: app-pool-metrics
    title: Connection pool metrics
    summary: Prints the pool metrics endpoint of the app.
    explain: Suggested after the configuration shows an exhausted pool.
    symptoms: [pool]
    command: [printf, 'pool_in_use 20\\n']
    effect: read-only
    requires: {tools: [printf]}
    interpret:
      - when: {exitCode: 0, stdout: 'pool_in_use 20'}
        outcome: anomaly
        finding: all connections in use
      - when: {exitCode: 0}
        outcome: healthy
        finding: connections to spare
    examples:
      - {stdout: pool_in_use 20, outcome: anomaly}
      - {stdout: pool_in_use 3, outcome: healthy}
`;

/** A stand-in program on PATH: records its arguments and the file given after --body-file (or stdin). */
function standIn(name: string, script: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

const basePath = `${dirname(process.execPath)}:/usr/bin:/bin`;

describe('hunch export of a real session', () => {
  let env: Record<string, string>;
  let catalog: string;
  let id: string;

  beforeAll(async () => {
    env = { HUNCH_HOME: tempDir({}, 'hunch-export-home-'), PATH: basePath };
    catalog = tempDir({ 'app.yaml': CATALOG });
    const run = await hunch(['run', 'app-config', '--catalog', catalog, '--hypothesis', 'checkout times out', '--json'], { env });
    expect(run.exitCode, run.stderr).toBe(0);
    id = (JSON.parse(run.stdout) as { sessionId: string }).sessionId;
  }, 60_000);

  it('writes Markdown, Jira and JSON to files readable by the owner only, none holding the secret', async () => {
    const dir = tempDir();
    for (const format of ['md', 'jira', 'json']) {
      const out = join(dir, `report.${format}`);
      const result = await hunch(['export', id, '--format', format, '--out', out, '--catalog', catalog], { env });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toContain(`wrote the ${format} report of session ${id} to ${out}`);
      const text = readFileSync(out, 'utf8');
      expect(statSync(out).mode & 0o777).toBe(0o600);
      expect(text).not.toContain('s3cret-export-pw');
      expect(text).toContain('DB_PASSWORD=[REDACTED:password]');
      expect(text).toContain('pool_size=20');
    }
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    const headings = new Lexer().lex(markdown).filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text);
    expect(headings).toEqual(['Triage: checkout times out', 'Summary', '1. checkout times out — OPEN', '✖ App configuration — anomaly', 'Suggested next steps', 'Appendix: commands to reproduce']);
    expect(markdown).toContain("printf 'pool_in_use 20\\n'");
  });

  it('the JSON export validates against docs/report.schema.json', async () => {
    const result = await hunch(['export', id, '--format', 'json', '--catalog', catalog], { env });
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8')));
    const report = JSON.parse(result.stdout) as { nextSteps: { testId: string }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.nextSteps.map((s) => s.testId)).toEqual(['app-pool-metrics']);
  });

  it('--no-redact only to a local file, never to stdout, the clipboard or an issue', async () => {
    for (const args of [['--no-redact'], ['--no-redact', '--copy', '--out', 'x.md'], ['--no-redact', '--gh-issue', '--save']]) {
      const refused = await hunch(['export', id, ...args], { env, cwd: tempDir() });
      expect(refused.exitCode, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^hunch: --(no-redact|copy)/);
    }
    // The journal is redacted as it is written, so an unredacted report needs an unredacted run.
    const out = join(tempDir(), 'local.md');
    expect(await hunch(['export', id, '--no-redact', '--out', out], { env })).toMatchObject({ exitCode: 0 });
    expect(readFileSync(out, 'utf8')).not.toContain('s3cret-export-pw');
    const raw = await hunch(['run', 'app-config', '--catalog', catalog, '--no-redact', '--json'], { env });
    const rawId = (JSON.parse(raw.stdout) as { sessionId: string }).sessionId;
    const local = await hunch(['export', rawId, '--no-redact', '--out', out], { env });
    expect(local.stderr).toContain('NOT redacted');
    expect(readFileSync(out, 'utf8')).toContain('s3cret-export-pw');
    const shared = await hunch(['export', rawId], { env });
    expect(shared.stdout).not.toContain('s3cret-export-pw');
    expect(shared.stdout).toContain('DB_PASSWORD=[REDACTED:password]');
  });

  it('--save writes into the export folder from the settings, named after the session', async () => {
    const folder = join(tempDir(), 'reports');
    const saveEnv = { ...env, HUNCH_HOME: env.HUNCH_HOME ?? '' };
    const settings = join(saveEnv.HUNCH_HOME, 'config', 'settings.json');
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ export: { format: 'jira', directory: folder } }));
    try {
      const saved = await hunch(['export', id, '--save'], { env: saveEnv });
      expect(saved.exitCode, saved.stderr).toBe(0);
      const path = join(folder, `hunch-report-${id}.jira.txt`);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, 'utf8')).toMatch(/^h1\. Triage: checkout times out/);
    } finally {
      writeFileSync(settings, '{}');
    }
  });

  it('--gh-issue says clearly when gh is not installed', async () => {
    const result = await hunch(['export', id, '--gh-issue'], { env: { ...env, PATH: basePath } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('hunch: the GitHub CLI (gh) is not installed: get it from https://cli.github.com, or export with --out and attach the file');
  });

  it('--gh-issue runs gh issue create with the title, the Markdown body in a file and the repository', async () => {
    const record = tempDir();
    const gh = standIn('gh', `printf '%s\\n' "$@" > "${record}/argv"\nwhile [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "${record}/body.md"; shift; done\necho https://github.com/shop/platform/issues/42`);
    const result = await hunch(['export', id, '--gh-issue', '--repo', 'shop/platform', '--catalog', catalog], { env: { ...env, PATH: `${gh}:${basePath}` } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('https://github.com/shop/platform/issues/42');
    const argv = readFileSync(join(record, 'argv'), 'utf8').trim().split('\n');
    expect(argv.slice(0, 4)).toEqual(['issue', 'create', '--title', 'Triage: checkout times out']);
    expect(argv[4]).toBe('--body-file');
    expect(argv.slice(6)).toEqual(['--repo', 'shop/platform']);
    const body = readFileSync(join(record, 'body.md'), 'utf8');
    expect(body).toMatch(/^# Triage: checkout times out\n/);
    expect(body).not.toContain('s3cret-export-pw');
    expect(existsSync(argv[5] ?? ''), 'the body file is removed afterwards').toBe(false);
  });

  it('--gh-issue reports what gh said when it fails', async () => {
    const gh = standIn('gh', 'echo "could not determine the repository: not a git repository" >&2\nexit 1');
    const result = await hunch(['export', id, '--gh-issue'], { env: { ...env, PATH: `${gh}:${basePath}` } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^hunch: gh issue create failed: could not determine the repository: not a git repository\nhint: /);
  });

  it('--copy pipes the report into the system clipboard program, or says what to install', async () => {
    const record = tempDir();
    const xclip = standIn('xclip', `cat > "${record}/clipboard"`);
    const copied = await hunch(['export', id, '--copy', '--format', 'jira'], { env: { ...env, PATH: `${xclip}:${basePath}`, DISPLAY: ':0' } });
    expect(copied.exitCode, copied.stderr).toBe(0);
    expect(copied.stdout).toBe('');
    expect(copied.stderr).toContain('copied to the clipboard (xclip)');
    expect(readFileSync(join(record, 'clipboard'), 'utf8')).toMatch(/^h1\. Triage: checkout times out/);
    const nothing = await hunch(['export', id, '--copy'], { env: { ...env, PATH: basePath } });
    expect(nothing.exitCode).toBe(1);
    expect(nothing.stderr).toMatch(/^hunch: could not copy the report: no clipboard here: install xclip, xsel or wl-copy/);
  });

  it('records each export in the session', async () => {
    const listed = JSON.parse((await hunch(['sessions', '--json'], { env })).stdout) as { id: string; exported: boolean }[];
    expect(listed.find((s) => s.id === id)?.exported).toBe(true);
  });
});
