import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { startPractice, type Practice } from '../../helpers/practice.js';
import { runAsHunch } from './run-as-hunch.js';

// The platform tests (nodes, storage, RBAC, config, autoscaling, metrics-server, quota, events,
// control plane) run as hunch runs them: the real kubectl, bash and awk against the practice
// cluster. The healthy baseline must read healthy; each incident scenario must read as the fault
// it hides. A rule that misreads real kubectl output fails here even when its examples pass.

type Outcome = 'anomaly' | 'healthy' | 'inconclusive' | 'error';
type Case = { test: string; values?: Record<string, string>; outcome: Outcome; finding?: RegExp };

const shop = { namespace: 'shop' };

const SCENARIOS: Record<string, Case[]> = {
  healthy: [
    { test: 'node-not-ready', outcome: 'healthy', finding: /all 4 nodes are Ready/ },
    { test: 'node-pressure-conditions', outcome: 'healthy' },
    { test: 'node-conditions-detail', values: { node: 'node-a' }, outcome: 'healthy' },
    { test: 'node-taints', outcome: 'healthy' },
    { test: 'node-cordoned', outcome: 'healthy' },
    { test: 'node-allocated-resources', values: { node: 'node-a' }, outcome: 'healthy', finding: /at most \d+ %/ },
    { test: 'node-requests-vs-allocatable', outcome: 'healthy' },
    { test: 'node-pods-per-node', outcome: 'healthy' },
    { test: 'node-kubelet-version-skew', outcome: 'healthy' },
    { test: 'node-top-usage', outcome: 'healthy' },
    { test: 'node-heartbeat-age', outcome: 'healthy' },
    { test: 'node-evicted-pods', outcome: 'healthy' },
    { test: 'node-pods-on-node', values: { node: 'node-a' }, outcome: 'healthy' },
    { test: 'node-besteffort-pods', values: { node: 'node-a' }, outcome: 'healthy' },
    { test: 'node-ephemeral-storage-usage', values: { node: 'node-a' }, outcome: 'healthy', finding: /filesystem is \d+ % used/ },
    { test: 'control-plane-readyz', outcome: 'healthy' },
    { test: 'control-plane-livez', outcome: 'healthy' },
    { test: 'control-plane-etcd-health', outcome: 'healthy' },
    { test: 'control-plane-api-response-time', outcome: 'healthy' },
    { test: 'control-plane-apiservices-unavailable', outcome: 'healthy' },
    { test: 'control-plane-webhooks-reachable', outcome: 'healthy' },
    { test: 'control-plane-webhook-errors', outcome: 'healthy' },
    { test: 'control-plane-csr-pending', outcome: 'healthy' },
    { test: 'control-plane-kube-system-pods', outcome: 'healthy' },
    { test: 'control-plane-static-pods', outcome: 'healthy' },
    { test: 'control-plane-leader-leases', outcome: 'healthy' },
    { test: 'control-plane-namespace-terminating', outcome: 'healthy' },
    { test: 'control-plane-apiserver-certificate-expiry', outcome: 'inconclusive', finding: /plain-HTTP/ },
    { test: 'metrics-server-pods-ready', outcome: 'healthy' },
    { test: 'metrics-server-apiservice', outcome: 'healthy' },
    { test: 'metrics-server-top-pods', values: shop, outcome: 'healthy' },
    { test: 'metrics-server-logs', outcome: 'healthy' },
    { test: 'autoscaling-hpa-conditions', values: shop, outcome: 'healthy' },
    { test: 'autoscaling-hpa-metrics', values: shop, outcome: 'healthy', finding: /current Resource cpu utilization=\d+/ },
    { test: 'autoscaling-hpa-at-max', values: shop, outcome: 'healthy' },
    { test: 'autoscaling-hpa-min-equals-max', values: shop, outcome: 'healthy' },
    { test: 'autoscaling-hpa-target-exists', values: shop, outcome: 'healthy' },
    { test: 'autoscaling-pods-cpu-requests', values: { ...shop, deployment: 'api' }, outcome: 'healthy' },
    { test: 'autoscaling-pdb-disruptions', outcome: 'healthy' },
    { test: 'autoscaling-pod-usage-vs-limits', values: shop, outcome: 'healthy' },
    { test: 'quota-compute-usage', values: shop, outcome: 'healthy', finding: /shop-quota/ },
    { test: 'quota-object-count-usage', values: shop, outcome: 'healthy' },
    { test: 'quota-storage-usage', values: shop, outcome: 'inconclusive' },
    { test: 'quota-deployment-fits', values: { ...shop, deployment: 'frontend' }, outcome: 'healthy' },
    { test: 'quota-limitrange-violations', values: shop, outcome: 'healthy' },
    { test: 'quota-workloads-without-requests', values: shop, outcome: 'healthy' },
    { test: 'quota-namespace-overview', values: shop, outcome: 'healthy' },
    { test: 'storage-pvc-not-bound', values: shop, outcome: 'healthy' },
    { test: 'storage-pvc-class-exists', values: { ...shop, pvc: 'data-redis-0' }, outcome: 'healthy', finding: /class gp3/ },
    { test: 'storage-class-default', outcome: 'healthy', finding: /gp3/ },
    { test: 'storage-pv-released-failed', outcome: 'healthy' },
    { test: 'storage-volume-attachments', outcome: 'healthy' },
    { test: 'storage-volume-attach-errors', values: shop, outcome: 'healthy' },
    { test: 'storage-rwo-claim-on-several-nodes', values: shop, outcome: 'healthy' },
    { test: 'storage-pvc-capacity-vs-request', values: shop, outcome: 'healthy' },
    { test: 'storage-pvc-stuck-terminating', values: shop, outcome: 'healthy' },
    { test: 'events-warnings-namespace', values: shop, outcome: 'healthy' },
    { test: 'events-reason-summary', values: shop, outcome: 'healthy' },
    { test: 'events-warnings-cluster', outcome: 'healthy' },
    { test: 'events-failed-scheduling', values: shop, outcome: 'healthy' },
    { test: 'events-failed-mount', values: shop, outcome: 'healthy' },
    { test: 'events-backoff', values: shop, outcome: 'healthy' },
    { test: 'events-probe-failures', values: shop, outcome: 'healthy' },
    { test: 'events-evictions', values: shop, outcome: 'healthy' },
    { test: 'events-logs-by-label', values: { ...shop, selector: 'app=frontend' }, outcome: 'healthy' },
    { test: 'config-container-config-errors', values: shop, outcome: 'healthy' },
    { test: 'config-configmap-keys', values: { ...shop, configmap: 'api-config' }, outcome: 'healthy', finding: /LOG_LEVEL/ },
    { test: 'config-configmap-key-present', values: { ...shop, configmap: 'api-config', key: 'LOG_LEVEL' }, outcome: 'healthy' },
    { test: 'config-configmap-key-present', values: { ...shop, configmap: 'api-config', key: 'LOGLEVEL' }, outcome: 'anomaly', finding: /no key LOGLEVEL/ },
    { test: 'config-configmap-keys', values: { ...shop, configmap: 'no-such-config' }, outcome: 'anomaly', finding: /does not exist/ },
    { test: 'config-secret-keys', values: { ...shop, secret: 'api-db-credentials' }, outcome: 'healthy', finding: /password/ },
    { test: 'config-secret-key-present', values: { ...shop, secret: 'api-db-credentials', key: 'password' }, outcome: 'healthy' },
    { test: 'config-secret-key-present', values: { ...shop, secret: 'api-db-credentials', key: 'DB_PASSWORD' }, outcome: 'anomaly' },
    { test: 'config-image-pull-secret', values: { ...shop, secret: 'api-db-credentials' }, outcome: 'anomaly', finding: /type Opaque/ },
    { test: 'config-immutable-objects', values: shop, outcome: 'healthy' },
    { test: 'rbac-whoami', outcome: 'healthy', finding: /you are \S+/ },
    { test: 'rbac-serviceaccount-exists', values: { ...shop, serviceaccount: 'frontend' }, outcome: 'healthy' },
    { test: 'rbac-serviceaccount-exists', values: { ...shop, serviceaccount: 'no-such-account' }, outcome: 'anomaly', finding: /does not exist/ },
    { test: 'rbac-binding-references-missing', values: shop, outcome: 'healthy' },
    { test: 'rbac-forbidden-events', values: shop, outcome: 'healthy' },
    { test: 'rbac-cluster-admin-bindings', outcome: 'healthy' },
  ],
  'worker-quota': [
    { test: 'quota-compute-usage', values: shop, outcome: 'anomaly', finding: /requests\.memory used=\S+ hard=\S+ \(9\d%\)/ },
    { test: 'quota-deployment-fits', values: { ...shop, deployment: 'report-worker' }, outcome: 'anomaly', finding: /not one more pod fits/ },
    { test: 'quota-namespace-overview', values: shop, outcome: 'healthy' },
    { test: 'rbac-forbidden-events', values: shop, outcome: 'anomaly', finding: /ResourceQuota refuses/ },
    { test: 'events-reason-summary', values: shop, outcome: 'anomaly', finding: /FailedCreate ReplicaSet \d+/ },
    { test: 'events-warnings-namespace', values: shop, outcome: 'anomaly', finding: /exceeded quota/ },
  ],
  'api-oomkilled': [
    { test: 'autoscaling-pod-usage-vs-limits', values: shop, outcome: 'anomaly', finding: /api-\S+\/api .*memory=\d+Mi req=\S+ \(\d+%\) lim=\S+ \(9\d%\)/ },
    { test: 'events-backoff', values: shop, outcome: 'anomaly', finding: /crash-looping/ },
    { test: 'node-top-usage', outcome: 'healthy' },
  ],
  'dns-broken': [
    { test: 'control-plane-kube-system-pods', outcome: 'anomaly', finding: /coredns-\S+\s+Running\s+False/ },
    { test: 'events-warnings-cluster', outcome: 'anomaly', finding: /kube-system BackOff \d+/ },
    { test: 'node-not-ready', outcome: 'healthy' },
  ],
  'checkout-502': [
    { test: 'events-probe-failures', values: shop, outcome: 'anomaly', finding: /Readiness probe failed/ },
    { test: 'events-warnings-namespace', values: shop, outcome: 'anomaly', finding: /Unhealthy/ },
    { test: 'control-plane-readyz', outcome: 'healthy' },
  ],
};

const catalog = loadCatalog([builtinCatalogDir()]);
const byId = new Map(catalog.tests.map((t) => [t.id, t]));

describe.each(Object.entries(SCENARIOS))('platform tests against the practice scenario "%s"', (scenario, cases) => {
  let practice: Practice;

  beforeAll(async () => {
    practice = await startPractice(scenario);
  });
  afterAll(async () => {
    await practice.stop();
  });

  it.each(cases.map((c) => [`${c.test} ${JSON.stringify(c.values ?? {})} reads ${c.outcome}`, c] as const))('%s', async (_label, c) => {
    const test = byId.get(c.test);
    if (!test) throw new Error(`no test ${c.test} in the catalogue`);
    const reading = await runAsHunch(test, c.values ?? {}, practice.env);
    const seen = { outcome: reading.outcome, finding: reading.finding, stdout: reading.stdout.slice(0, 800), stderr: reading.stderr.slice(0, 400) };
    expect(seen.outcome, `${reading.display}\n${JSON.stringify(seen, null, 2)}`).toBe(c.outcome);
    if (c.finding) expect(reading.finding).toMatch(c.finding);
  }, 60_000);
});
