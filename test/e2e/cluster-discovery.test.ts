import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import { ClusterClient } from '../../source/core/cluster/cluster-client.js';
import { detectComponents } from '../../source/core/cluster/detect-components.js';
import { discoverCluster } from '../../source/core/cluster/discover.js';
import { ALL_NAMESPACES, type Inventory } from '../../source/core/cluster/inventory.js';
import { startPractice, type Practice } from '../helpers/practice.js';

// Discovery with the real @kubernetes/client-node against the practice API server, scenario
// api-oomkilled: three API pods restarting after OOM kills in shop, Postgres in data.
const components = loadCatalog([builtinCatalogDir()]).components;

describe('discovery against the practice cluster (api-oomkilled)', () => {
  let practice: Practice;
  let client: ClusterClient;
  let shop: Inventory;
  let everywhere: Inventory;

  beforeAll(async () => {
    practice = await startPractice('api-oomkilled');
    const opened = await ClusterClient.open({ files: [practice.kubeconfigPath], explicit: true });
    if (!opened.ok) throw new Error(opened.failure.message);
    client = opened.value;
    const [inShop, inAll] = await Promise.all([discoverCluster(client, 'shop'), discoverCluster(client, ALL_NAMESPACES)]);
    expect(inShop.failure).toBeUndefined();
    expect(inAll.failure).toBeUndefined();
    shop = inShop.inventory;
    everywhere = inAll.inventory;
  }, 120_000);
  afterAll(async () => {
    await practice?.stop();
  });

  it('reads the context and server from the kubeconfig', () => {
    expect(client.context).toBe('hunch-practice');
    expect(client.server).toBe(practice.url);
  });

  it('lists namespaces, nodes and CRDs of the cluster', () => {
    expect(shop.cluster.namespaces.items.map((n) => n.name)).toEqual(expect.arrayContaining(['shop', 'data', 'kube-system']));
    expect(shop.cluster.nodes.items.map((n) => n.name)).toEqual(expect.arrayContaining(['cp-1', 'node-a', 'node-b', 'node-c']));
    expect(shop.cluster.nodes.items.every((n) => n.health.severity === 0)).toBe(true);
    expect(shop.cluster.crds.items.map((c) => c.name)).toContain('certificates.cert-manager.io');
  });

  it('reads each pod state: waiting reason, readiness, restarts and the last termination', () => {
    const pods = shop.objects('pod', 'shop')?.items ?? [];
    const api = pods.filter((p) => p.owner?.name === 'api');
    expect(api.map((p) => p.name).sort()).toEqual(['api-5c8d7f9b6c-7wq2m', 'api-5c8d7f9b6c-h5n9d', 'api-5c8d7f9b6c-q8d4x']);
    const looping = api.find((p) => p.name === 'api-5c8d7f9b6c-h5n9d');
    expect(looping?.health).toEqual({ severity: 2, summary: expect.stringMatching(/^CrashLoopBackOff, 15 restarts, last OOMKilled \d+m ago$/) });
    // Ready now, but killed minutes ago: worth a look, not fine.
    const recovering = api.find((p) => p.name === 'api-5c8d7f9b6c-7wq2m');
    expect(recovering?.health.severity).toBe(1);
    expect(recovering?.containers?.[0]).toMatchObject({ name: 'api', ready: true, restarts: 14, reason: 'OOMKilled' });
    expect(pods.find((p) => p.name === 'redis-0')?.health).toEqual({ severity: 0, summary: 'Running' });
    expect(pods.find((p) => p.name.startsWith('nightly-report-'))?.health.summary).toBe('Completed');
  });

  it('lists workloads with their readiness, owners resolved through replica sets', () => {
    const deployments = shop.objects('deployment', 'shop')?.items ?? [];
    expect(deployments.find((d) => d.name === 'api')?.health).toEqual({ severity: 2, summary: '1/3 ready' });
    expect(deployments.find((d) => d.name === 'frontend')?.health.severity).toBe(0);
    expect(shop.objects('statefulset', 'shop')?.items.map((s) => s.name)).toEqual(['redis']);
    expect(shop.objects('cronjob', 'shop')?.items.map((c) => c.name)).toEqual(['nightly-report']);
    expect(shop.objects('job', 'shop')?.items.length).toBeGreaterThan(0);
  });

  it('lists services judged by the pods they select, ingresses, PVCs and names of config', () => {
    const services = shop.objects('service', 'shop')?.items ?? [];
    expect(services.find((s) => s.name === 'api')?.health.summary).toMatch(/1\/3 pods ready$/);
    expect(shop.objects('ingress', 'shop')?.items[0]?.urls?.length).toBeGreaterThan(0);
    expect(shop.objects('pvc', 'shop')?.items.find((p) => p.name === 'data-redis-0')?.health.summary).toMatch(/^Bound/);
    expect(shop.objects('configmap', 'shop')?.items.map((c) => c.name)).toContain('api-config');
    expect(shop.objects('serviceaccount', 'shop')?.items.map((s) => s.name)).toContain('api');
    expect(shop.objects('secret-name', 'shop')?.items.map((s) => s.name)).toContain('api-db-credentials');
  });

  it('keeps secret names and never their data', () => {
    const kept = JSON.stringify(shop.objects('secret-name', 'shop'));
    expect(kept).toContain('api-db-credentials');
    // The scenario's base64 password for api-db-credentials.
    expect(kept).not.toContain('cHJhY3RpY2Utb25seQ==');
  });

  it('covers only the current namespace without -A, every namespace with it', () => {
    expect(shop.objects('pod', 'data')).toBeUndefined();
    expect(everywhere.objects('pod', 'data')?.items.map((p) => p.name)).toContain('postgres-0');
    expect(everywhere.objects('pod', ALL_NAMESPACES)?.items.length).toBeGreaterThan(shop.objects('pod', 'shop')?.items.length ?? 0);
  });

  it('recognises components by image, label and CRD', () => {
    const inShop = detectComponents(shop, components, 'shop');
    expect(inShop.get('redis')).toEqual(expect.arrayContaining([expect.stringMatching(/^image docker\.io\/library\/redis:7\.2\.5 \(shop\//)]));
    expect(inShop.get('cert-manager')).toEqual(expect.arrayContaining(['CRD certificates.cert-manager.io']));
    // Postgres runs in data: recognised only when discovery spans every namespace.
    expect(inShop.has('postgres')).toBe(false);
    const inAll = detectComponents(everywhere, components, ALL_NAMESPACES);
    expect(inAll.get('postgres')?.[0]).toMatch(/postgres/);
    // Components the scenario does not run are not claimed.
    expect(inAll.has('kafka')).toBe(false);
    expect(inAll.has('mongodb')).toBe(false);
  });
});
