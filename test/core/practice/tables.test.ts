import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../source/core/practice/objects.js';
import { humanDuration } from '../../../source/core/practice/table/format.js';
import { podStatusSummary } from '../../../source/core/practice/table/pod-printer.js';

const now = Date.parse('2026-01-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

function pod(status: Record<string, unknown>, spec: Record<string, unknown> = { containers: [{ name: 'app' }] }): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, status };
}

describe('AGE like kubectl', () => {
  it.each([
    [45_000, '45s'],
    [200_000, '3m20s'],
    [3_600_000 * 5 + 600_000, '5h10m'],
    [86_400_000 * 2 + 3_600_000 * 3, '2d3h'],
    [86_400_000 * 120, '120d'],
    [86_400_000 * 760, '2y30d'],
  ])('%i ms is %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('pod STATUS, READY and RESTARTS', () => {
  it('a crash-looping container wins over the Running phase, restarts show when they happened', () => {
    const summary = podStatusSummary(
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: ago(120_000) } } }] }),
      now,
    );
    expect(summary).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '7 (2m ago)' });
  });

  it('a running but unready container keeps Running and counts as not ready', () => {
    expect(podStatusSummary(pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { running: {} } }] }), now)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
  });

  it('a failing init container shows as Init:<reason>', () => {
    const spec = { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] };
    const status = { phase: 'Pending', initContainerStatuses: [{ name: 'migrate', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }], containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }] };
    expect(podStatusSummary(pod(status, spec), now).status).toBe('Init:CrashLoopBackOff');
  });

  it('a pod being deleted is Terminating', () => {
    const p = pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: { running: {} } }] });
    p.metadata.deletionTimestamp = ago(10_000);
    expect(podStatusSummary(p, now).status).toBe('Terminating');
  });
});
