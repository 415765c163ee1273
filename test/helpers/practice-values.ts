import { sampleFor } from '../../source/core/catalog/lint/sample-values.js';
import type { CatalogTest, Component, ParamType } from '../../source/core/catalog/schema.js';
import type { KubeObject } from '../../source/core/practice/objects.js';
import { globMatches } from '../../source/core/practice/scenario/glob.js';

/** The kind a parameter type names, for the types a scenario can answer with a real object. */
const KIND_OF: Partial<Record<ParamType, string>> = {
  pod: 'Pod',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
  cronjob: 'CronJob',
  service: 'Service',
  ingress: 'Ingress',
  pvc: 'PersistentVolumeClaim',
  configmap: 'ConfigMap',
  'secret-name': 'Secret',
  serviceaccount: 'ServiceAccount',
};

function matchesComponent(pod: KubeObject, component: Component | undefined): boolean {
  if (!component) return false;
  const images = ((pod.spec as { containers?: { image?: string }[] } | undefined)?.containers ?? []).map((c) => c.image ?? '');
  const labels = Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return component.detect.images.some((i) => images.some((image) => image.includes(i))) || component.detect.labels.some((l) => labels.includes(l));
}

function ownedBy(object: KubeObject, pod: KubeObject, objects: readonly KubeObject[]): boolean {
  const owners = pod.metadata.ownerReferences ?? [];
  if (owners.some((o) => o.kind === object.kind && o.name === object.metadata.name)) return true;
  // A deployment owns its pods through a replica set.
  const replicaSets = objects.filter((o) => o.kind === 'ReplicaSet' && owners.some((r) => r.kind === 'ReplicaSet' && r.name === o.metadata.name));
  return replicaSets.some((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.kind === object.kind && r.name === object.metadata.name));
}

/**
 * Parameter values for a catalogue test, taken from the scenario's objects: a namespace that holds
 * every kind the test names, the component's own pods first, and the objects that go with the
 * chosen pod. Returns up to `variants` value sets that differ in the pod chosen, so a test whose
 * question only makes sense for some pods (previous logs) gets a fair chance.
 */
export function valuesFromScenario(test: CatalogTest, objects: readonly KubeObject[], options: { namespace: string; context: string; component?: Component | undefined; variants?: number }): Record<string, string>[] {
  const podsOfComponent = objects.filter((o) => o.kind === 'Pod' && matchesComponent(o, options.component));
  const namespaces = [...new Set([...podsOfComponent.map((p) => p.metadata.namespace ?? ''), options.namespace, ...objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)])];
  const kinds = test.params.map((p) => KIND_OF[p.type]).filter((k): k is string => k !== undefined);
  const namespace = namespaces.find((ns) => kinds.every((kind) => objects.some((o) => o.kind === kind && o.metadata.namespace === ns))) ?? options.namespace;
  const inNamespace = (kind: string) => objects.filter((o) => o.kind === kind && o.metadata.namespace === namespace);
  // The component's own pods first, then pods with a restart history (a previous container to read).
  const restarts = (pod: KubeObject) => ((pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined)?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const pods = inNamespace('Pod')
    .filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running')
    .sort((a, b) => Number(matchesComponent(b, options.component)) - Number(matchesComponent(a, options.component)) || restarts(b) - restarts(a));
  const variants = Math.max(1, Math.min(options.variants ?? 1, pods.length || 1));
  const sets: Record<string, string>[] = [];
  for (let index = 0; index < variants; index++) {
    const pod = pods[index];
    const values: Record<string, string> = {};
    for (const param of test.params) {
      const value = valueFor(param.type, { pod, namespace, objects, inNamespace, context: options.context });
      if (value !== undefined) values[param.name] = value;
      else if ((param.required ?? param.default === undefined) && param.default === undefined) values[param.name] = sampleFor(param);
    }
    sets.push(values);
  }
  return sets;
}

type Lookup = {
  pod: KubeObject | undefined;
  namespace: string;
  objects: readonly KubeObject[];
  inNamespace: (kind: string) => KubeObject[];
  context: string;
};

function valueFor(type: ParamType, at: Lookup): string | undefined {
  switch (type) {
    case 'namespace':
      return at.namespace;
    case 'pod':
      return at.pod?.metadata.name;
    case 'container':
      return (at.pod?.spec as { containers?: { name: string }[] } | undefined)?.containers?.[0]?.name;
    case 'node':
      return (at.pod?.spec as { nodeName?: string } | undefined)?.nodeName ?? at.objects.find((o) => o.kind === 'Node')?.metadata.name;
    case 'label-selector': {
      const entry = Object.entries(at.pod?.metadata.labels ?? {}).find(([key]) => key !== 'pod-template-hash');
      return entry ? `${entry[0]}=${entry[1]}` : undefined;
    }
    case 'context':
      return at.context;
    default: {
      const kind = KIND_OF[type];
      if (!kind) return undefined;
      const candidates = at.inNamespace(kind);
      const pod = at.pod;
      return (pod ? candidates.find((c) => ownedBy(c, pod, at.objects) || globMatches(`${c.metadata.name}*`, pod.metadata.name)) : undefined)?.metadata.name ?? candidates[0]?.metadata.name;
    }
  }
}
