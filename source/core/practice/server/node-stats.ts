import { list, text, type KubeObject } from '../objects.js';
import type { PracticeContext } from './context.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const NODE_DISK = 100 * GIB;

/**
 * What the kubelet's /stats/summary would report for a node: its root filesystem and each pod's
 * ephemeral storage (writable layers, logs, emptyDir volumes). Scenarios record no disk figures,
 * so the numbers are modest and fixed: the endpoint answers as a healthy node would.
 */
export function nodeStatsSummary(context: PracticeContext, node: KubeObject): object {
  const pods = context.store.ofKind('Pod').filter((pod) => text(pod, 'spec', 'nodeName') === node.metadata.name);
  const podStats = pods.map((pod) => {
    const containers = list<{ name: string }>(pod, 'spec', 'containers').map((c) => ({ name: c.name, rootfs: { usedBytes: 40 * MIB }, logs: { usedBytes: 12 * MIB } }));
    const volumes = list<{ name: string; emptyDir?: unknown }>(pod, 'spec', 'volumes')
      .filter((v) => v.emptyDir !== undefined)
      .map((v) => ({ name: v.name, usedBytes: 8 * MIB }));
    const used = containers.reduce((sum, c) => sum + c.rootfs.usedBytes + c.logs.usedBytes, 0) + volumes.reduce((sum, v) => sum + v.usedBytes, 0);
    return {
      podRef: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      containers,
      volume: volumes,
      'ephemeral-storage': { usedBytes: used, capacityBytes: NODE_DISK, availableBytes: NODE_DISK - used },
    };
  });
  const podBytes = podStats.reduce((sum, p) => sum + p['ephemeral-storage'].usedBytes, 0);
  const used = 18 * GIB + podBytes;
  return {
    node: {
      nodeName: node.metadata.name,
      fs: { availableBytes: NODE_DISK - used, capacityBytes: NODE_DISK, usedBytes: used, inodesFree: 5_800_000, inodes: 6_500_000, inodesUsed: 700_000 },
    },
    pods: podStats,
  };
}
