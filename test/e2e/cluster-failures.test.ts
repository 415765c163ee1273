import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../source/core/catalog/schema.js';
import { loadKubeClient } from '../../source/core/cluster/kube-config.js';
import type { ClusterService } from '../../source/core/cluster/cluster-service.js';
import { replyJson, startHttpsServer } from '../helpers/http-server.js';
import { makeTlsFixtures, type TlsFixtures } from '../helpers/tls-fixtures.js';
import { closedPort, clusterServiceFor, discoveryFinished, silentServer, statusServer, writeKubeconfig, type FaultServer } from '../core/cluster/fault-servers.js';

// Each way a cluster can fail hunch, against a real socket: one clear line, free-text
// parameters, access "unknown", and never a hang or an exception.
const namespaceSpec: ParamSpec = { name: 'namespace', type: 'namespace' };
const podSpec: ParamSpec = { name: 'pod', type: 'pod', dependsOn: 'namespace' };
const specs = [namespaceSpec, podSpec];
const podNeeds = [{ verb: 'get', resource: 'pods', group: '', namespaced: true }];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function serviceAt(url: string, timeoutMs = 1500, caFile?: string): ClusterService {
  const service = clusterServiceFor(writeKubeconfig(url, { namespace: 'shop', ...(caFile ? { caFile } : {}) }), { timeoutMs });
  cleanups.push(() => service.dispose());
  return service;
}

function track<T extends FaultServer>(server: T): T {
  cleanups.push(() => server.close());
  return server;
}

describe('when the cluster cannot be used', () => {
  // The client library loads once per process; load it before timing anything.
  beforeAll(async () => {
    await loadKubeClient();
  }, 60_000);

  it('an unreachable port: "connection refused" at once, free-text parameters', async () => {
    const service = serviceAt(await closedPort());
    const started = Date.now();
    await discoveryFinished(service);
    expect(Date.now() - started).toBeLessThan(1500);
    const { discovery } = service.state();
    expect(discovery).toEqual({ status: 'failed', failure: { kind: 'unreachable', message: expect.stringMatching(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/) } });
    // The current namespace is still offered; pods are typed by hand.
    const namespaces = await service.suggest({ spec: namespaceSpec, specs, values: {} });
    expect(namespaces.values).toEqual([{ value: 'shop', note: 'current' }]);
    expect(namespaces.reason).toMatch(/connection refused/);
    const pods = await service.suggest({ spec: podSpec, specs, values: { namespace: 'shop' } });
    expect(pods).toEqual({ values: [], reason: expect.stringMatching(/^cannot reach/) });
    expect(await service.checkAccess(podNeeds, 'shop')).toEqual({ state: 'unknown', reason: expect.stringMatching(/^cannot reach/) });
  });

  it('a server that accepts connections and never answers: a timeout, not a hang', async () => {
    const server = track(await silentServer());
    const service = serviceAt(server.url, 1000);
    const started = Date.now();
    await discoveryFinished(service);
    const took = Date.now() - started;
    expect(server.connections()).toBeGreaterThan(0);
    expect(took).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(6000);
    expect(service.state().discovery).toEqual({ status: 'failed', failure: { kind: 'timeout', message: expect.stringMatching(/did not answer in time/) } });
    const pods = await service.suggest({ spec: podSpec, specs, values: { namespace: 'shop' } });
    expect(pods.reason).toMatch(/did not answer in time/);
    expect(await service.checkAccess(podNeeds, 'shop')).toMatchObject({ state: 'unknown' });
  });

  it('a caller who gives up is not kept waiting by a silent server', async () => {
    const server = track(await silentServer());
    const service = serviceAt(server.url, 20_000);
    const abort = new AbortController();
    const asked = service.suggest({ spec: podSpec, specs, values: { namespace: 'shop' }, signal: abort.signal });
    setTimeout(() => abort.abort(), 100);
    const started = Date.now();
    await asked;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('403 on every list: the lists are gaps with the reason, discovery itself stands', async () => {
    const server = track(await statusServer(403, 'Forbidden', 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "shop"'));
    const service = serviceAt(server.url);
    await discoveryFinished(service);
    expect(service.state().discovery.status).toBe('ready');
    const pods = await service.suggest({ spec: podSpec, specs, values: { namespace: 'shop' } });
    expect(pods).toEqual({ values: [], reason: 'forbidden: you may not list pods in shop (pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "shop")', loadedAt: expect.any(Date) });
    // Namespaces cannot be listed either: the ones hunch knows of, with the reason.
    const namespaces = await service.suggest({ spec: namespaceSpec, specs, values: {} });
    expect(namespaces.values.map((v) => v.value)).toEqual(['shop']);
    expect(namespaces.reason).toMatch(/^forbidden: you may not list namespaces/);
    expect(await service.checkAccess(podNeeds, 'shop')).toEqual({ state: 'unknown', reason: expect.stringMatching(/^forbidden: you may not check access/) });
  });

  it('401 (an expired token): one line that says to log in again', async () => {
    const server = track(await statusServer(401, 'Unauthorized', 'Unauthorized'));
    const service = serviceAt(server.url);
    await discoveryFinished(service);
    expect(service.state().discovery).toEqual({
      status: 'failed',
      failure: { kind: 'unauthorized', message: `${server.url} rejected the credentials of context "test" (401 Unauthorized): the token may have expired; log in again` },
    });
    expect((await service.suggest({ spec: podSpec, specs, values: { namespace: 'shop' } })).reason).toMatch(/401 Unauthorized/);
  });

  it('switching namespace while offline is allowed, with a note that it was not checked', async () => {
    const service = serviceAt(await closedPort());
    await discoveryFinished(service);
    expect(await service.selectNamespace('payments')).toEqual({ ok: true, message: expect.stringMatching(/^namespace payments \(not checked: cannot reach/) });
    expect(service.state().namespace).toBe('payments');
    expect(await service.selectNamespace('Not_A_Name')).toEqual({ ok: false, message: expect.stringMatching(/is not a namespace name/) });
  });
});

describe('TLS to the API server', () => {
  let tls: TlsFixtures;
  beforeAll(async () => {
    tls = makeTlsFixtures();
    await loadKubeClient();
  }, 60_000);

  const forbidAll = replyJson(403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'forbidden', reason: 'Forbidden', code: 403 });

  it("an expired server certificate is named as such", async () => {
    const server = track(await startHttpsServer({ cert: tls.expired.cert, key: tls.expired.key }));
    const service = serviceAt(server.url.replace('127.0.0.1', 'localhost'), 1500, tls.caFile);
    await discoveryFinished(service);
    expect(service.state().discovery).toEqual({ status: 'failed', failure: { kind: 'tls', message: expect.stringMatching(/^TLS with https:\/\/localhost:\d+ failed: the server's certificate has expired$/) } });
  });

  it('a self-signed certificate the kubeconfig does not trust is named as such', async () => {
    const server = track(await startHttpsServer({ cert: tls.selfSigned.cert, key: tls.selfSigned.key }));
    const service = serviceAt(server.url.replace('127.0.0.1', 'localhost'), 1500, tls.caFile);
    await discoveryFinished(service);
    expect(service.state().discovery).toMatchObject({ status: 'failed', failure: { kind: 'tls', message: expect.stringMatching(/self-signed certificate/) } });
  });

  it("the kubeconfig's certificate authority is trusted: the server is reached", async () => {
    const server = track(await startHttpsServer({ cert: tls.valid.cert, key: tls.valid.key }, { '/api/v1/namespaces': forbidAll }));
    const service = serviceAt(server.url.replace('127.0.0.1', 'localhost'), 1500, tls.caFile);
    await discoveryFinished(service);
    const namespaces = await service.suggest({ spec: namespaceSpec, specs, values: {} });
    expect(namespaces.reason).toMatch(/^forbidden: you may not list namespaces/);
  });
});
