import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { CallOptions, ClusterApis, ClusterClient } from './cluster-client.js';
import type { ClusterFailure } from './failure.js';
import { ALL_NAMESPACES, Inventory, type ClusterListings, type Listing, type NamespacedKind, type ObjectSummary, type ScopeListings } from './inventory.js';
import {
  judgeServices,
  summarizeCrd,
  summarizeCronJob,
  summarizeDaemonSet,
  summarizeDeployment,
  summarizeIngress,
  summarizeJob,
  summarizeNamed,
  summarizeNamespace,
  summarizeNode,
  summarizePvc,
  summarizeService,
  summarizeStatefulSet,
} from './object-summary.js';
import { summarizePod } from './pod-summary.js';

/** Asks the server for object metadata only: hunch needs Secret names, never their data. */
const METADATA_ONLY = { Accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json' };

type ListCall = (apis: ClusterApis, options: CallOptions) => Promise<{ items: unknown[] }>;

/** How to list one kind in one namespace or in all of them, and how to summarise each item. */
type KindLister = {
  resource: string;
  inNamespace: (namespace: string) => ListCall;
  everywhere: ListCall;
  summarize: (item: never, now: Date) => ObjectSummary;
  metadataOnly?: boolean;
};

const LISTERS: Record<NamespacedKind, KindLister> = {
  pod: {
    resource: 'pods',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedPod({ namespace }, o),
    everywhere: (a, o) => a.core.listPodForAllNamespaces({}, o),
    summarize: summarizePod as KindLister['summarize'],
  },
  deployment: {
    resource: 'deployments.apps',
    inNamespace: (namespace) => (a, o) => a.apps.listNamespacedDeployment({ namespace }, o),
    everywhere: (a, o) => a.apps.listDeploymentForAllNamespaces({}, o),
    summarize: summarizeDeployment as KindLister['summarize'],
  },
  statefulset: {
    resource: 'statefulsets.apps',
    inNamespace: (namespace) => (a, o) => a.apps.listNamespacedStatefulSet({ namespace }, o),
    everywhere: (a, o) => a.apps.listStatefulSetForAllNamespaces({}, o),
    summarize: summarizeStatefulSet as KindLister['summarize'],
  },
  daemonset: {
    resource: 'daemonsets.apps',
    inNamespace: (namespace) => (a, o) => a.apps.listNamespacedDaemonSet({ namespace }, o),
    everywhere: (a, o) => a.apps.listDaemonSetForAllNamespaces({}, o),
    summarize: summarizeDaemonSet as KindLister['summarize'],
  },
  job: {
    resource: 'jobs.batch',
    inNamespace: (namespace) => (a, o) => a.batch.listNamespacedJob({ namespace }, o),
    everywhere: (a, o) => a.batch.listJobForAllNamespaces({}, o),
    summarize: summarizeJob as KindLister['summarize'],
  },
  cronjob: {
    resource: 'cronjobs.batch',
    inNamespace: (namespace) => (a, o) => a.batch.listNamespacedCronJob({ namespace }, o),
    everywhere: (a, o) => a.batch.listCronJobForAllNamespaces({}, o),
    summarize: summarizeCronJob as KindLister['summarize'],
  },
  service: {
    resource: 'services',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedService({ namespace }, o),
    everywhere: (a, o) => a.core.listServiceForAllNamespaces({}, o),
    summarize: summarizeService as KindLister['summarize'],
  },
  ingress: {
    resource: 'ingresses.networking.k8s.io',
    inNamespace: (namespace) => (a, o) => a.networking.listNamespacedIngress({ namespace }, o),
    everywhere: (a, o) => a.networking.listIngressForAllNamespaces({}, o),
    summarize: summarizeIngress as KindLister['summarize'],
  },
  pvc: {
    resource: 'persistentvolumeclaims',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedPersistentVolumeClaim({ namespace }, o),
    everywhere: (a, o) => a.core.listPersistentVolumeClaimForAllNamespaces({}, o),
    summarize: summarizePvc as KindLister['summarize'],
  },
  configmap: {
    resource: 'configmaps',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedConfigMap({ namespace }, o),
    everywhere: (a, o) => a.core.listConfigMapForAllNamespaces({}, o),
    summarize: ((item: { metadata?: V1ObjectMeta }) => summarizeNamed('configmap', item.metadata)) as KindLister['summarize'],
    metadataOnly: true,
  },
  'secret-name': {
    resource: 'secrets',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedSecret({ namespace }, o),
    everywhere: (a, o) => a.core.listSecretForAllNamespaces({}, o),
    // Only the name and type are kept, whatever the server sent.
    summarize: ((item: { metadata?: V1ObjectMeta; type?: string }) => summarizeNamed('secret-name', item.metadata, item.type ?? '')) as KindLister['summarize'],
    metadataOnly: true,
  },
  serviceaccount: {
    resource: 'serviceaccounts',
    inNamespace: (namespace) => (a, o) => a.core.listNamespacedServiceAccount({ namespace }, o),
    everywhere: (a, o) => a.core.listServiceAccountForAllNamespaces({}, o),
    summarize: ((item: { metadata?: V1ObjectMeta }) => summarizeNamed('serviceaccount', item.metadata)) as KindLister['summarize'],
  },
};

/** Failures that mean the cluster as a whole cannot be talked to: no point trying more lists. */
const FATAL = new Set<ClusterFailure['kind']>(['unreachable', 'tls', 'unauthorized', 'timeout', 'credentials', 'kubeconfig', 'cancelled']);

export function isFatal(failure: ClusterFailure | undefined): failure is ClusterFailure {
  return failure !== undefined && FATAL.has(failure.kind);
}

export type DiscoveryOptions = { signal?: AbortSignal | undefined; now?: () => Date };

/**
 * Discovery of one context: namespaces, nodes and CRDs, plus the namespaced objects of `scope`
 * (a namespace, or '*' for all of them), every list in parallel. A forbidden list leaves a gap
 * with its reason; an unreachable server, a rejected token or a timeout fail the whole discovery.
 */
export async function discoverCluster(client: ClusterClient, scope: string, options: DiscoveryOptions = {}): Promise<{ inventory: Inventory; failure?: ClusterFailure | undefined }> {
  const now = options.now?.() ?? new Date();
  const [namespaces, nodes, crds, listings] = await Promise.all([
    list(client, 'list namespaces', (a, o) => a.core.listNamespace({}, o), summarizeNamespace as never, options.signal),
    list(client, 'list nodes', (a, o) => a.core.listNode({}, o), summarizeNode as never, options.signal),
    list(client, 'list customresourcedefinitions', (a, o) => a.extensions.listCustomResourceDefinition({}, o), summarizeCrd as never, options.signal),
    discoverScope(client, scope, { ...options, now: () => now }),
  ]);
  const cluster: ClusterListings = { namespaces, nodes, crds } as ClusterListings;
  const inventory = new Inventory(client.context, cluster, now);
  inventory.addScope(scope, listings);
  const failures = [namespaces.failure, nodes.failure, crds.failure, ...Object.values(listings).map((l) => l.failure)];
  // One fatal failure everywhere is the cluster's state; a mix means some lists simply were not allowed.
  const fatal = failures.every((f) => isFatal(f)) ? failures[0] : undefined;
  return { inventory, failure: fatal };
}

/** The namespaced objects of one namespace (or '*'), every kind in parallel. */
export async function discoverScope(client: ClusterClient, scope: string, options: DiscoveryOptions = {}): Promise<ScopeListings> {
  const now = options.now?.() ?? new Date();
  const everywhere = scope === ALL_NAMESPACES;
  const kinds = Object.keys(LISTERS) as NamespacedKind[];
  const results = await Promise.all(
    kinds.map((kind) => {
      const lister = LISTERS[kind];
      const what = `list ${lister.resource} ${everywhere ? 'in all namespaces' : `in ${scope}`}`;
      const call = everywhere ? lister.everywhere : lister.inNamespace(scope);
      return list(client, what, call, (item) => lister.summarize(item as never, now), options.signal, lister.metadataOnly ? METADATA_ONLY : undefined);
    }),
  );
  const listings = Object.fromEntries(kinds.map((kind, i) => [kind, results[i] as Listing<ObjectSummary>])) as ScopeListings;
  // Services are judged by their pods only when the pods could be listed.
  if (!listings.pod.failure) listings.service = { ...listings.service, items: judgeServices(listings.service.items, listings.pod.items) };
  return listings;
}

/** Pods of every namespace, alone: one list call, for namespace suggestions. */
export function discoverPodsEverywhere(client: ClusterClient, options: DiscoveryOptions = {}): Promise<Listing<ObjectSummary>> {
  const now = options.now?.() ?? new Date();
  return list(client, 'list pods in all namespaces', LISTERS.pod.everywhere, (item) => LISTERS.pod.summarize(item as never, now), options.signal);
}

async function list<T>(
  client: ClusterClient,
  what: string,
  call: ListCall,
  summarize: (item: unknown) => T,
  signal: AbortSignal | undefined,
  headers?: Readonly<Record<string, string>>,
): Promise<Listing<T>> {
  const result = await client.call(what, call, { signal, headers });
  if (!result.ok) return { items: [], failure: result.failure };
  return { items: result.value.items.map(summarize) };
}
