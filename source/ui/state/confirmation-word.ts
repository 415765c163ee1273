import type { CatalogTest } from '../../core/catalog/schema.js';

const RESOURCE_TYPES = new Set(['deployment', 'statefulset', 'daemonset', 'pod', 'job', 'cronjob', 'service', 'ingress', 'node', 'pvc', 'configmap', 'secret-name', 'namespace']);

/** What the user must type to run a mutating test: the name of the resource it changes. */
export function confirmationWord(test: CatalogTest, values: Readonly<Record<string, string>>): string {
  const resource = test.params.find((p) => RESOURCE_TYPES.has(p.type) && p.type !== 'namespace' && values[p.name]);
  return (resource && values[resource.name]) || values.namespace || test.id;
}
