import type { CatalogTest, Component } from '../core/catalog/schema.js';
import { accessNeeds } from '../core/cluster/access-review.js';
import type { ClusterService, ClusterState } from '../core/cluster/cluster-service.js';
import { paramsFor, type Target } from '../core/params/render.js';
import type { ExecuteResult } from '../core/session/execute-test.js';
import type { SessionRecorder } from '../core/session/store.js';
import type { AccessChecks, AccessMark, ClusterView, LiveCluster, LiveClusterState, RunTestRequest, Suggestions, TuiServices } from './services.js';

type ClusterParts = Pick<TuiServices, 'suggest' | 'live' | 'access' | 'switchCluster'>;

/**
 * The TUI's side of a ClusterService: parameter suggestions, the live cluster state the app
 * re-renders from, access marks for tests and `:ctx`/`:ns`. `base` carries what the service does
 * not know (the practice scenario); `target` is a session-wide target override, if any.
 */
export function clusterServices(cluster: ClusterService, options: { components: readonly Component[]; base: ClusterView; target?: Target | undefined }): ClusterParts {
  const { components } = options;
  return {
    suggest: async (request): Promise<Suggestions> => {
      const specs = paramsFor(request.test, options.target ?? request.test.target);
      const spec = specs.find((s) => s.name === request.param);
      if (!spec) return { values: [] };
      const found = await cluster.suggest({
        spec,
        specs,
        values: request.values,
        component: components.find((c) => c.id === request.test.component),
        signal: request.signal,
        refresh: request.refresh,
      });
      return { values: found.values.map((v) => (v.note ? { value: v.value, note: v.note } : { value: v.value })), ...(found.reason ? { reason: found.reason } : {}), ...(found.loadedAt ? { loadedAt: found.loadedAt } : {}) };
    },
    live: liveCluster(cluster, options.base),
    access: accessChecks(cluster, options.target),
    switchCluster: async (request) => {
      const state = cluster.state();
      if (request.kind === 'context') {
        if (!request.name) return { ok: true, message: `context ${state.context ?? '(none)'}; contexts: ${cluster.contextNames().join(', ') || 'none'} (:ctx NAME switches)` };
        return cluster.selectContext(request.name);
      }
      if (!request.name) return { ok: true, message: `namespace ${state.namespace} (:ns NAME switches)` };
      return cluster.selectNamespace(request.name);
    },
  };
}

/** The live state as the screens read it: one object per change, so memoised screens refresh exactly then. */
function liveCluster(cluster: ClusterService, base: ClusterView): LiveCluster {
  let seen: ClusterState | undefined;
  let snapshot: LiveClusterState | undefined;
  return {
    subscribe: (listener) => cluster.subscribe(listener),
    start: () => cluster.start(),
    snapshot: () => {
      const state = cluster.state();
      if (state !== seen || !snapshot) {
        seen = state;
        snapshot = {
          cluster: clusterView(state, base),
          settings: { context: state.context, namespace: state.namespace },
          detectedComponents: new Set(state.detected.keys()),
        };
      }
      return snapshot;
    },
  };
}

function clusterView(state: ClusterState, base: ClusterView): ClusterView {
  const discovery = state.discovery.status === 'idle' ? 'loading' : state.discovery.status;
  const note = state.discovery.status === 'failed' ? `cluster: ${state.discovery.failure.message}; type parameter values by hand` : base.note;
  return {
    ...base,
    context: state.context,
    namespace: state.namespace,
    // A practice cluster is never production, whatever its context is called.
    production: base.practice ? false : state.production,
    allNamespaces: state.allNamespaces,
    discovery,
    note,
  };
}

/** Access marks: asked in the background, answered from the service's per-context cache. */
function accessChecks(cluster: ClusterService, target: Target | undefined): AccessChecks {
  const listeners = new Set<() => void>();
  const pending = new Set<string>();
  let version = 0;
  let scheduled = false;
  // Answers arrive in bursts; one re-render per burst is enough.
  const changed = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      version++;
      for (const listener of [...listeners]) listener();
    }, 15);
  };
  const needsOf = (test: CatalogTest) => accessNeeds(test, target ?? test.target);
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    mark: (test, namespace): AccessMark | undefined => {
      const needs = needsOf(test);
      if (needs.length === 0) return undefined;
      return cluster.peekAccess(needs, namespace) ?? { state: 'checking' };
    },
    check: (tests, namespace, signal) => {
      for (const test of tests) {
        if (signal.aborted) return;
        const needs = needsOf(test);
        const key = `${cluster.state().context ?? ''}|${namespace}|${test.id}`;
        if (needs.length === 0 || pending.has(key) || cluster.peekAccess(needs, namespace)) continue;
        pending.add(key);
        // Not tied to the screen's signal: an answer that arrives after the screen moved on is
        // kept, and the next screen to ask shows it at once.
        void cluster.checkAccess(needs, namespace).then(() => {
          pending.delete(key);
          changed();
        });
      }
    },
  };
}

/**
 * Wraps the runner so a test the pre-check found not permitted, run anyway and failed, is
 * journaled as blocked for lack of access: the report hands its command to someone who has it.
 */
export function journalAccessBlocks(
  runTest: (request: RunTestRequest) => Promise<ExecuteResult>,
  parts: { access: AccessChecks | undefined; recorder: SessionRecorder; namespace: () => string },
): (request: RunTestRequest) => Promise<ExecuteResult> {
  return async (request) => {
    const namespace = request.command.values.namespace ?? parts.namespace();
    const mark = parts.access?.mark(request.test, namespace);
    const result = await runTest(request);
    if (mark?.state === 'denied' && result.outcome === 'error' && result.runId !== '') {
      parts.recorder.record(accessBlockedEvent(request.test, request.hypothesisId, mark.missing, request.command.display));
    }
    return result;
  };
}

/** The journal event for a test not run (or failed) for lack of access. */
export function accessBlockedEvent(test: CatalogTest, hypothesisId: string, missing: string, command: string) {
  return { type: 'test-blocked' as const, hypothesisId, testId: test.id, title: test.title, reason: 'access' as const, detail: `you may not ${missing} (SelfSubjectAccessReview)`, command };
}
