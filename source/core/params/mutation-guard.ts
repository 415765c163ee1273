import type { CatalogTest } from '../catalog/schema.js';

/** What decides whether a mutating test may run here; read-only tests always may. */
export type MutationPolicy = {
  /** `--read-only`: nothing that changes a cluster runs, whatever else is said. */
  readOnly: boolean;
  /** The kubeconfig context in force, shown in the refusal. */
  context?: string | undefined;
  /** The context matches the production pattern from the settings. */
  production: boolean;
  /** `--allow-mutating`: the user accepts mutating tests on a production context. */
  allowMutating: boolean;
};

/**
 * Why a test may not run under this policy, in one line for the person who asked, or undefined
 * when it may (a mutating test still needs its confirmation: --yes or the typed resource name).
 */
export function mutationRefusal(test: Pick<CatalogTest, 'id' | 'effect'>, policy: MutationPolicy): string | undefined {
  if (test.effect !== 'mutating') return undefined;
  if (policy.readOnly) return `refused: ${test.id} changes the cluster and hunch runs read-only (--read-only)`;
  if (policy.production && !policy.allowMutating) {
    return `refused: ${test.id} changes the cluster and context "${policy.context ?? ''}" is production (settings: productionContextPattern); add --allow-mutating to run it anyway`;
  }
  return undefined;
}

/**
 * Whether a context name matches the production pattern (a case-insensitive regular expression).
 * A pattern that does not compile counts every context as production: failing closed is the point.
 */
export function isProductionContext(pattern: string, context: string | undefined): boolean {
  if (!context) return false;
  try {
    return new RegExp(pattern, 'i').test(context);
  } catch {
    return true;
  }
}
