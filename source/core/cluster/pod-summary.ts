import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { ContainerSummary, Health, ObjectSummary } from './inventory.js';

/** A restart within this window makes a running pod worth a look. */
const RECENT_RESTART_MS = 60 * 60 * 1000;

/** What discovery keeps of a pod: its state in words, its containers, its owner and node. */
export function summarizePod(pod: V1Pod, now: Date): ObjectSummary {
  const labels = pod.metadata?.labels ?? {};
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const initStatuses = new Map((pod.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
  const containers: ContainerSummary[] = [
    ...(pod.spec?.initContainers ?? []).map((c) => containerSummary(c.name, c.image ?? '', true, initStatuses.get(c.name), c.ports)),
    ...(pod.spec?.containers ?? []).map((c) => containerSummary(c.name, c.image ?? '', false, statuses.get(c.name), c.ports)),
  ];
  const restarts = containers.reduce((sum, c) => sum + c.restarts, 0);
  return {
    kind: 'pod',
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    labels,
    images: containers.map((c) => c.image).filter((i) => i !== ''),
    health: podHealth(pod, now),
    owner: podOwner(pod),
    containers,
    node: pod.spec?.nodeName || undefined,
    restarts,
  };
}

function containerSummary(name: string, image: string, init: boolean, status: V1ContainerStatus | undefined, ports: { containerPort: number }[] | undefined): ContainerSummary {
  const reason = status?.state?.waiting?.reason ?? status?.state?.terminated?.reason ?? status?.lastState?.terminated?.reason;
  return { name, image, init, ready: status?.ready ?? false, restarts: status?.restartCount ?? 0, reason: reason || undefined, ports: (ports ?? []).map((p) => p.containerPort) };
}

/**
 * A pod's state in words, graded: failing (pending, failed, waiting in a back-off, not ready),
 * worth a look (running but restarted within the hour), or fine.
 */
export function podHealth(pod: V1Pod, now: Date): Health {
  const phase = pod.status?.phase ?? 'Unknown';
  const statuses = pod.status?.containerStatuses ?? [];
  const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
  const restartNote = restarts > 0 ? `${restarts} restart${restarts === 1 ? '' : 's'}` : '';
  const last = lastTermination(statuses, now);
  if (pod.metadata?.deletionTimestamp) return { severity: 2, summary: 'Terminating' };
  if (phase === 'Succeeded') return { severity: 0, summary: 'Completed' };
  if (phase === 'Failed') return { severity: 2, summary: join(`Failed${pod.status?.reason ? `: ${pod.status.reason}` : ''}`, restartNote) };
  const waiting = [...(pod.status?.initContainerStatuses ?? []), ...statuses].map((s) => s.state?.waiting?.reason).find((r) => r);
  if (phase === 'Pending') {
    const unscheduled = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False');
    return { severity: 2, summary: `Pending: ${waiting ?? unscheduled?.reason ?? 'not started'}` };
  }
  const total = statuses.length;
  const ready = statuses.filter((s) => s.ready).length;
  if (waiting) return { severity: 2, summary: join(waiting, restartNote, last?.text) };
  if (phase !== 'Running') return { severity: 2, summary: join(phase, restartNote) };
  if (total > 0 && ready < total) return { severity: 2, summary: join(`Running, ${ready}/${total} ready`, restartNote, last?.text) };
  if (restarts > 0 && (last === undefined || last.recent)) return { severity: 1, summary: join('Running', restartNote, last?.text) };
  return { severity: 0, summary: join('Running', restartNote) };
}

/** The most recent termination among the containers: "last OOMKilled 7m ago". */
function lastTermination(statuses: V1ContainerStatus[], now: Date): { text: string; recent: boolean } | undefined {
  const ended = statuses
    .map((s) => s.lastState?.terminated)
    .filter((t): t is NonNullable<typeof t> => t !== undefined)
    .sort((a, b) => time(b.finishedAt) - time(a.finishedAt))[0];
  if (!ended) return undefined;
  const at = time(ended.finishedAt);
  const reason = ended.reason ?? `exit ${ended.exitCode}`;
  if (at === 0) return { text: `last ${reason}`, recent: true };
  return { text: `last ${reason} ${ago(now.getTime() - at)}`, recent: now.getTime() - at < RECENT_RESTART_MS };
}

/** The workload a pod belongs to; a ReplicaSet's pods belong to its Deployment. */
function podOwner(pod: V1Pod): { kind: string; name: string } | undefined {
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  if (!owner) return undefined;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  return { kind: owner.kind, name: owner.name };
}

function time(value: Date | string | undefined): number {
  if (!value) return 0;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** "42s ago", "7m ago", "3h ago", "2d ago". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join(', ');
}
