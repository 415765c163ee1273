import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../../source/core/catalog/schema.js';
import { Inventory, NAMESPACED_KINDS, type NamespacedKind, type ObjectSummary, type ScopeListings } from '../../../source/core/cluster/inventory.js';
import { namespaceFor, suggestValues, type SuggestionQuery } from '../../../source/core/cluster/suggest-values.js';

const fine = { severity: 0 as const, summary: 'Running' };
const object = (kind: NamespacedKind, namespace: string, name: string, extra: Partial<ObjectSummary> = {}): ObjectSummary => ({ kind, namespace, name, labels: {}, images: [], health: fine, ...extra });

function scope(objects: ObjectSummary[], failures: Partial<Record<NamespacedKind, string>> = {}): ScopeListings {
  return Object.fromEntries(
    NAMESPACED_KINDS.map((kind) => [kind, failures[kind] ? { items: [], failure: { kind: 'forbidden', message: failures[kind] } } : { items: objects.filter((o) => o.kind === kind) }]),
  ) as ScopeListings;
}

const shop = scope([
  object('pod', 'shop', 'web-1', { labels: { app: 'web', 'pod-template-hash': 'abc' }, owner: { kind: 'Deployment', name: 'web' } }),
  object('pod', 'shop', 'web-2', { labels: { app: 'web', 'pod-template-hash': 'abc' }, owner: { kind: 'Deployment', name: 'web' }, health: { severity: 2, summary: 'CrashLoopBackOff, 4 restarts' }, restarts: 4 }),
  object('pod', 'shop', 'db-0', {
    labels: { app: 'db', 'app.kubernetes.io/name': 'postgresql' },
    images: ['bitnami/postgresql:15'],
    node: 'node-b',
    owner: { kind: 'StatefulSet', name: 'db' },
    containers: [
      { name: 'init-perms', image: 'busybox', init: true, ready: false, restarts: 0, ports: [] },
      { name: 'metrics', image: 'exporter', init: false, ready: true, restarts: 0, ports: [9187] },
      { name: 'postgresql', image: 'bitnami/postgresql:15', init: false, ready: false, restarts: 3, reason: 'OOMKilled', ports: [5432] },
    ],
  }),
  object('deployment', 'shop', 'web', { selector: { app: 'web' }, health: { severity: 2, summary: '1/2 ready' } }),
  object('deployment', 'shop', 'api'),
  object('service', 'shop', 'web', { ports: [80, 8443] }),
  object('ingress', 'shop', 'web', { urls: ['https://shop.example.com/'] }),
]);

function inventory(): Inventory {
  const inv = new Inventory('ctx', {
    namespaces: { items: [{ name: 'default', phase: 'Active' }, { name: 'kube-system', phase: 'Active' }, { name: 'shop', phase: 'Active' }, { name: 'data', phase: 'Active' }] },
    nodes: { items: [{ name: 'node-a', health: { severity: 0, summary: 'Ready' } }, { name: 'node-b', health: { severity: 0, summary: 'Ready' } }, { name: 'node-c', health: { severity: 2, summary: 'NotReady' } }] },
    crds: { items: [] },
  }, new Date());
  inv.addScope('shop', shop);
  inv.addScope('data', scope([], { pod: 'forbidden: you may not list pods in data' }));
  return inv;
}

const postgres = { id: 'postgres', detect: { images: ['bitnami/postgresql'], labels: ['app.kubernetes.io/name=postgresql'], crds: [] } };
const specs: ParamSpec[] = [
  { name: 'namespace', type: 'namespace' },
  { name: 'deployment', type: 'deployment', dependsOn: 'namespace', required: false },
  { name: 'pod', type: 'pod', dependsOn: 'namespace' },
  { name: 'container', type: 'container', dependsOn: 'pod' },
  { name: 'node', type: 'node', dependsOn: 'pod' },
  { name: 'selector', type: 'label-selector', dependsOn: 'namespace' },
  { name: 'port', type: 'port', dependsOn: 'service' },
  { name: 'service', type: 'service', dependsOn: 'namespace' },
  { name: 'url', type: 'url' },
  { name: 'mode', type: 'string', choices: ['fast', 'full'] },
];
const query = (name: string, values: Record<string, string> = {}, extra: Partial<SuggestionQuery> = {}): SuggestionQuery => ({
  spec: specs.find((s) => s.name === name) as ParamSpec,
  specs,
  values,
  namespace: 'default',
  ...extra,
});

describe('suggestions narrowed by what was chosen', () => {
  it('finds the namespace through the chain of dependencies', () => {
    expect(namespaceFor(query('container', { namespace: 'shop', pod: 'db-0' }))).toBe('shop');
    expect(namespaceFor(query('pod'))).toBe('default');
  });

  it('offers pods of the chosen namespace, failing first, then the rest by name', () => {
    expect(suggestValues(inventory(), query('pod', { namespace: 'shop' })).values).toEqual([
      { value: 'web-2', note: 'unhealthy: CrashLoopBackOff, 4 restarts · of web' },
      { value: 'db-0', note: 'Running · of db' },
      { value: 'web-1', note: 'Running · of web' },
    ]);
  });

  it("puts the test's component first", () => {
    const values = suggestValues(inventory(), query('pod', { namespace: 'shop' }, { component: postgres })).values;
    expect(values[0]).toEqual({ value: 'db-0', note: 'postgres · Running · of db' });
  });

  it('offers only the pods of a workload chosen earlier', () => {
    expect(suggestValues(inventory(), query('pod', { namespace: 'shop', deployment: 'web' })).values.map((v) => v.value)).toEqual(['web-2', 'web-1']);
  });

  it("offers the chosen pod's containers, the troubled one first and init containers last", () => {
    expect(suggestValues(inventory(), query('container', { namespace: 'shop', pod: 'db-0' })).values).toEqual([
      { value: 'postgresql', note: 'bitnami/postgresql:15 · not ready · OOMKilled · 3 restarts' },
      { value: 'metrics', note: 'exporter' },
      { value: 'init-perms', note: 'busybox · init' },
    ]);
    expect(suggestValues(inventory(), query('container', { namespace: 'shop' }))).toEqual({ values: [], reason: 'choose the pod first' });
  });

  it("offers the chosen pod's node first, then failing nodes", () => {
    expect(suggestValues(inventory(), query('node', { namespace: 'shop', pod: 'db-0' })).values.map((v) => v.value)).toEqual(['node-b', 'node-c', 'node-a']);
  });

  it("offers a chosen workload's selector first, then labels by how many pods carry them", () => {
    const values = suggestValues(inventory(), query('selector', { namespace: 'shop', deployment: 'web' })).values;
    expect(values[0]).toEqual({ value: 'app=web', note: 'selects web' });
    expect(values.map((v) => v.value)).not.toContain('pod-template-hash=abc');
  });

  it("offers the chosen service's ports, ingress URLs and service addresses, and a string's choices", () => {
    expect(suggestValues(inventory(), query('port', { namespace: 'shop', service: 'web' })).values.map((v) => v.value)).toEqual(['80', '8443']);
    expect(suggestValues(inventory(), query('url', { namespace: 'shop' })).values.map((v) => v.value)).toEqual(['https://shop.example.com/', 'http://web.shop.svc.cluster.local/']);
    expect(suggestValues(inventory(), query('mode')).values.map((v) => v.value)).toEqual(['fast', 'full']);
  });

  it('orders namespaces: current, recent, those with failing pods, then by name', () => {
    const values = suggestValues(inventory(), query('namespace', {}, { namespace: 'shop', recentNamespaces: ['data'] })).values;
    expect(values).toEqual([
      { value: 'shop', note: 'current · 1 unhealthy pod' },
      { value: 'data', note: 'recent' },
      { value: 'default', note: undefined },
      { value: 'kube-system', note: undefined },
    ]);
    const elsewhere = suggestValues(inventory(), query('namespace', {}, { namespace: 'kube-system' })).values;
    expect(elsewhere.map((v) => v.value)).toEqual(['kube-system', 'shop', 'data', 'default']);
  });

  it("says which namespaces run the test's component, from the pods of every namespace, and puts them right after the current one", () => {
    const inv = inventory();
    inv.setPodsEverywhere({ items: [object('pod', 'data', 'pg-0', { images: ['bitnami/postgresql:16'] }), object('pod', 'default', 'web-9')] });
    const values = suggestValues(inv, query('namespace', {}, { namespace: 'kube-system', component: postgres })).values;
    expect(values.slice(0, 3)).toEqual([
      { value: 'kube-system', note: 'current' },
      { value: 'shop', note: 'has postgres (db-0) · 1 unhealthy pod' },
      { value: 'data', note: 'has postgres (pg-0)' },
    ]);
    // Without a component, nothing is said about what runs where.
    expect(suggestValues(inv, query('namespace', {}, { namespace: 'kube-system' })).values.map((v) => v.note)).not.toContain('has postgres (pg-0)');
  });

  it('says why there is nothing: a forbidden list, an empty namespace', () => {
    expect(suggestValues(inventory(), query('pod', { namespace: 'data' }))).toEqual({ values: [], reason: 'forbidden: you may not list pods in data' });
    expect(suggestValues(inventory(), query('service', { namespace: 'shop' })).values.map((v) => v.value)).toEqual(['web']);
    const empty = new Inventory('ctx', { namespaces: { items: [] }, nodes: { items: [] }, crds: { items: [] } }, new Date());
    empty.addScope('tmp', scope([]));
    expect(suggestValues(empty, query('pod', { namespace: 'tmp' }))).toEqual({ values: [], reason: 'no pods in tmp' });
  });
});
