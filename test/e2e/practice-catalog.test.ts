import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../source/core/catalog/schema.js';
import { sampleFor } from '../../source/core/catalog/lint/sample-values.js';
import { readRun } from '../../source/core/interpret/read-run.js';
import { renderCommand } from '../../source/core/params/render.js';
import { materializeObjects } from '../../source/core/practice/materialize.js';
import { globMatches } from '../../source/core/practice/scenario/glob.js';
import { listScenarios } from '../../source/core/practice/scenario/load.js';
import { builtinScenariosDir } from '../../source/core/practice/scenario/locations.js';
import { runCommand } from '../../source/core/runner/run.js';
import { isOnPath } from '../../source/core/tools.js';
import { KUBECTL_ERROR, startPractice, type Practice } from '../helpers/practice.js';
import { valuesFromScenario } from '../helpers/practice-values.js';

// Every read-only kubectl test in the catalogue, run by the real kubectl against the default
// practice scenario. The catalogue grows while this file stays: the list is read at run time.
const catalog = loadCatalog([builtinCatalogDir()]);
const defaultScenario = listScenarios(builtinScenariosDir()).scenarios.find((s) => s.isDefault)?.name ?? 'healthy';

/** Plain text tools a kubectl script may pipe through; anything else (psql, curl, dig …) talks to other servers. */
const TEXT_TOOLS = new Set(['kubectl', 'bash', 'sh', 'awk', 'sed', 'grep', 'sort', 'uniq', 'head', 'tail', 'tr', 'cut', 'wc', 'jq', 'date', 'base64', 'xargs', 'paste', 'column', 'printf']);

function runsAgainstPractice(test: CatalogTest): boolean {
  const tools = test.requires.tools;
  return test.effect === 'read-only' && (tools.includes('kubectl') || test.target === 'pod') && tools.every((t) => TEXT_TOOLS.has(t) && isOnPath(t));
}

const tests = catalog.tests.filter(runsAgainstPractice);

describe(`catalogue kubectl tests against the practice scenario "${defaultScenario}"`, () => {
  let practice: Practice;
  let objects: ReturnType<typeof materializeObjects>;

  beforeAll(async () => {
    practice = await startPractice(defaultScenario);
    objects = materializeObjects(practice.scenario, Date.now());
  });
  afterAll(async () => {
    await practice.stop();
  });

  it('finds kubectl tests to run', () => {
    expect(tests.length).toBeGreaterThan(10);
  });

  it.each(tests.map((t) => [t.id, t] as const))('%s runs without a kubectl error', async (_id, test) => {
    const component = catalog.components.find((c) => c.id === test.component);
    const variants = valuesFromScenario(test, objects, { namespace: practice.namespace, context: practice.context, component, variants: 3 });
    const failures: string[] = [];
    for (const values of variants) {
      const attempt = await attemptTest(practice, test, values);
      if (attempt === 'skip') return;
      if (attempt.ok) return;
      failures.push(attempt.reason);
    }
    expect.fail(`${test.id} (${test.source.file}:${test.source.line}) failed against the practice cluster:\n${failures.join('\n---\n')}`);
  }, 120_000);
});

type Attempt = 'skip' | { ok: true } | { ok: false; reason: string };

// A component the scenario does not run answers as a real cluster would: no such resource type,
// no such object, or a service proxy with nothing behind it.
const ABSENT = /doesn't have a resource type|\(NotFound\)|is not valid for pod|no endpoints available for service|error trying to reach service/;

/**
 * The NotFounds a scenario intends: components it declares not installed (no Flux CRDs, no Istio
 * sidecar), and objects named only by a sample value because the scenario has nothing of that
 * kind to offer (an Argo CD application name typed as a plain string).
 */
function intendedAbsence(practice: Practice, test: CatalogTest, stderr: string, given: Record<string, string>): boolean {
  if (!ABSENT.test(stderr)) return false;
  if (practice.scenario.notInstalled.includes(test.component)) return true;
  const samples = test.params.filter((p) => p.default === undefined && given[p.name] === sampleFor(p)).map((p) => given[p.name]);
  return samples.some((value) => value !== undefined && stderr.includes(`"${value}" not found`));
}

/** Renders and runs a test once; pod tests run only where the scenario scripts their command. */
async function attemptTest(practice: Practice, test: CatalogTest, values: Record<string, string>): Promise<Attempt> {
  let given = values;
  if (test.target === 'pod') {
    const inner = renderCommand(test, values, { target: 'local' });
    if (!inner.ok) return { ok: false, reason: `cannot render: ${JSON.stringify(inner.errors)}` };
    const command = inner.command.argv.join(' ');
    const entry = practice.scenario.exec.find((e) => new RegExp(e.command).test(command));
    const pod = entry ? materializeObjects(practice.scenario, Date.now()).find((o) => o.kind === 'Pod' && o.metadata.namespace === entry.namespace && globMatches(entry.pod, o.metadata.name)) : undefined;
    if (!entry || !pod) return 'skip';
    given = { ...values, namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name };
  }
  const rendered = renderCommand(test, given, { context: practice.context, namespace: practice.namespace });
  if (!rendered.ok) return { ok: false, reason: `cannot render with ${JSON.stringify(given)}: ${JSON.stringify(rendered.errors)}` };
  const result = await runCommand({ argv: rendered.command.argv, env: { ...practice.env, ...rendered.command.env }, timeoutMs: 40_000 });
  const reading = readRun(test, result);
  const kubectlError = KUBECTL_ERROR.exec(result.stderr)?.[0] !== undefined ? result.stderr.trim().split('\n').find((l) => KUBECTL_ERROR.test(l)) : undefined;
  if (kubectlError !== undefined && intendedAbsence(practice, test, result.stderr, given)) return { ok: true };
  if (result.status !== 'exited' || kubectlError !== undefined || reading.outcome === 'error') {
    return { ok: false, reason: `$ ${rendered.command.display}\nexit ${result.exitCode} (${result.status}), outcome ${reading.outcome}: ${reading.finding}\nstderr: ${result.stderr.trim().slice(0, 600)}\nstdout: ${result.stdout.trim().slice(0, 300)}` };
  }
  return { ok: true };
}
