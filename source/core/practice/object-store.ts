import type { ApiTypes } from './api/api-types.js';
import type { ResourceType } from './api/resource-types.js';
import type { KubeObject } from './objects.js';
import type { Heartbeats } from './renewals.js';

function typeKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${type.group}/${type.plural}`;
}

/** The practice cluster's objects, indexed by resource and sorted by namespace and name as etcd keys are. */
export class ObjectStore {
  private readonly byType = new Map<string, KubeObject[]>();
  readonly resourceVersion: string;

  constructor(
    objects: readonly KubeObject[],
    readonly types: ApiTypes,
    /** Heartbeats renewed to their starting age before every read, by this clock. */
    private readonly live?: { heartbeats: Heartbeats; now: () => number },
  ) {
    for (const object of objects) {
      const type = types.ofObject(object);
      if (!type) continue;
      const key = typeKey(type);
      const bucket = this.byType.get(key) ?? [];
      bucket.push(object);
      this.byType.set(key, bucket);
    }
    for (const bucket of this.byType.values()) {
      bucket.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
    }
    this.resourceVersion = String(Math.max(1000, ...objects.map((o) => Number(o.metadata.resourceVersion ?? 0))));
  }

  /** Objects of a type, in one namespace or all of them. */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    this.live?.heartbeats.renew(this.live.now());
    const all = this.byType.get(typeKey(type)) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.list(type, type.namespaced ? namespace : undefined).find((o) => o.metadata.name === name);
  }

  /** Every object of a kind (by kind name alone), for lookups across groups such as events' targets. */
  ofKind(kind: string): KubeObject[] {
    this.live?.heartbeats.renew(this.live.now());
    return [...this.byType.values()].flat().filter((o) => o.kind === kind);
  }
}
