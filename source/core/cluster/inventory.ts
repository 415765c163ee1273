import type { ClusterFailure } from './failure.js';

/** The namespaced kinds discovery lists, named as the catalogue's parameter types name them. */
export const NAMESPACED_KINDS = [
  'pod',
  'deployment',
  'statefulset',
  'daemonset',
  'job',
  'cronjob',
  'service',
  'ingress',
  'pvc',
  'configmap',
  'secret-name',
  'serviceaccount',
] as const;
export type NamespacedKind = (typeof NAMESPACED_KINDS)[number];

/** How an object is doing: 2 failing, 1 worth a look (recent restarts), 0 fine. */
export type Health = { severity: 0 | 1 | 2; summary: string };

export type ContainerSummary = {
  name: string;
  image: string;
  init: boolean;
  ready: boolean;
  restarts: number;
  /** Waiting or terminated reason now (CrashLoopBackOff), else the last termination's (OOMKilled). */
  reason?: string | undefined;
  ports: number[];
};

/** What discovery keeps of a namespaced object: enough to suggest it, rank it and recognise it. */
export type ObjectSummary = {
  kind: NamespacedKind;
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  /** Container images of a pod or of a workload's pod template. */
  images: string[];
  health: Health;
  /** The workload a pod belongs to (a Deployment through its ReplicaSet). */
  owner?: { kind: string; name: string } | undefined;
  containers?: ContainerSummary[] | undefined;
  node?: string | undefined;
  /** A service's or workload's pod selector. */
  selector?: Readonly<Record<string, string>> | undefined;
  ports?: number[] | undefined;
  /** Ingress hosts and paths, as URLs. */
  urls?: string[] | undefined;
  restarts?: number | undefined;
};

export type NamespaceSummary = { name: string; phase: string };
export type NodeSummary = { name: string; health: Health };
export type CrdSummary = { name: string; group: string; kind: string };

/** One list call's answer: the items, or why there are none. */
export type Listing<T> = { items: T[]; failure?: ClusterFailure | undefined };

/** The namespaced objects of one scope: a namespace, or all of them ('*'). */
export type ScopeListings = Record<NamespacedKind, Listing<ObjectSummary>>;

/** Cluster-scoped lists. */
export type ClusterListings = {
  namespaces: Listing<NamespaceSummary>;
  nodes: Listing<NodeSummary>;
  crds: Listing<CrdSummary>;
};

export const ALL_NAMESPACES = '*';

/**
 * What discovery found in one context: cluster-scoped lists, and namespaced lists per scope
 * (the namespaces looked at so far, or '*' after an all-namespaces discovery).
 */
export class Inventory {
  private readonly scopes = new Map<string, ScopeListings>();
  /**
   * Pods of every namespace, listed on their own (without the other kinds) so namespace
   * suggestions can say where a component runs and which namespaces have failing pods.
   */
  private everywherePods: Listing<ObjectSummary> | undefined;

  constructor(
    readonly context: string,
    readonly cluster: ClusterListings,
    readonly loadedAt: Date,
  ) {}

  addScope(scope: string, listings: ScopeListings): void {
    this.scopes.set(scope, listings);
  }

  setPodsEverywhere(listing: Listing<ObjectSummary>): void {
    this.everywherePods = listing;
  }

  /** Every pod known in any namespace: from the scopes looked at and the all-namespaces pod list. */
  knownPods(): ObjectSummary[] {
    const fromScopes = this.objects('pod', ALL_NAMESPACES)?.items ?? [];
    return dedupe([...fromScopes, ...(this.everywherePods?.items ?? [])]);
  }

  /**
   * Whether a namespace's objects are known. An all-namespaces listing that was refused (a user
   * with rights in a few namespaces only, asked for -A) does not count: that namespace is listed
   * on its own instead.
   */
  hasScope(namespace: string): boolean {
    if (this.scopes.has(namespace)) return true;
    const all = this.scopes.get(ALL_NAMESPACES);
    return all !== undefined && !Object.values(all).some((listing) => listing.failure?.kind === 'forbidden');
  }

  /**
   * Objects of a kind in a namespace (every loaded namespace when `namespace` is '*'), or
   * undefined when that namespace was never listed.
   */
  objects(kind: NamespacedKind, namespace: string): Listing<ObjectSummary> | undefined {
    if (namespace === ALL_NAMESPACES) {
      const listings = [...this.scopes.values()].map((scope) => scope[kind]);
      if (listings.length === 0) return undefined;
      return { items: dedupe(listings.flatMap((l) => l.items)), failure: listings.find((l) => l.failure)?.failure };
    }
    const all = this.scopes.get(ALL_NAMESPACES)?.[kind];
    if (all && !all.failure) return { items: all.items.filter((o) => o.namespace === namespace) };
    const own = this.scopes.get(namespace)?.[kind];
    return own ?? (all ? { items: [], failure: all.failure } : undefined);
  }
}

function dedupe(items: ObjectSummary[]): ObjectSummary[] {
  const seen = new Set<string>();
  return items.filter((o) => {
    const key = `${o.namespace}/${o.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
