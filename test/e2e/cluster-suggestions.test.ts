import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../source/core/catalog/schema.js';
import type { ClusterService } from '../../source/core/cluster/cluster-service.js';
import { paramsFor } from '../../source/core/params/render.js';
import { startPractice, type Practice } from '../helpers/practice.js';
import { clusterServiceFor, discoveryFinished } from '../core/cluster/fault-servers.js';

// Parameter suggestions through the ClusterService, the way the TUI asks for them, against the
// practice scenario api-oomkilled (three API pods crash-looping in shop, Postgres in data).
const catalog = loadCatalog([builtinCatalogDir()]);
const test = (id: string): CatalogTest => {
  const found = catalog.tests.find((t) => t.id === id);
  if (!found) throw new Error(`no test ${id}`);
  return found;
};

function suggest(service: ClusterService, t: CatalogTest, param: string, values: Record<string, string> = {}) {
  const specs = paramsFor(t);
  const spec = specs.find((s) => s.name === param);
  if (!spec) throw new Error(`${t.id} has no parameter ${param}`);
  return service.suggest({ spec, specs, values, component: catalog.components.find((c) => c.id === t.component) });
}

describe('parameter suggestions from the practice cluster', () => {
  let practice: Practice;
  let service: ClusterService;

  beforeAll(async () => {
    practice = await startPractice('api-oomkilled');
    service = clusterServiceFor(practice.kubeconfigPath, { components: catalog.components, recentNamespaces: () => ['data'] });
    await discoveryFinished(service);
  }, 120_000);
  afterAll(async () => {
    service?.dispose();
    await practice?.stop();
  });

  it('discovers the current context and recognises what runs in the namespace', () => {
    const state = service.state();
    expect(state.discovery.status).toBe('ready');
    expect(state.context).toBe('hunch-practice');
    expect(state.namespace).toBe('shop');
    expect([...state.detected.keys()]).toEqual(expect.arrayContaining(['redis', 'cert-manager']));
  });

  it('offers the current namespace first, then recent ones, then the rest', async () => {
    const { values, reason, loadedAt } = await suggest(service, test('pod-last-termination'), 'namespace');
    expect(reason).toBeUndefined();
    expect(values.slice(0, 2)).toEqual([
      { value: 'shop', note: expect.stringMatching(/^current/) },
      { value: 'data', note: 'recent' },
    ]);
    expect(values.map((v) => v.value)).toContain('kube-system');
    expect(loadedAt).toBeInstanceOf(Date);
  });

  it('offers the pods of the chosen namespace, the crash-looping ones first', async () => {
    const { values } = await suggest(service, test('pod-last-termination'), 'pod', { namespace: 'shop' });
    expect(values.slice(0, 3).map((v) => v.value)).toEqual(['api-5c8d7f9b6c-h5n9d', 'api-5c8d7f9b6c-q8d4x', 'api-5c8d7f9b6c-7wq2m']);
    expect(values[0]?.note).toMatch(/^unhealthy: CrashLoopBackOff, 15 restarts, last OOMKilled .* · of api$/);
    expect(values[2]?.note).toMatch(/^Running, 14 restarts, last OOMKilled/);
    expect(values.map((v) => v.value)).toContain('redis-0');
    expect(values.map((v) => v.value)).not.toContain('postgres-0');
  });

  it('loads another namespace when one outside the discovered scope is chosen', async () => {
    const { values } = await suggest(service, test('pod-last-termination'), 'pod', { namespace: 'data' });
    expect(values.map((v) => v.value)).toEqual(['postgres-0']);
  });

  it("offers the chosen pod's containers", async () => {
    const { values } = await suggest(service, test('pod-previous-logs'), 'container', { namespace: 'shop', pod: 'api-5c8d7f9b6c-h5n9d' });
    expect(values).toEqual([{ value: 'api', note: 'registry.example.com/shop/api:5.13.0 · not ready · CrashLoopBackOff · 15 restarts' }]);
  });

  it("puts the test's component first: Postgres pods for a Postgres test run inside a pod", async () => {
    const psql = catalog.tests.find((t) => t.component === 'postgres' && t.target === 'pod');
    if (!psql) throw new Error('no Postgres pod test in the catalogue');
    const { values } = await suggest(service, psql, 'pod', { namespace: 'data' });
    expect(values[0]).toEqual({ value: 'postgres-0', note: expect.stringMatching(/^postgres · Running/) });
  });

  it('offers the deployments of the namespace, the unready one first', async () => {
    const rollout = catalog.tests.find((t) => paramsFor(t).some((p) => p.type === 'deployment'));
    if (!rollout) throw new Error('no deployment test in the catalogue');
    const name = paramsFor(rollout).find((p) => p.type === 'deployment')?.name ?? '';
    const { values } = await suggest(service, rollout, name, { namespace: 'shop' });
    expect(values[0]).toEqual({ value: 'api', note: 'unhealthy: 1/3 ready' });
    expect(values.map((v) => v.value)).toEqual(expect.arrayContaining(['frontend', 'checkout', 'report-worker']));
  });

  it('refreshes on request: a new discovery with a new age', async () => {
    const before = (await suggest(service, test('pod-last-termination'), 'namespace')).loadedAt;
    const spec = paramsFor(test('pod-last-termination'))[0];
    if (!spec) throw new Error('no parameter');
    const after = await service.suggest({ spec, specs: paramsFor(test('pod-last-termination')), values: {}, refresh: true });
    expect(after.loadedAt?.getTime()).toBeGreaterThan(before?.getTime() ?? Infinity);
  });
});
