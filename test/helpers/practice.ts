import { execa } from 'execa';
import { formatProblem } from '../../source/core/catalog/problem.js';
import { loadScenario } from '../../source/core/practice/scenario/load.js';
import { builtinScenariosDir } from '../../source/core/practice/scenario/locations.js';
import type { Scenario } from '../../source/core/practice/scenario/scenario.js';
import { startPracticeCluster, type PracticeCluster } from '../../source/core/practice/start.js';
import { tempDir } from './temp.js';

/** Loads a shipped scenario, failing the test with the scenario's problems at file:line. */
export function shippedScenario(name: string): Scenario {
  const loaded = loadScenario(builtinScenariosDir(), name);
  if (!loaded.scenario) throw new Error(`scenario ${name} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.scenario;
}

export type Practice = PracticeCluster & {
  /** KUBECONFIG, and a discovery cache of the test's own so nothing lands in ~/.kube. */
  env: Record<string, string>;
};

/** Starts a practice cluster for a shipped scenario on a free port. */
export async function startPractice(name: string): Promise<Practice> {
  const cluster = await startPracticeCluster({ scenario: shippedScenario(name) });
  return { ...cluster, env: { KUBECONFIG: cluster.kubeconfigPath, KUBECACHEDIR: tempDir({}, 'hunch-kubecache-') } };
}

export type KubectlResult = { stdout: string; stderr: string; exitCode: number };

/** Runs the real kubectl against a practice cluster. */
export async function kubectl(practice: Practice, args: string[], timeoutMs = 20_000): Promise<KubectlResult> {
  const result = await execa('kubectl', args, { env: practice.env, reject: false, timeout: timeoutMs, stdin: 'ignore' });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
}

/** Error lines kubectl prints when something went wrong (as opposed to "No resources found"). */
export const KUBECTL_ERROR = /^(error: |Error from server|E\d{4} \d\d:\d\d:\d\d)/m;
