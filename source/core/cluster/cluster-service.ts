import type { Component, ParamSpec } from '../catalog/schema.js';
import { AccessChecker, type AccessNeed, type AccessVerdict } from './access-review.js';
import { ClusterClient } from './cluster-client.js';
import { detectComponents, type DetectedComponents } from './detect-components.js';
import { discoverCluster, discoverScope, discoverPodsEverywhere, isFatal } from './discover.js';
import type { ClusterFailure, ClusterResult } from './failure.js';
import { ALL_NAMESPACES, type Inventory } from './inventory.js';
import { needsNamespaceObjects, namespaceFor, suggestOffline, suggestValues, type SuggestionList } from './suggest-values.js';
import { untilSignal } from './wait.js';

/** Where discovery of the current context stands. */
export type DiscoveryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; loadedAt: Date; gaps: ClusterFailure[] }
  | { status: 'failed'; failure: ClusterFailure };

/** What the cluster looks like from here; a new object on every change, the same one otherwise. */
export type ClusterState = {
  context?: string | undefined;
  namespace: string;
  allNamespaces: boolean;
  production: boolean;
  discovery: DiscoveryState;
  detected: DetectedComponents;
};

export type ClusterServiceOptions = {
  /** The kubeconfig files in kubectl's order, and whether they came from --kubeconfig. */
  files: readonly string[];
  explicitKubeconfig?: boolean | undefined;
  /** The context and namespace chosen at start (flags, else the kubeconfig's). */
  context?: string | undefined;
  namespace: string;
  /** Contexts the kubeconfig defines and their namespaces, read without the client. */
  contexts: readonly { name: string; namespace?: string | undefined }[];
  /** -A: discovery and suggestions span every namespace. */
  allNamespaces?: boolean | undefined;
  components: readonly Component[];
  isProduction: (context: string | undefined) => boolean;
  recentNamespaces?: ((context: string | undefined) => string[]) | undefined;
  rememberNamespace?: ((namespace: string, context: string | undefined) => void) | undefined;
  timeoutMs?: number | undefined;
  now?: (() => Date) | undefined;
};

export type SuggestRequest = {
  spec: ParamSpec;
  specs: readonly ParamSpec[];
  values: Readonly<Record<string, string>>;
  component?: Component | undefined;
  signal?: AbortSignal | undefined;
  /** Drop what is cached for this context and ask the cluster again. */
  refresh?: boolean | undefined;
};

export type SwitchResult = { ok: true; message: string } | { ok: false; message: string };

/** What hunch holds about one context: its client, what discovery found, what access it has. */
type ContextCache = {
  client: Promise<ClusterResult<ClusterClient>>;
  abort: AbortController;
  discovery?: Promise<void>;
  done?: boolean;
  inventory?: Inventory;
  failure?: ClusterFailure;
  scopes: Map<string, Promise<void>>;
  /** The all-namespaces pod list, asked for once, when a namespace is first suggested. */
  everywhere?: Promise<void>;
  access: AccessChecker;
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The cluster as the TUI sees it: the chosen context and namespace, discovery in the background,
 * parameter suggestions, RBAC pre-checks and switching. Everything is cached per context for the
 * session (a refresh drops it); every failure ends as a one-line reason, never an exception.
 */
export class ClusterService {
  private state_: ClusterState;
  private readonly caches = new Map<string, ContextCache>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;
  private disposed = false;

  constructor(private readonly options: ClusterServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.state_ = {
      context: options.context,
      namespace: options.namespace,
      allNamespaces: options.allNamespaces ?? false,
      production: options.isProduction(options.context),
      discovery: { status: 'idle' },
      detected: new Map(),
    };
  }

  state(): ClusterState {
    return this.state_;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts discovery of the current context in the background (once per context; a context seen before shows what was found then). */
  start(): void {
    const cache = this.cache();
    if (cache.done) this.publish(cache);
    else void this.discovered(cache);
  }

  /** Forgets the current context's discovery and access answers and discovers again. */
  refresh(): Promise<void> {
    const key = this.key();
    const old = this.caches.get(key);
    old?.abort.abort();
    this.caches.delete(key);
    return this.discovered(this.cache());
  }

  /** Contexts to choose from: the client's view once loaded, the kubeconfig's YAML before. */
  contextNames(): string[] {
    return this.options.contexts.map((c) => c.name);
  }

  /** Waits for discovery (as long as the signal allows) and suggests values for one parameter. */
  async suggest(request: SuggestRequest): Promise<SuggestionList & { loadedAt?: Date | undefined }> {
    if (request.refresh) await this.refresh();
    const cache = this.cache();
    await untilSignal(this.discovered(cache), request.signal, undefined);
    const { namespace } = this.state_;
    const query = {
      spec: request.spec,
      specs: request.specs,
      values: request.values,
      namespace,
      component: request.component,
      recentNamespaces: this.options.recentNamespaces?.(this.state_.context) ?? [],
      context: this.state_.context,
      contexts: this.contextNames(),
    };
    if (!cache.inventory) return suggestOffline(query, cache.failure ?? { kind: 'timeout', message: 'the cluster has not answered yet' });
    if (cache.failure) return suggestOffline(query, cache.failure);
    const wanted = namespaceFor(query);
    if (needsNamespaceObjects(request.spec.type) && !cache.inventory.hasScope(wanted)) await untilSignal(this.scope(cache, wanted), request.signal, undefined);
    if (request.spec.type === 'namespace' && !this.state_.allNamespaces) await untilSignal(this.podsEverywhere(cache), request.signal, undefined);
    return { ...suggestValues(cache.inventory, query), loadedAt: cache.inventory.loadedAt };
  }

  /** What is already known about a test's access in a namespace, without asking. */
  peekAccess(needs: readonly AccessNeed[], namespace: string): AccessVerdict | undefined {
    const cache = this.caches.get(this.key());
    if (cache?.failure && isFatal(cache.failure)) return { state: 'unknown', reason: cache.failure.message };
    return cache?.access.peek(needs, namespace);
  }

  /**
   * Asks the cluster (SelfSubjectAccessReview) whether the needs are granted in a namespace. The
   * signal only stops the waiting: the question goes on and its answer is kept for whoever asks
   * next (a screen left and come back to), until the service is disposed.
   */
  async checkAccess(needs: readonly AccessNeed[], namespace: string, signal?: AbortSignal): Promise<AccessVerdict> {
    const cache = this.cache();
    const asked = (async (): Promise<AccessVerdict> => {
      // A dead cluster answers once, through discovery, instead of once per question.
      await this.discovered(cache);
      if (cache.failure && isFatal(cache.failure)) return { state: 'unknown', reason: cache.failure.message };
      return cache.access.check(needs, namespace, cache.abort.signal);
    })();
    return untilSignal(asked, signal, { state: 'unknown', reason: 'not checked: the question was withdrawn' });
  }

  /** `:ctx NAME`: another kubeconfig context, with that context's namespace. */
  selectContext(name: string): SwitchResult {
    const entry = this.options.contexts.find((c) => c.name === name);
    if (!entry) return { ok: false, message: `no context "${name}" in the kubeconfig (contexts: ${this.contextNames().join(', ') || 'none'})` };
    const production = this.options.isProduction(name);
    this.update({ context: name, namespace: entry.namespace ?? 'default', production, discovery: { status: 'idle' }, detected: new Map() });
    this.start();
    return { ok: true, message: `context ${name}, namespace ${this.state_.namespace}${production ? ' (PRODUCTION: mutating tests are refused without --allow-mutating)' : ''}` };
  }

  /** `:ns NAME`: another namespace, checked against the namespaces discovery listed. */
  async selectNamespace(name: string, signal?: AbortSignal): Promise<SwitchResult> {
    if (!DNS_LABEL.test(name)) return { ok: false, message: `"${name}" is not a namespace name (lowercase letters, digits and '-')` };
    const cache = this.cache();
    await untilSignal(this.discovered(cache), signal, undefined);
    const listed = cache.inventory?.cluster.namespaces;
    let note = '';
    if (listed && !listed.failure) {
      if (!listed.items.some((n) => n.name === name)) {
        const close = listed.items.map((n) => n.name).filter((n) => n.includes(name) || name.includes(n));
        return { ok: false, message: `no namespace "${name}" in context ${this.state_.context ?? '(none)'}${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}` };
      }
    } else {
      note = ` (not checked: ${(listed?.failure ?? cache.failure)?.message ?? 'namespaces unknown'})`;
    }
    this.options.rememberNamespace?.(name, this.state_.context);
    this.update({ namespace: name });
    if (!this.state_.allNamespaces && cache.inventory) {
      void this.scope(cache, name).then(() => this.update({ detected: this.detect(cache) }));
    }
    return { ok: true, message: `namespace ${name}${note}` };
  }

  /** Stops everything in flight; the service answers nothing afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const cache of this.caches.values()) cache.abort.abort();
    this.listeners.clear();
  }

  private key(): string {
    return this.state_.context ?? '';
  }

  private cache(): ContextCache {
    const key = this.key();
    const existing = this.caches.get(key);
    if (existing) return existing;
    const client = ClusterClient.open({ files: this.options.files, explicit: this.options.explicitKubeconfig, context: this.state_.context, timeoutMs: this.options.timeoutMs });
    const cache: ContextCache = {
      client,
      abort: new AbortController(),
      scopes: new Map(),
      access: new AccessChecker(() => client),
    };
    this.caches.set(key, cache);
    return cache;
  }

  private discovered(cache: ContextCache): Promise<void> {
    cache.discovery ??= this.discover(cache);
    return cache.discovery;
  }

  private async discover(cache: ContextCache): Promise<void> {
    if (this.isCurrent(cache)) this.update({ discovery: { status: 'loading' } });
    try {
      const opened = await cache.client;
      if (!opened.ok) {
        cache.failure = opened.failure;
      } else {
        const scope = this.state_.allNamespaces ? ALL_NAMESPACES : this.state_.namespace;
        const found = await discoverCluster(opened.value, scope, { signal: cache.abort.signal, now: this.now });
        cache.inventory = found.inventory;
        cache.failure = found.failure;
        cache.scopes.set(scope, Promise.resolve());
      }
    } catch (error) {
      // A bug in reading some object must not take the TUI down: it shows as the reason instead.
      cache.failure = { kind: 'server', message: `discovery failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    cache.done = true;
    if (this.isCurrent(cache)) this.publish(cache);
  }

  private isCurrent(cache: ContextCache): boolean {
    return this.caches.get(this.key()) === cache && !this.disposed;
  }

  /** Shows a finished discovery: its failure, or when it ran and what it recognised. */
  private publish(cache: ContextCache): void {
    if (cache.failure || !cache.inventory) {
      this.update({ discovery: { status: 'failed', failure: cache.failure ?? { kind: 'server', message: 'discovery found nothing' } }, detected: new Map() });
    } else {
      this.update({ discovery: { status: 'ready', loadedAt: cache.inventory.loadedAt, gaps: gapsOf(cache.inventory) }, detected: this.detect(cache) });
    }
  }

  /** Lists one more namespace's objects into the context's inventory (once). */
  private scope(cache: ContextCache, namespace: string): Promise<void> {
    const known = cache.scopes.get(namespace) ?? (cache.inventory?.hasScope(namespace) ? cache.scopes.get(ALL_NAMESPACES) : undefined);
    if (known) return known;
    const loading = (async () => {
      const opened = await cache.client;
      if (!opened.ok || !cache.inventory) return;
      cache.inventory.addScope(namespace, await discoverScope(opened.value, namespace, { signal: cache.abort.signal, now: this.now }));
    })();
    cache.scopes.set(namespace, loading);
    return loading;
  }

  /** Lists the pods of every namespace into the inventory (once); a refusal simply leaves it out. */
  private podsEverywhere(cache: ContextCache): Promise<void> {
    cache.everywhere ??= (async () => {
      const opened = await cache.client;
      if (!opened.ok || !cache.inventory) return;
      const listing = await discoverPodsEverywhere(opened.value, { signal: cache.abort.signal, now: this.now });
      if (!listing.failure) cache.inventory.setPodsEverywhere(listing);
    })();
    return cache.everywhere;
  }

  private detect(cache: ContextCache): DetectedComponents {
    if (!cache.inventory) return new Map();
    return detectComponents(cache.inventory, this.options.components, this.state_.allNamespaces ? ALL_NAMESPACES : this.state_.namespace);
  }

  private update(change: Partial<ClusterState>): void {
    if (this.disposed) return;
    this.state_ = { ...this.state_, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}

/** Lists that could not be read, for a one-line note ("cannot list secrets in shop: forbidden"). */
function gapsOf(inventory: Inventory): ClusterFailure[] {
  const cluster = [inventory.cluster.namespaces.failure, inventory.cluster.nodes.failure, inventory.cluster.crds.failure];
  return cluster.filter((f): f is ClusterFailure => f !== undefined);
}
