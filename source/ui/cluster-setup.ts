import type { Component } from '../core/catalog/schema.js';
import { ClusterService } from '../core/cluster/cluster-service.js';
import type { ContextSelection } from '../core/cluster/kubeconfig-files.js';
import { isProductionContext } from '../core/params/mutation-guard.js';
import { readSettings } from '../core/settings/read-settings.js';

export type ClusterSetup = {
  env: NodeJS.ProcessEnv;
  /** The kubeconfig selection made at start (flags and files, read as YAML). */
  selection: ContextSelection;
  components: readonly Component[];
  /** -A */
  allNamespaces: boolean;
  /** The files came from --kubeconfig (or a practice cluster's): they must exist. */
  explicitKubeconfig: boolean;
  /** A practice cluster is never production. */
  practice: boolean;
};

/**
 * The TUI's ClusterService: production marking and recent namespaces from the settings, namespaces
 * chosen with `:ns` remembered there. Nothing here talks to the cluster until the app starts it.
 */
export function openClusterService(setup: ClusterSetup): ClusterService {
  const { env, selection } = setup;
  return new ClusterService({
    files: selection.files,
    explicitKubeconfig: setup.explicitKubeconfig,
    context: selection.context,
    namespace: selection.namespace,
    contexts: selection.contexts,
    allNamespaces: setup.allNamespaces,
    components: setup.components,
    isProduction: (context) => !setup.practice && isProductionContext(readSettings(env).settings.productionContextPattern, context),
    recentNamespaces: (context) => [...new Set(readSettings(env).settings.recentNamespaces.filter((n) => n.context === (context ?? null)).map((n) => n.namespace))],
    rememberNamespace: (namespace, context) => {
      // conf (and its validator) loads only when something is written.
      import('../core/settings/settings-store.js')
        .then(({ SettingsStore }) => SettingsStore.open({ env }))
        .then((store) => store.recordNamespace(namespace, context))
        .catch(() => undefined);
    },
  });
}
