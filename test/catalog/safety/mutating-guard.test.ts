import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import { paramsFor } from '../../../source/core/params/render.js';
import { sampleFor, sampleValues } from '../../../source/core/catalog/lint/sample-values.js';
import { hunch } from '../../helpers/cli.js';
import { standInTools } from '../../helpers/stand-in-tools.js';
import { tempDir } from '../../helpers/temp.js';
import { catalogFile } from './catalog-fixture.js';

// Mutating tests for the other tools hunch knows, beside the shipped ones: each must be refused the same way.
const FIXTURE_MUTATIONS = [
  'params: [{name: namespace, type: namespace}, {name: deployment, type: deployment}]\ncommand: [kubectl, scale, "deployment/{{deployment}}", -n, "{{namespace}}", --replicas=0]\neffect: mutating\nrequires: {tools: [kubectl]}',
  'params: [{name: namespace, type: namespace}, {name: release, type: string}]\ncommand: [helm, rollback, "{{release}}", -n, "{{namespace}}"]\neffect: mutating\nrequires: {tools: [helm]}',
  'params: [{name: app, type: string}]\ncommand: [argocd, app, sync, "{{app}}"]\neffect: mutating\nrequires: {tools: [argocd]}',
  'params: [{name: host, type: host}]\ncommand: [redis-cli, -h, "{{host}}", config, set, maxclients, "20000"]\neffect: mutating\nrequires: {tools: [redis-cli]}',
  'params: [{name: host, type: host}, {name: pid, type: integer}]\ncommand: [psql, -h, "{{host}}", -v, "pid={{pid}}", -c, "select pg_terminate_backend(:pid)"]\neffect: mutating\nrequires: {tools: [psql]}',
  'params: [{name: namespace, type: namespace}, {name: pod, type: pod}]\nscript: |\n  kubectl --context "$CONTEXT" delete pod "$POD" -n "$NAMESPACE"\neffect: mutating\nrequires: {tools: [bash, kubectl]}',
];

const fixtureDir = tempDir({ 'mutating.yaml': catalogFile(FIXTURE_MUTATIONS) }, 'hunch-mutating-');
const shipped = loadCatalog([builtinCatalogDir()]).tests.filter((t) => t.effect === 'mutating');
const fixtures = loadCatalog([fixtureDir], fixtureDir).tests;
const everyMutatingTest: CatalogTest[] = [...shipped, ...fixtures];
const tools = standInTools(new Set(everyMutatingTest.flatMap((t) => [...t.requires.tools, 'kubectl'])), '');

/** A kubeconfig whose current context is `context` (the stand-in kubectl never reads it). */
function kubeconfigFor(context: string): string {
  const dir = tempDir({}, 'hunch-mutating-kube-');
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]\ncontexts: [{name: "${context}", context: {cluster: c, user: u}}]\ncurrent-context: "${context}"\nusers: [{name: u, user: {token: t}}]\n`);
  return path;
}

function paramArgs(test: CatalogTest): string[] {
  const values = { ...sampleValues(test), ...Object.fromEntries(paramsFor(test).map((s) => [s.name, sampleFor(s)])) };
  return Object.entries(values).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
}

async function runMutating(test: CatalogTest, flags: string[], context: string, home?: string) {
  const log = tempDir({}, 'hunch-mutating-log-');
  const result = await hunch(['run', test.id, '--catalog', fixtureDir, ...paramArgs(test), ...flags], {
    env: { PATH: `${tools.bin}:${process.env.PATH}`, STANDIN_LOG: log, KUBECONFIG: kubeconfigFor(context), ...(home ? { HUNCH_HOME: home } : {}) },
  });
  return { ...result, calls: tools.calls(log) };
}

let triedUnderReadOnly = 0;
afterAll(() => {
  console.info(`mutating guard: ${triedUnderReadOnly} mutating tests tried under --read-only (${shipped.length} shipped, ${fixtures.length} fixtures), none ran`);
});

describe('mutating tests never run where they must not', () => {
  it('the catalogue and the fixtures hold mutating tests to try', () => {
    expect(shipped.length).toBeGreaterThan(0);
    expect(fixtures).toHaveLength(FIXTURE_MUTATIONS.length);
  });

  it.each(everyMutatingTest.map((t) => [t.id, t] as const))('%s under --read-only is refused, even with --yes and --allow-mutating, and nothing starts', async (_id, test) => {
    triedUnderReadOnly++;
    const result = await runMutating(test, ['--read-only', '--yes', '--allow-mutating'], 'dev');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`hunch: refused: ${test.id} changes the cluster and hunch runs read-only (--read-only)`);
    expect(result.calls).toEqual([]);
  });

  it.each(everyMutatingTest.map((t) => [t.id, t] as const))('%s on a production context is refused without --allow-mutating, and runs with it', async (_id, test) => {
    const refused = await runMutating(test, ['--yes'], 'gke_shop_europe-west1_prod');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^hunch: refused: .* context "gke_shop_europe-west1_prod" is production .*--allow-mutating/);
    expect(refused.calls).toEqual([]);
    const allowed = await runMutating(test, ['--yes', '--allow-mutating'], 'gke_shop_europe-west1_prod');
    expect(allowed.calls.length, allowed.stderr).toBeGreaterThan(0);
  });

  it('without --yes a mutating test is a usage error that shows the command it would run; with --yes on a non-production context it runs', async () => {
    const test = everyMutatingTest[0] as CatalogTest;
    const unconfirmed = await runMutating(test, [], 'dev');
    expect(unconfirmed.exitCode).toBe(2);
    expect(unconfirmed.stderr).toMatch(/changes the cluster; add --yes to run it\nhint: the command would be: /);
    expect(unconfirmed.calls).toEqual([]);
    const confirmed = await runMutating(test, ['--yes'], 'dev');
    expect(confirmed.calls.length).toBeGreaterThan(0);
  });

  it('the production pattern comes from the settings', async () => {
    const home = tempDir({}, 'hunch-mutating-home-');
    mkdirSync(join(home, 'config'), { recursive: true });
    writeFileSync(join(home, 'config', 'settings.json'), JSON.stringify({ productionContextPattern: '^customer-' }));
    const test = everyMutatingTest[0] as CatalogTest;
    const refused = await runMutating(test, ['--yes'], 'customer-acme', home);
    expect(refused.stderr).toMatch(/context "customer-acme" is production/);
    expect(refused.calls).toEqual([]);
    const ran = await runMutating(test, ['--yes'], 'prod-eu', home);
    expect(ran.calls.length, ran.stderr).toBeGreaterThan(0);
  });
});
