import { existsSync, readFileSync } from 'node:fs';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import type { ClusterFailure, ClusterResult } from './failure.js';
import { kubeconfigProblem } from './kubeconfig-files.js';

export type KubeClientModule = typeof import('@kubernetes/client-node');

let loading: Promise<KubeClientModule> | undefined;

/**
 * @kubernetes/client-node takes from a fraction of a second to several seconds to load, so it is
 * imported once, on the first cluster call, never for `hunch search` or the TUI's first frame.
 */
export function loadKubeClient(): Promise<KubeClientModule> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}

/** Where the kubeconfig comes from and what the flags ask for, as kubectl reads them. */
export type KubeconfigRequest = {
  /** The files in kubectl's order: --kubeconfig, else every file of KUBECONFIG, else ~/.kube/config. */
  files: readonly string[];
  /** True for --kubeconfig: that file must exist. Files listed in KUBECONFIG may be missing. */
  explicit?: boolean | undefined;
  /** --context, else the merged current-context. */
  context?: string | undefined;
};

/** A kubeconfig loaded by client-node with one context chosen. */
export type LoadedKubeconfig = {
  config: KubeConfig;
  context: string;
  /** The context's own namespace, if it names one. */
  contextNamespace?: string | undefined;
  server: string;
  contexts: string[];
};

/**
 * Loads and merges the kubeconfig files as kubectl does (the first file to name a cluster, user or
 * context wins, and the first current-context wins) and selects a context. A missing, unparsable
 * or incomplete kubeconfig is a failure value with one line, never an exception.
 */
export async function loadKubeconfig(request: KubeconfigRequest): Promise<ClusterResult<LoadedKubeconfig>> {
  const present = request.files.filter((file) => existsSync(file));
  if (request.explicit && present.length === 0) return failed('kubeconfig', `${request.files[0] ?? 'the kubeconfig'}: no such file`);
  if (present.length === 0) return failed('no-kubeconfig', `no kubeconfig found (${request.files.join(', ') || '~/.kube/config'})`);

  const k8s = await loadKubeClient();
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let current: string | undefined;
  for (const file of present) {
    const one = new k8s.KubeConfig();
    try {
      // An empty file is an empty kubeconfig to kubectl, and a crash to the YAML reader.
      if (readFileSync(file, 'utf8').trim() === '') continue;
      // An entry missing a field is skipped, as kubectl skips what it cannot use.
      one.loadFromFile(file, { onInvalidEntry: 'filter' });
    } catch (error) {
      return failed('kubeconfig', kubeconfigProblem(file, error));
    }
    for (const cluster of one.clusters ?? []) if (!clusters.has(cluster.name)) clusters.set(cluster.name, plainHttpAllowed(cluster));
    for (const user of one.users ?? []) if (!users.has(user.name)) users.set(user.name, user);
    for (const context of one.contexts ?? []) if (!contexts.has(context.name)) contexts.set(context.name, context);
    current ??= one.currentContext || undefined;
  }

  const name = request.context ?? current;
  const names = [...contexts.keys()];
  if (!name) return failed('kubeconfig', `the kubeconfig sets no current context; pass --context (contexts: ${names.join(', ') || 'none'})`);
  const context = contexts.get(name);
  if (!context) return failed('kubeconfig', `context "${name}" is not in the kubeconfig (contexts: ${names.join(', ') || 'none'})`);
  const cluster = clusters.get(context.cluster);
  if (!cluster) return failed('kubeconfig', `context "${name}" names cluster "${context.cluster}", which the kubeconfig does not define`);

  const config = new k8s.KubeConfig();
  config.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext: name });
  return { ok: true, value: { config, context: name, contextNamespace: context.namespace || undefined, server: cluster.server, contexts: names } };
}

/**
 * client-node refuses a plain http:// server unless TLS checks are off; kubectl simply talks HTTP
 * (`kubectl proxy`, the practice cluster). With no TLS there is nothing to verify, so say so.
 */
function plainHttpAllowed(cluster: Cluster): Cluster {
  return cluster.server.startsWith('http:') && !cluster.skipTLSVerify ? { ...cluster, skipTLSVerify: true } : cluster;
}

function failed(kind: ClusterFailure['kind'], message: string): ClusterResult<never> {
  return { ok: false, failure: { kind, message } };
}
