import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { imageMatches, labelMatches } from '../../../source/core/cluster/detect-components.js';
import { classifyFailure } from '../../../source/core/cluster/failure.js';
import { podHealth } from '../../../source/core/cluster/pod-summary.js';

const now = new Date('2026-11-28T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('recognising images', () => {
  it.each([
    ['postgres', 'postgres:16', true],
    ['postgres', 'docker.io/library/postgres@sha256:abc', true],
    ['postgres', 'registry.example.com:5000/mirror/postgres:16.4', true],
    ['postgres', 'prometheuscommunity/postgres-exporter:v0.15', false],
    ['postgres', 'bitnami/postgresql:15', false],
    ['bitnami/postgresql', 'docker.io/bitnami/postgresql:15.4.0-debian-11', true],
    ['registry.k8s.io/coredns', 'registry.k8s.io/coredns/coredns:v1.11.1', true],
    ['coredns/coredns', 'registry.k8s.io/coredns/coredns:v1.11.1', true],
    ['docker.io/istio/proxyv2', 'istio/proxyv2:1.22.0', true],
    ['redis', 'redis-stack-server:7', false],
  ])('%s vs %s: %s', (pattern, image, expected) => {
    expect(imageMatches(pattern, image)).toBe(expected);
  });

  it('matches labels by key and value, or by key alone', () => {
    const labels = { 'app.kubernetes.io/name': 'postgresql', 'istio.io/rev': 'stable' };
    expect(labelMatches('app.kubernetes.io/name=postgresql', labels)).toBe(true);
    expect(labelMatches('app.kubernetes.io/name=postgres', labels)).toBe(false);
    expect(labelMatches('istio.io/rev', labels)).toBe(true);
    expect(labelMatches('linkerd.io/control-plane-ns', labels)).toBe(false);
  });
});

describe("a pod's state in words", () => {
  const pod = (status: V1Pod['status'], metadata: V1Pod['metadata'] = {}): V1Pod => ({ metadata: { name: 'p', ...metadata }, status });

  it('crash-looping is failing, with restarts and the last termination', () => {
    const health = podHealth(
      pod({ phase: 'Running', containerStatuses: [{ name: 'a', image: 'x', imageID: '', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(3) } } }] }),
      now,
    );
    expect(health).toEqual({ severity: 2, summary: 'CrashLoopBackOff, 7 restarts, last OOMKilled 3m ago' });
  });

  it('running but restarted within the hour is worth a look; restarted days ago is fine', () => {
    const restarted = (minutes: number) =>
      podHealth(pod({ phase: 'Running', containerStatuses: [{ name: 'a', image: 'x', imageID: '', ready: true, restartCount: 2, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: minutesAgo(minutes) } } }] }), now);
    expect(restarted(20)).toEqual({ severity: 1, summary: 'Running, 2 restarts, last Error 20m ago' });
    expect(restarted(3 * 24 * 60)).toEqual({ severity: 0, summary: 'Running, 2 restarts' });
  });

  it('pending says why: an image pull back-off, or the scheduler', () => {
    expect(podHealth(pod({ phase: 'Pending', containerStatuses: [{ name: 'a', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] }), now)).toEqual({ severity: 2, summary: 'Pending: ImagePullBackOff' });
    expect(podHealth(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }), now)).toEqual({ severity: 2, summary: 'Pending: Unschedulable' });
  });

  it('not ready, terminating, failed and completed', () => {
    expect(podHealth(pod({ phase: 'Running', containerStatuses: [{ name: 'a', image: 'x', imageID: '', ready: false, restartCount: 0 }, { name: 'b', image: 'y', imageID: '', ready: true, restartCount: 0 }] }), now)).toEqual({ severity: 2, summary: 'Running, 1/2 ready' });
    expect(podHealth(pod({ phase: 'Running' }, { deletionTimestamp: now }), now)).toEqual({ severity: 2, summary: 'Terminating' });
    expect(podHealth(pod({ phase: 'Failed', reason: 'Evicted' }), now)).toEqual({ severity: 2, summary: 'Failed: Evicted' });
    expect(podHealth(pod({ phase: 'Succeeded' }), now)).toEqual({ severity: 0, summary: 'Completed' });
  });
});

describe('failures in one line', () => {
  const label = { what: 'list pods in shop', server: 'https://k8s.example.com', context: 'prod' };

  it('reads the HTTP status of an API answer', () => {
    expect(classifyFailure({ code: 401, body: { message: 'Unauthorized' } }, label)).toEqual({ kind: 'unauthorized', message: 'https://k8s.example.com rejected the credentials of context "prod" (401 Unauthorized): the token may have expired; log in again' });
    expect(classifyFailure({ code: 403, body: '{"kind":"Status","message":"pods is forbidden"}' }, label)).toEqual({ kind: 'forbidden', message: 'forbidden: you may not list pods in shop (pods is forbidden)' });
    expect(classifyFailure({ code: 500, body: 'etcdserver: leader changed\nmore' }, label)).toEqual({ kind: 'server', message: 'https://k8s.example.com answered 500 to list pods in shop: etcdserver: leader changed' });
  });

  it('reads network and TLS error codes', () => {
    expect(classifyFailure({ name: 'FetchError', code: 'ENOTFOUND', type: 'system', message: 'request failed' }, label).message).toBe('cannot reach https://k8s.example.com: the host name does not resolve');
    expect(classifyFailure({ name: 'FetchError', code: 'CERT_HAS_EXPIRED', type: 'system', message: 'x' }, label)).toEqual({ kind: 'tls', message: "TLS with https://k8s.example.com failed: the server's certificate has expired" });
  });

  it('tells a timeout from the caller giving up, and a credential plugin failure from both', () => {
    const aborted = { name: 'AbortError', message: 'aborted' };
    expect(classifyFailure(aborted, label, true).kind).toBe('timeout');
    expect(classifyFailure(aborted, label, false).kind).toBe('cancelled');
    expect(classifyFailure(new Error('exec: executable aws not found'), label)).toEqual({ kind: 'credentials', message: 'could not get credentials for context "prod": exec: executable aws not found' });
  });
});
