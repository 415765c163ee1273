import type { Problem } from '../../catalog/problem.js';
import { ApiTypes } from '../api/api-types.js';
import { REVIEW_KINDS, splitApiVersion } from '../api/resource-types.js';
import type { KubeObject } from '../objects.js';
import { globMatches } from './glob.js';
import type { LoadedFile } from './load.js';
import type { Scenario } from './scenario.js';

/**
 * Checks what the schema cannot: every object is a kind the cluster serves, names are unique,
 * and logs, exec answers and metrics point at pods that exist. Each problem is located in the
 * file that wrote the entry.
 */
export function validateScenario(scenario: Scenario, chain: readonly LoadedFile[]): Problem[] {
  const types = new ApiTypes(scenario.objects, { metrics: scenario.metrics !== undefined });
  const pods = scenario.objects.filter((o) => o.kind === 'Pod' && o.apiVersion === 'v1');
  const problems: Problem[] = [];
  for (const file of chain) {
    const at = (path: (string | number)[], rule: string, message: string) => problems.push({ ...file.source.locate(path), rule, message });
    const seen = new Set<string>();
    file.data.objects.forEach((raw, index) => {
      const object = raw as KubeObject;
      if (!object.metadata.name) {
        if (object.kind !== 'Event') at(['objects', index, 'metadata'], 'SCHEMA', 'metadata.name is required');
        return;
      }
      const type = types.ofObject(object);
      const { group } = splitApiVersion(object.apiVersion);
      if (!type || REVIEW_KINDS.has(object.kind)) {
        at(['objects', index, 'kind'], 'OBJECT-KIND', `${object.kind} (${object.apiVersion}) is neither a built-in kind nor defined by a CustomResourceDefinition in the scenario`);
        return;
      }
      if (type.namespaced && !object.metadata.namespace) at(['objects', index, 'metadata'], 'OBJECT-NAMESPACE', `${object.kind} ${object.metadata.name} needs metadata.namespace`);
      if (!type.namespaced && object.metadata.namespace) at(['objects', index, 'metadata', 'namespace'], 'OBJECT-NAMESPACE', `${object.kind} is cluster-scoped and takes no namespace`);
      const key = `${group}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
      if (seen.has(key)) at(['objects', index, 'metadata', 'name'], 'OBJECT-DUPLICATE', `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name} is defined twice`);
      seen.add(key);
    });
    const own = file === chain[0];
    const namespace = (entry: { namespace?: string | undefined }) => entry.namespace ?? scenario.namespace;
    const findPod = (entry: { namespace?: string | undefined; pod: string }) =>
      pods.some((p) => globMatches(namespace(entry), p.metadata.namespace ?? '') && globMatches(entry.pod, p.metadata.name));
    file.data.logs.forEach((entry, index) => {
      if (own && !findPod(entry)) at(['logs', index, 'pod'], 'LOGS-POD', `no pod matches "${entry.pod}" in namespace ${namespace(entry)}`);
    });
    file.data.exec.forEach((entry, index) => {
      if (own && !findPod(entry)) at(['exec', index, 'pod'], 'EXEC-POD', `no pod matches "${entry.pod}" in namespace ${namespace(entry)}`);
      try {
        new RegExp(entry.command);
      } catch (error) {
        at(['exec', index, 'command'], 'EXEC-REGEX', `not a valid regex: ${(error as Error).message}`);
      }
    });
    file.data.metrics?.pods.forEach((entry, index) => {
      if (own && !findPod(entry)) at(['metrics', 'pods', index, 'pod'], 'METRICS-POD', `no pod matches "${entry.pod}" in namespace ${namespace(entry)}`);
    });
    if (file.data.rootCause && !file.data.reveal) at(['rootCause'], 'SCENARIO-REVEAL', 'a scenario with a root cause needs reveal.tests: the catalogue tests that find it');
  }
  return problems;
}
