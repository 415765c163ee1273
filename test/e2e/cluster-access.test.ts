import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../source/core/catalog/schema.js';
import { accessNeeds } from '../../source/core/cluster/access-review.js';
import type { ClusterService } from '../../source/core/cluster/cluster-service.js';
import { paramsFor } from '../../source/core/params/render.js';
import type { Scenario } from '../../source/core/practice/scenario/scenario.js';
import { startPracticeCluster, type PracticeCluster } from '../../source/core/practice/start.js';
import { shippedScenario } from '../helpers/practice.js';
import { clusterServiceFor, discoveryFinished } from '../core/cluster/fault-servers.js';

// Access pre-checks (SelfSubjectAccessReview) against the practice server, which answers them
// from the scenario's rules: here an app developer who may read workloads in shop, and no more.
const catalog = loadCatalog([builtinCatalogDir()]);
const byId = (id: string): CatalogTest => {
  const found = catalog.tests.find((t) => t.id === id);
  if (!found) throw new Error(`no test ${id}`);
  return found;
};
const podTest = catalog.tests.find((t) => t.target === 'pod' && t.component === 'postgres') as CatalogTest;

const developer: Scenario['access'] = {
  user: 'dev@example.com',
  groups: ['shop-developers', 'system:authenticated'],
  rules: [
    {
      verbs: ['get', 'list', 'watch'],
      apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'],
      resources: ['pods', 'pods/log', 'services', 'endpoints', 'events', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'ingresses', 'persistentvolumeclaims', 'configmaps', 'serviceaccounts'],
      namespaces: ['shop'],
    },
    { verbs: ['get', 'list'], apiGroups: [''], resources: ['namespaces'], namespaces: ['*'] },
  ],
};

describe('access checks against the practice cluster', () => {
  let cluster: PracticeCluster;
  let service: ClusterService;
  const reviews: string[] = [];

  beforeAll(async () => {
    cluster = await startPracticeCluster({
      scenario: { ...shippedScenario('api-oomkilled'), access: developer },
      onRequest: (line) => {
        if (line.includes('selfsubjectaccessreviews')) reviews.push(line);
      },
    });
    service = clusterServiceFor(cluster.kubeconfigPath, { components: catalog.components });
    await discoveryFinished(service);
  }, 120_000);
  afterAll(async () => {
    service?.dispose();
    await cluster?.stop();
  });

  it('finds a read the rules grant runnable', async () => {
    expect(await service.checkAccess(accessNeeds(byId('pod-last-termination')), 'shop')).toEqual({ state: 'allowed' });
  });

  it('says which verb and resource is missing for a test run inside a pod', async () => {
    expect(accessNeeds(podTest)).toContainEqual({ verb: 'create', resource: 'pods', subresource: 'exec', group: '', namespaced: true });
    expect(await service.checkAccess(accessNeeds(podTest), 'shop')).toEqual({ state: 'denied', missing: 'create pods/exec in shop' });
  });

  it('refuses what the rules grant in one namespace in another', async () => {
    expect(await service.checkAccess(accessNeeds(byId('pod-last-termination')), 'data')).toEqual({ state: 'denied', missing: 'get pods in data' });
  });

  it('checks cluster-scoped needs without a namespace', async () => {
    const nodes = { verb: 'list', resource: 'nodes', group: '', namespaced: false };
    expect(await service.checkAccess([nodes], 'shop')).toEqual({ state: 'denied', missing: 'list nodes (cluster-wide)' });
    // The same cluster-wide question about a resource the rules do grant.
    expect(await service.checkAccess([{ ...nodes, resource: 'namespaces' }], 'shop')).toEqual({ state: 'allowed' });
  });

  it('asks each question once per context and namespace, and answers from memory after', async () => {
    const needs = accessNeeds(byId('pod-last-termination'));
    await service.checkAccess(needs, 'shop');
    const asked = reviews.length;
    expect(service.peekAccess(needs, 'shop')).toEqual({ state: 'allowed' });
    await Promise.all(Array.from({ length: 5 }, () => service.checkAccess(needs, 'shop')));
    expect(reviews.length).toBe(asked);
  });

  it('keeps the answer to a question whose asker moved on, for the next one to ask', async () => {
    const needs = [{ verb: 'list', resource: 'services', group: '', namespaced: true }];
    const abort = new AbortController();
    const first = service.checkAccess(needs, 'shop', abort.signal);
    abort.abort();
    expect(await first).toEqual({ state: 'unknown', reason: 'not checked: the question was withdrawn' });
    await expect.poll(() => service.peekAccess(needs, 'shop')).toEqual({ state: 'allowed' });
  });

  it('leaves a forbidden list as a gap with its reason, and suggests what it could list', async () => {
    const state = service.state();
    expect(state.discovery.status).toBe('ready');
    const secretTest = catalog.tests.find((t) => paramsFor(t).some((p) => p.type === 'secret-name')) as CatalogTest;
    const specs = paramsFor(secretTest);
    const spec = specs.find((p) => p.type === 'secret-name');
    if (!spec) throw new Error('no secret parameter');
    const secrets = await service.suggest({ spec, specs, values: { namespace: 'shop' } });
    expect(secrets.values).toEqual([]);
    expect(secrets.reason).toMatch(/^forbidden: you may not list secrets in shop \(secrets is forbidden: User "dev@example.com" cannot list resource "secrets"/);
    const podSpecs = paramsFor(byId('pod-last-termination'));
    const pods = await service.suggest({ spec: podSpecs[1] as never, specs: podSpecs, values: { namespace: 'shop' } });
    expect(pods.values.length).toBeGreaterThan(3);
  });

  it('with -A and no right to list every namespace, lists the namespace asked for instead', async () => {
    const everywhere = clusterServiceFor(cluster.kubeconfigPath, { components: catalog.components, allNamespaces: true });
    try {
      await discoveryFinished(everywhere);
      const specs = paramsFor(byId('pod-last-termination'));
      const pods = await everywhere.suggest({ spec: specs[1] as never, specs, values: { namespace: 'shop' } });
      expect(pods.reason).toBeUndefined();
      expect(pods.values[0]?.value).toBe('api-5c8d7f9b6c-h5n9d');
    } finally {
      everywhere.dispose();
    }
  });
});
