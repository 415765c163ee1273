import { badRequest, notFound, type StatusAnswer } from '../api/status.js';
import { list, type KubeObject } from '../objects.js';
import { globMatches } from '../scenario/glob.js';
import type { Scenario } from '../scenario/scenario.js';

/** What a command run inside a pod prints and how it exits, as the scenario scripts it. */
export type ExecAnswer = { stdout: string; stderr: string; exitCode: number };

/** The pod and container an exec request reaches, or the server's refusal. */
export function execTarget(pods: readonly KubeObject[], namespace: string, name: string, container: string | null): { pod: KubeObject; container: string } | StatusAnswer {
  const pod = pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  if (!pod) return notFound({ group: '', plural: 'pods' }, name);
  const names = list<{ name: string }>(pod, 'spec', 'containers').map((c) => c.name);
  const chosen = container ?? names[0];
  if (!chosen || !names.includes(chosen)) return badRequest(`container ${chosen ?? ''} is not valid for pod ${name}`);
  const status = list<{ name: string; state?: { running?: object } }>(pod, 'status', 'containerStatuses').find((s) => s.name === chosen);
  if (!status?.state?.running) return badRequest(`unable to upgrade connection: container not found ("${chosen}")`);
  return { pod, container: chosen };
}

/**
 * The scripted answer to argv in a container: the first exec entry whose pod, container and
 * command pattern match. Unscripted commands say so plainly instead of pretending to run.
 */
export function scriptedAnswer(scenario: Scenario, pod: KubeObject, container: string, argv: readonly string[]): ExecAnswer {
  const command = argv.join(' ');
  const entry = scenario.exec.find(
    (e) =>
      e.namespace === pod.metadata.namespace &&
      globMatches(e.pod, pod.metadata.name) &&
      (e.container === undefined || e.container === container) &&
      new RegExp(e.command).test(command),
  );
  if (entry) return { stdout: entry.stdout, stderr: entry.stderr, exitCode: entry.exitCode };
  return {
    stdout: '',
    stderr: `practice cluster: scenario "${scenario.name}" scripts no answer for "${command}" in ${pod.metadata.namespace}/${pod.metadata.name} (container ${container})\n`,
    exitCode: 126,
  };
}
