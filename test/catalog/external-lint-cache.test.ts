import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execaSync } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintCatalog } from '../../source/core/catalog/lint/lint.js';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { formatProblem } from '../../source/core/catalog/problem.js';
import { tempDir } from '../helpers/temp.js';
import { catalogFile } from './safety/catalog-fixture.js';

// The real shellcheck and kubectl, each behind a wrapper on PATH that writes down every call: how
// these tests see what a lint asked them. SHELLCHECK_FAIL makes a shellcheck check exit 3 without
// a report; SHELLCHECK_VERSION_SUFFIX and KUBECTL_VERSION_SUFFIX make them claim another version.
const bin = tempDir();
const log = join(bin, 'calls.log');
function wrap(tool: string, versionArg: string, extra = ''): void {
  const real = execaSync('bash', ['-c', `command -v ${tool}`]).stdout.trim();
  const suffix = `${tool.toUpperCase()}_VERSION_SUFFIX`;
  writeFileSync(
    join(bin, tool),
    `#!/bin/bash
printf '%s %s\\n' "${tool}" "$*" >> "${log}"
if [ "$1" = ${versionArg} ]; then "${real}" "$@"; printf '%s\\n' "$${suffix}"; exit 0; fi
${extra}
exec "${real}" "$@"
`,
  );
  chmodSync(join(bin, tool), 0o755);
}
wrap('shellcheck', '--version', 'if [ -n "$SHELLCHECK_FAIL" ]; then echo "shellcheck: out of luck" >&2; exit 3; fi');
wrap('kubectl', 'version');
process.env.PATH = `${bin}:${process.env.PATH}`;

const script = (text: string) => `params: [{name: namespace, type: namespace}]\nscript: |\n${text.replace(/^/gm, '  ')}\neffect: read-only\nrequires: {tools: [bash]}`;
const CLEAN = 'kubectl get pods -n "$NAMESPACE"';
const UNQUOTED = 'kubectl get pods -n $NAMESPACE';

/** Lints a catalogue with a lint cache: its SHELLCHECK lines, and how many scripts shellcheck was asked about. */
async function lint(dir: string, cacheDir: string): Promise<{ problems: string[]; checked: number }> {
  const { report, calls } = await lintWithCalls(dir, cacheDir);
  return {
    problems: report.problems.filter((p) => p.rule === 'SHELLCHECK').map(formatProblem),
    checked: calls.filter((line) => line.startsWith('shellcheck ')).flatMap((line) => line.split(' ').filter((arg) => arg.endsWith('.sh'))).length,
  };
}

async function lintWithCalls(dir: string, cacheDir: string) {
  writeFileSync(log, '');
  const report = await lintCatalog(loadCatalog([dir], dir), { external: true, cacheDir });
  return { report, calls: readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') };
}

describe('SHELLCHECK remembers the scripts that passed', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = tempDir();
    delete process.env.SHELLCHECK_FAIL;
    delete process.env.SHELLCHECK_VERSION_SUFFIX;
  });

  it('checks a clean script once; an unchanged repeat asks shellcheck nothing but its version', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([script(CLEAN), script(`${CLEAN} -o wide`)]) });
    expect(await lint(dir, cacheDir)).toEqual({ problems: [], checked: 2 });
    expect(await lint(dir, cacheDir)).toEqual({ problems: [], checked: 0 });
  });

  it('checks a script with findings every time, and reports them every time', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([script(UNQUOTED), script(CLEAN)]) });
    const first = await lint(dir, cacheDir);
    expect(first.checked).toBe(2);
    expect(first.problems).toEqual([expect.stringMatching(/^t\.yaml:\d+:\d+ SHELLCHECK SC2086 /)]);
    expect(await lint(dir, cacheDir)).toEqual({ problems: first.problems, checked: 1 });
  });

  it('checks a script again once its text changes', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([script(CLEAN)]) });
    expect(await lint(dir, cacheDir)).toEqual({ problems: [], checked: 1 });
    writeFileSync(join(dir, 't.yaml'), catalogFile([script(UNQUOTED)]));
    const edited = await lint(dir, cacheDir);
    expect(edited.checked).toBe(1);
    expect(edited.problems.join('\n')).toMatch(/SC2086/);
  });

  it('checks every script again under another shellcheck version', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([script(CLEAN)]) });
    expect((await lint(dir, cacheDir)).checked).toBe(1);
    process.env.SHELLCHECK_VERSION_SUFFIX = 'a later build';
    expect((await lint(dir, cacheDir)).checked).toBe(1);
  });

  it('given a shellcheck that gives no report, says so in one problem line and remembers nothing', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([script(CLEAN)]) });
    process.env.SHELLCHECK_FAIL = '1';
    const failed = await lint(dir, cacheDir);
    expect(failed.problems).toEqual([expect.stringMatching(/^t\.yaml:\d+:\d+ SHELLCHECK shellcheck did not give a report \(exit code 3: shellcheck: out of luck\); these scripts were not checked$/)]);
    delete process.env.SHELLCHECK_FAIL;
    expect(await lint(dir, cacheDir)).toEqual({ problems: [], checked: 1 });
  });
});

describe('KUBECTL-PARSE remembers the commands kubectl accepted', () => {
  const command = (args: string) => `params: [{name: namespace, type: namespace}]\ncommand: [kubectl, get, pods, -n, "{{namespace}}"${args}]\neffect: read-only\nrequires: {tools: [kubectl]}`;
  /** The lint's KUBECTL-PARSE lines, and how many commands it asked kubectl to parse. */
  async function lintCommands(dir: string, cacheDir: string): Promise<{ problems: string[]; asked: number }> {
    const { report, calls } = await lintWithCalls(dir, cacheDir);
    return { problems: report.problems.filter((p) => p.rule === 'KUBECTL-PARSE').map(formatProblem), asked: calls.filter((line) => line.startsWith('kubectl ') && !line.startsWith('kubectl version')).length };
  }
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = tempDir();
    delete process.env.KUBECTL_VERSION_SUFFIX;
  });

  it('asks about an accepted command once, and again only under another kubectl version', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([command('')]) });
    expect(await lintCommands(dir, cacheDir)).toEqual({ problems: [], asked: 1 });
    expect(await lintCommands(dir, cacheDir)).toEqual({ problems: [], asked: 0 });
    process.env.KUBECTL_VERSION_SUFFIX = 'a later build';
    expect(await lintCommands(dir, cacheDir)).toEqual({ problems: [], asked: 1 });
  });

  it('asks about a refused command every time, and reports it every time', async () => {
    const dir = tempDir({ 't.yaml': catalogFile([command(', --no-such-flag')]) });
    const first = await lintCommands(dir, cacheDir);
    expect(first).toEqual({ problems: [expect.stringMatching(/^t\.yaml:\d+:\d+ KUBECTL-PARSE kubectl rejects the command: unknown flag: --no-such-flag/)], asked: 1 });
    expect(await lintCommands(dir, cacheDir)).toEqual(first);
  });
});
