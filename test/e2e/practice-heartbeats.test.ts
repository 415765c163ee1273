import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/core/practice/scenario/load.js';
import { startPracticeCluster } from '../../source/core/practice/start.js';
import { kubectl, type Practice } from '../helpers/practice.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A live cluster keeps renewing its heartbeats; the practice cluster's times are fixed when it
 * starts. Ten minutes into a session, a healthy cluster must still look healthy to the real
 * kubectl, and a dead node must still look dead (older, as on a real cluster).
 */
const SCENARIO = `name: heartbeats
title: One live node, one dead
report: For the heartbeat test.
context:
  namespace: default
objects:
  - apiVersion: v1
    kind: Node
    metadata: {name: alive}
    status:
      conditions:
      - {type: MemoryPressure, status: 'False', lastHeartbeatTime: 20s ago, lastTransitionTime: 62d ago}
      - {type: Ready, status: 'True', lastHeartbeatTime: 20s ago, lastTransitionTime: 62d ago}
  - apiVersion: v1
    kind: Node
    metadata: {name: dead}
    status:
      conditions:
      - {type: Ready, status: Unknown, lastHeartbeatTime: 5m ago, lastTransitionTime: 4m ago}
  - apiVersion: coordination.k8s.io/v1
    kind: Lease
    metadata: {name: alive, namespace: kube-node-lease}
    spec: {holderIdentity: alive, leaseDurationSeconds: 40, renewTime: 4s ago}
  - apiVersion: coordination.k8s.io/v1
    kind: Lease
    metadata: {name: dead, namespace: kube-node-lease}
    spec: {holderIdentity: dead, leaseDurationSeconds: 40, renewTime: 5m ago}
`;

const LATER_MS = 10 * 60_000;
const clusters: Practice[] = [];
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((c) => c.stop()));
});

async function startLater(): Promise<{ practice: Practice; now: () => number }> {
  const loaded = loadScenario(tempDir({ 'heartbeats.yaml': SCENARIO }), 'heartbeats');
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.problems));
  // The server's clock runs ten minutes ahead of the one it started by.
  const now = () => Date.now() + LATER_MS;
  const cluster = await startPracticeCluster({ scenario: loaded.scenario, now });
  const practice = { ...cluster, env: { KUBECONFIG: cluster.kubeconfigPath, KUBECACHEDIR: tempDir({}, 'hunch-kubecache-') } };
  clusters.push(practice);
  return { practice, now };
}

/** Seconds between the server's now and each row's time, by name, as kubectl shows them. */
async function agesOf(practice: Practice, now: () => number, args: string[]): Promise<Record<string, number[]>> {
  const result = await kubectl(practice, [...args, '--no-headers']);
  expect(result.stderr).toBe('');
  const ages: Record<string, number[]> = {};
  for (const line of result.stdout.trim().split('\n')) {
    const [name, times] = line.trim().split(/\s+/);
    ages[name ?? ''] = (times ?? '').split(',').map((t) => Math.round((now() - Date.parse(t)) / 1000));
  }
  return ages;
}

describe('the practice cluster ten minutes after it started', () => {
  it('shows the leases of live holders renewed as recently as the scenario says, and a dead one ten minutes older', async () => {
    const { practice, now } = await startLater();
    const ages = await agesOf(practice, now, ['get', 'leases', '-n', 'kube-node-lease', '-o', 'custom-columns=NAME:.metadata.name,RENEWED:.spec.renewTime']);
    expect(ages.alive?.[0]).toBeGreaterThanOrEqual(4);
    expect(ages.alive?.[0]).toBeLessThanOrEqual(6);
    expect(ages.dead?.[0]).toBeGreaterThanOrEqual(300 + 600);
    expect(ages.dead?.[0]).toBeLessThanOrEqual(300 + 600 + 2);
  });

  it('shows the condition heartbeats of a Ready node as fresh, and a node that stopped reporting as silent since', async () => {
    const { practice, now } = await startLater();
    const ages = await agesOf(practice, now, ['get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,BEATS:.status.conditions[*].lastHeartbeatTime']);
    expect(ages.alive).toHaveLength(2);
    for (const age of ages.alive ?? []) expect(age).toBeGreaterThanOrEqual(20), expect(age).toBeLessThanOrEqual(22);
    expect(ages.dead?.[0]).toBeGreaterThanOrEqual(300 + 600);
  });
});
