import { list, num, text, type KubeObject } from './objects.js';
import { rfc3339 } from './scenario/relative-time.js';

/** A lease with no duration of its own is held this long between renewals (the kubelet's default). */
const DEFAULT_LEASE_MS = 40_000;

/**
 * The heartbeats a live cluster keeps renewing: each Lease renewed within its duration when the
 * cluster starts (node heartbeats, leader elections), and the condition heartbeats of every node
 * that is Ready. A scenario says "renewed 4s ago" once; without this, a healthy practice cluster
 * would look dead a minute into the session, since those times were fixed when it started. Stale
 * ones (a node whose kubelet stopped) are left alone and keep ageing, as on a real cluster.
 */
export function liveHeartbeats(objects: readonly KubeObject[], startedAt: number): Heartbeats {
  const beats: { holder: Record<string, unknown>; key: string; ageMs: number }[] = [];
  const ageOf = (value: unknown) => startedAt - Date.parse(String(value));
  for (const object of objects) {
    if (object.kind === 'Lease') {
      const spec = object.spec as Record<string, unknown> | undefined;
      const age = ageOf(spec?.renewTime);
      const duration = num(object, 'spec', 'leaseDurationSeconds') * 1000 || DEFAULT_LEASE_MS;
      if (spec && age >= 0 && age <= duration) beats.push({ holder: spec, key: 'renewTime', ageMs: age });
    } else if (object.kind === 'Node') {
      const conditions = list(object, 'status', 'conditions');
      if (!conditions.some((c) => text(c, 'type') === 'Ready' && text(c, 'status') === 'True')) continue;
      for (const condition of conditions) {
        const age = ageOf(condition.lastHeartbeatTime);
        if (age >= 0) beats.push({ holder: condition, key: 'lastHeartbeatTime', ageMs: age });
      }
    }
  }
  return {
    renew(now) {
      for (const beat of beats) beat.holder[beat.key] = rfc3339(now - beat.ageMs);
    },
  };
}

export type Heartbeats = {
  /** Sets every live heartbeat to the age it had when the cluster started, as of `now`. */
  renew(now: number): void;
};
