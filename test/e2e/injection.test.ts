import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import { sampleFor } from '../../source/core/catalog/lint/sample-values.js';
import type { CatalogTest } from '../../source/core/catalog/schema.js';
import { durationMs } from '../../source/core/interpret/read-run.js';
import { paramsFor, renderCommand, type RenderedCommand } from '../../source/core/params/render.js';
import { runCommand } from '../../source/core/runner/run.js';
import { hunch } from '../helpers/cli.js';
import { hostilePayloads } from '../helpers/hostile-values.js';
import { standInTools } from '../helpers/stand-in-tools.js';
import { tempDir } from '../helpers/temp.js';

const work = tempDir({}, 'hunch-injection-');
const CANARY = join(work, 'CANARY');
const catalog = loadCatalog([builtinCatalogDir()]);

// What a hostile (or compromised) cluster could answer: object names that are shell syntax. Every
// stand-in prints them, so scripts that read names from kubectl pass them on to later commands.
const HOSTILE_CLUSTER_OUTPUT = [
  `pod/$(touch ${CANARY}) 1/1 Running 0 5m`,
  `x;touch ${CANARY}`,
  `\`touch ${CANARY}\``,
  `web-1 | touch ${CANARY}`,
  `{"items":[{"metadata":{"name":"$(touch ${CANARY})","namespace":"; touch ${CANARY}"}}]}`,
  `-o=$(touch ${CANARY})`,
  '',
].join('\n');

const tools = new Set(catalog.tests.flatMap((t) => [...t.requires.tools, ...(t.command ?? []).slice(0, 1).filter((p): p is string => typeof p === 'string')]));
tools.add('kubectl');
const standIns = standInTools(tools, HOSTILE_CLUSTER_OUTPUT);
const env = { PATH: `${standIns.bin}:/usr/local/bin:/usr/bin:/bin`, HOME: work, KUBECONFIG: join(work, 'no-kubeconfig') };

/** Values for a test: hostile text for free-text parameters, valid names for typed ones, rotating through the payloads. */
function valuesFor(test: CatalogTest, round: number): Record<string, string> | undefined {
  const payloads = hostilePayloads(CANARY);
  const specs = paramsFor(test);
  for (let attempt = 0; attempt < payloads.length; attempt++) {
    const values: Record<string, string> = {};
    specs.forEach((spec, i) => {
      values[spec.name] = spec.type === 'string' && !spec.choices ? (payloads[(round * 7 + attempt + i) % payloads.length] as string) : sampleFor(spec);
    });
    if (renderCommand(test, values).ok) return values;
  }
  return undefined;
}

async function eachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

afterAll(() => {
  console.info(`injection: ${runs} real runs of ${catalog.tests.length} catalogue tests with hostile values and a hostile cluster`);
});
let runs = 0;

describe('every catalogue test, run for real with hostile values and hostile cluster answers', () => {
  it('never creates the canary, and every program receives exactly the argv the catalogue shaped', async () => {
    const jobs: { test: CatalogTest; command: RenderedCommand; log: string }[] = [];
    // One run per test: payloads rotate across tests and parameters (the render-level property
    // test tries forty per test), and every run also meets the hostile cluster answers.
    for (const [round, test] of catalog.tests.entries()) {
      const values = valuesFor(test, round);
      const rendered = values ? renderCommand(test, values, { context: 'ctx' }) : undefined;
      if (!rendered?.ok) continue;
      const log = join(work, 'logs', test.id);
      mkdirSync(log, { recursive: true });
      jobs.push({ test, command: rendered.command, log });
    }
    expect(jobs.length).toBeGreaterThan(catalog.tests.length * 0.9);
    const mismatches: string[] = [];
    await eachLimit(jobs, 4, async ({ test, command, log }) => {
      runs++;
      await runCommand({ argv: command.argv, env: { ...env, ...command.env, STANDIN_LOG: log }, timeoutMs: Math.min(durationMs(test.timeout), 3000), graceMs: 300, cwd: work });
      if (test.script === undefined) {
        // The program a command test starts is a stand-in (unless it is a plain text tool): it saw the argv.
        const [first] = standIns.calls(log);
        if (first && JSON.stringify(first) !== JSON.stringify(command.argv)) mismatches.push(`${test.id}: ran ${JSON.stringify(first)}, rendered ${JSON.stringify(command.argv)}`);
      }
    });
    expect(existsSync(CANARY), 'a hostile value or cluster name was executed').toBe(false);
    expect(mismatches).toEqual([]);
  }, 600_000);
});

describe('hunch run with hostile values', () => {
  const fixture = tempDir({
    'echo.yaml': `component: host
tests:
  - id: echo-value
    title: Echo a value
    summary: Prints a parameter value back for the injection tests.
    explain: Used by hunch's own tests to prove values never meet a shell.
    symptoms: [echo]
    params:
      - {name: text, type: string, default: "$(touch ${CANARY})"}
    command: [kubectl, get, pods, --selector, "app={{text}}"]
    effect: read-only
    requires: {tools: [kubectl]}
    interpret:
      - when: {exitCode: 0}
        outcome: healthy
        finding: fine
      - when: {exitCode: {not: 0}}
        outcome: anomaly
        finding: failed
    examples:
      - {stdout: x, outcome: healthy}
      - {exitCode: 1, outcome: anomaly}
  - id: echo-namespace
    title: Echo a namespace
    summary: Takes a Kubernetes name for the validation tests.
    explain: Used by hunch's own tests to prove names are validated before anything runs.
    symptoms: [echo]
    params:
      - {name: namespace, type: namespace, default: "kube-system;touch ${CANARY}"}
    command: [kubectl, get, pods, -n, "{{namespace}}"]
    effect: read-only
    requires: {tools: [kubectl]}
    interpret:
      - when: {exitCode: 0}
        outcome: healthy
        finding: fine
      - when: {exitCode: {not: 0}}
        outcome: anomaly
        finding: failed
    examples:
      - {stdout: x, outcome: healthy}
      - {exitCode: 1, outcome: anomaly}
`,
  });
  const cliEnv = (log: string) => ({ PATH: env.PATH, STANDIN_LOG: log });

  it('given hostile --param values, each reaches kubectl as one argument and runs nothing', async () => {
    // A NUL byte cannot even be passed on a command line; every other payload is tried.
    const payloads = hostilePayloads(CANARY).filter((p) => !p.includes('\0'));
    await eachLimit([...payloads.entries()], 4, async ([i, payload]) => {
      const log = join(work, 'cli', `value-${i}`);
      mkdirSync(log, { recursive: true });
      const result = await hunch(['run', 'echo-value', '--catalog', fixture, '--param', `text=${payload}`, '--json'], { env: cliEnv(log) });
      const calls = standIns.calls(log);
      if (result.exitCode === 0) {
        expect(calls, payload).toEqual([['kubectl', 'get', 'pods', '--selector', `app=${payload}`]]);
      } else {
        // Refused values (NUL, bidi, escapes) are a usage error naming the parameter; nothing ran.
        expect(result.exitCode, payload).toBe(2);
        expect(result.stderr).toMatch(/^hunch: parameter text /);
        expect(calls).toEqual([]);
      }
    });
    expect(existsSync(CANARY)).toBe(false);
  }, 180_000);

  it('given a malicious catalogue default, a free-text one stays data and a Kubernetes-typed one is refused before anything runs', async () => {
    const log = join(work, 'cli', 'defaults');
    mkdirSync(log, { recursive: true });
    const text = await hunch(['run', 'echo-value', '--catalog', fixture, '--json'], { env: cliEnv(log) });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(standIns.calls(log)).toEqual([['kubectl', 'get', 'pods', '--selector', `app=$(touch ${CANARY})`]]);
    const typed = await hunch(['run', 'echo-namespace', '--catalog', fixture], { env: cliEnv(log) });
    expect(typed.exitCode).toBe(2);
    expect(typed.stderr.split('\n')[0]).toMatch(/^hunch: parameter namespace is not a valid namespace name/);
    expect(standIns.calls(log)).toHaveLength(1);
    const lint = await hunch(['catalog', 'lint', fixture, '--offline'], { env: cliEnv(log) });
    expect(lint.stdout + lint.stderr).toMatch(/echo\.yaml:\d+:\d+ PARAM-DEFAULT-INVALID default of "namespace"/);
    expect(existsSync(CANARY)).toBe(false);
  }, 60_000);

  it('given Kubernetes names that are not DNS-1123, refuses each with exit 2 and never starts kubectl', async () => {
    const log = join(work, 'cli', 'dns');
    mkdirSync(log, { recursive: true });
    for (const bad of ['Shop', 'shop;id', '-A', 'shop\u202e', '$(id)', 'shop.prod', 'a'.repeat(64)]) {
      const result = await hunch(['run', 'echo-namespace', '--catalog', fixture, '--param', `namespace=${bad}`], { env: cliEnv(log) });
      expect(result.exitCode, bad).toBe(2);
      expect(result.stderr, bad).toMatch(/^hunch: parameter namespace /);
    }
    expect(standIns.calls(log)).toEqual([]);
  }, 60_000);
});
