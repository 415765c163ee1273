import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execaSync } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintCatalog } from '../../../source/core/catalog/lint/lint.js';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { formatProblem } from '../../../source/core/catalog/problem.js';
import { tempDir } from '../../helpers/temp.js';
import { catalogFile } from './catalog-fixture.js';

// The real shellcheck, behind a wrapper on PATH that writes down each call: how these tests see
// which scripts a lint sent to it. SHELLCHECK_FAIL makes a check run exit 3 without a report;
// SHELLCHECK_VERSION_SUFFIX makes it claim another version.
const realShellcheck = execaSync('bash', ['-c', 'command -v shellcheck']).stdout.trim();
const bin = tempDir();
const log = join(bin, 'calls.log');
writeFileSync(
  join(bin, 'shellcheck'),
  `#!/bin/bash
printf '%s\\n' "$*" >> "${log}"
if [ "$1" = --version ]; then "${realShellcheck}" --version; printf '%s\\n' "$SHELLCHECK_VERSION_SUFFIX"; exit 0; fi
if [ -n "$SHELLCHECK_FAIL" ]; then echo "shellcheck: out of luck" >&2; exit 3; fi
exec "${realShellcheck}" "$@"
`,
);
chmodSync(join(bin, 'shellcheck'), 0o755);
process.env.PATH = `${bin}:${process.env.PATH}`;

const script = (text: string) => `params: [{name: namespace, type: namespace}]\nscript: |\n${text.replace(/^/gm, '  ')}\neffect: read-only\nrequires: {tools: [bash]}`;
const CLEAN = 'kubectl get pods -n "$NAMESPACE"';
const UNQUOTED = 'kubectl get pods -n $NAMESPACE';

/** Lints a catalogue of these scripts with a lint cache; its SHELLCHECK lines, and which scripts shellcheck was asked about. */
async function lint(dir: string, cacheDir: string): Promise<{ problems: string[]; checked: number }> {
  writeFileSync(log, '');
  const report = await lintCatalog(loadCatalog([dir], dir), { external: true, cacheDir });
  const calls = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '' && line !== '--version');
  return {
    problems: report.problems.filter((p) => p.rule === 'SHELLCHECK').map(formatProblem),
    checked: calls.flatMap((line) => line.split(' ').filter((arg) => arg.endsWith('.sh'))).length,
  };
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
