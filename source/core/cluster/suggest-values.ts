import type { Component, ParamSpec, ParamType } from '../catalog/schema.js';
import { objectEvidence } from './detect-components.js';
import type { ClusterFailure } from './failure.js';
import { NAMESPACED_KINDS, type Inventory, type NamespacedKind, type ObjectSummary } from './inventory.js';

/** A value to offer, with a few words on why (its state, "current", the component it runs). */
export type Suggestion = { value: string; note?: string | undefined };

/** What a suggestion depends on: the parameter, the values chosen before it, and where hunch stands. */
export type SuggestionQuery = {
  spec: ParamSpec;
  /** Every parameter of the test as it runs (a pod test's namespace, pod and container included). */
  specs: readonly ParamSpec[];
  /** Values chosen so far. */
  values: Readonly<Record<string, string>>;
  /** The session's namespace. */
  namespace: string;
  /** The test's component, when components.yaml says how to recognise it. */
  component?: Pick<Component, 'id' | 'detect'> | undefined;
  recentNamespaces?: readonly string[] | undefined;
  context?: string | undefined;
  contexts?: readonly string[] | undefined;
};

export type SuggestionList = { values: Suggestion[]; reason?: string | undefined };

const NOISY_LABELS = new Set(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'batch.kubernetes.io/controller-uid', 'controller-uid']);
const WORKLOAD_TYPES = new Set<ParamType>(['deployment', 'statefulset', 'daemonset', 'job']);

/** The namespace a parameter's values live in: the namespace it depends on, else one chosen, else the session's. */
export function namespaceFor(query: Pick<SuggestionQuery, 'spec' | 'specs' | 'values' | 'namespace'>): string {
  const byName = new Map(query.specs.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const walk = (spec: ParamSpec): string | undefined => {
    for (const name of dependsOn(spec)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const parent = byName.get(name);
      if (!parent) continue;
      const value = query.values[name];
      if (parent.type === 'namespace' && value) return value;
      const further = walk(parent);
      if (further) return further;
    }
    return undefined;
  };
  const chosen = query.specs.find((s) => s.type === 'namespace' && query.values[s.name])?.name;
  return walk(query.spec) ?? (chosen ? query.values[chosen] : undefined) ?? query.namespace;
}

/** Whether suggesting this parameter needs the namespaced objects of its namespace. */
export function needsNamespaceObjects(type: ParamType): boolean {
  return (NAMESPACED_KINDS as readonly string[]).includes(type) || ['container', 'label-selector', 'port', 'host', 'url', 'node'].includes(type);
}

/**
 * Values for one parameter from what discovery found, narrowed by what was chosen before it
 * (the pods of the chosen namespace or workload, the containers of the chosen pod) and ordered
 * the way someone troubleshooting wants them: the test's component first, then failing, then
 * recently restarted, then the rest by name.
 */
export function suggestValues(inventory: Inventory, query: SuggestionQuery): SuggestionList {
  const { spec } = query;
  const namespace = namespaceFor(query);
  const chosen = (type: ParamType) => {
    const name = query.specs.find((s) => s.type === type && query.values[s.name])?.name;
    return name ? query.values[name] : undefined;
  };
  switch (spec.type) {
    case 'namespace':
      return namespaces(inventory, query);
    case 'context':
      return { values: (query.contexts ?? []).map((c) => ({ value: c, note: c === query.context ? 'current' : undefined })).sort((a, b) => Number(!!b.note) - Number(!!a.note)) };
    case 'node':
      return nodes(inventory, objectNamed(inventory, 'pod', namespace, chosen('pod')));
    case 'container':
      return containers(inventory, namespace, chosen('pod'));
    case 'label-selector':
      return labelSelectors(inventory, namespace, query, chosenWorkload(inventory, namespace, query));
    case 'port':
      return ports(inventory, namespace, chosen('service'), chosen('pod'));
    case 'host':
    case 'url':
      return addresses(inventory, namespace, spec.type);
    case 'string':
      return { values: (spec.choices ?? []).map((value) => ({ value })) };
    case 'integer':
    case 'duration':
      return { values: [] };
    default:
      return objectsOfKind(inventory, spec.type as NamespacedKind, namespace, query);
  }
}

function objectsOfKind(inventory: Inventory, kind: NamespacedKind, namespace: string, query: SuggestionQuery): SuggestionList {
  const listing = inventory.objects(kind, namespace);
  if (!listing) return { values: [], reason: `${namespace} was not looked at` };
  if (listing.failure) return { values: [], reason: listing.failure.message };
  let items = listing.items;
  if (kind === 'pod') {
    // Pods of a workload chosen earlier, when that leaves any.
    const workload = chosenWorkload(inventory, namespace, query);
    const owned = workload ? items.filter((p) => p.owner?.name === workload.name && p.owner.kind.toLowerCase() === workload.kind) : [];
    if (owned.length > 0) items = owned;
  }
  const ranked = rank(items, query.component);
  if (ranked.length === 0) return { values: [], reason: `no ${kindWords(kind)} in ${namespace}` };
  return { values: ranked.map(({ object, component }) => ({ value: object.name, note: noteFor(object, component) })) };
}

/** The test's component first, then failing, worth a look, most restarts, name. */
function rank(items: readonly ObjectSummary[], component: SuggestionQuery['component']) {
  const detectable = component && (component.detect.images.length > 0 || component.detect.labels.length > 0);
  return items
    .map((object) => ({ object, component: detectable && objectEvidence(component, object) ? component.id : undefined }))
    .sort(
      (a, b) =>
        Number(!!b.component) - Number(!!a.component) ||
        b.object.health.severity - a.object.health.severity ||
        (b.object.restarts ?? 0) - (a.object.restarts ?? 0) ||
        a.object.name.localeCompare(b.object.name),
    );
}

function noteFor(object: ObjectSummary, component: string | undefined): string | undefined {
  const words = [component, object.health.severity === 2 ? `unhealthy: ${object.health.summary}` : object.health.summary, object.owner && object.kind === 'pod' ? `of ${object.owner.name}` : ''];
  const note = words.filter((w) => w).join(' · ');
  return note === '' ? undefined : note;
}

function namespaces(inventory: Inventory, query: SuggestionQuery): SuggestionList {
  const listed = inventory.cluster.namespaces;
  const recent = query.recentNamespaces ?? [];
  const pods = inventory.knownPods();
  const failing = new Map<string, number>();
  for (const pod of pods) if (pod.health.severity === 2) failing.set(pod.namespace, (failing.get(pod.namespace) ?? 0) + 1);
  // Where the test's component runs: someone who does not know the cluster learns it here.
  const runs = componentHomes(pods, query.component);
  // Without the list (forbidden), offer what is known: the current, recent and seen namespaces.
  const names = listed.failure ? [query.namespace, ...recent, ...pods.map((p) => p.namespace)] : listed.items.map((n) => n.name);
  const unique = [...new Set(names.filter((n) => n))];
  const order = (name: string) => (name === query.namespace ? 0 : runs.has(name) ? 1 : recent.includes(name) ? 2 : failing.has(name) ? 3 : 4);
  const values = unique
    .sort((a, b) => order(a) - order(b) || (failing.get(b) ?? 0) - (failing.get(a) ?? 0) || (order(a) === 2 ? recent.indexOf(a) - recent.indexOf(b) : a.localeCompare(b)))
    .map((name) => {
      const count = failing.get(name);
      const home = runs.get(name);
      const words = [
        name === query.namespace ? 'current' : recent.includes(name) ? 'recent' : '',
        home && query.component ? `has ${query.component.id} (${home})` : '',
        count ? `${count} unhealthy pod${count === 1 ? '' : 's'}` : '',
      ];
      const note = words.filter((w) => w).join(' · ');
      return { value: name, note: note || undefined };
    });
  return { values, reason: listed.failure ? `${listed.failure.message}; showing the namespaces hunch knows of` : undefined };
}

/** The namespaces whose pods look like the component, each with the first such pod's name. */
function componentHomes(pods: readonly ObjectSummary[], component: SuggestionQuery['component']): Map<string, string> {
  const homes = new Map<string, string>();
  if (!component || (component.detect.images.length === 0 && component.detect.labels.length === 0)) return homes;
  for (const pod of [...pods].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!homes.has(pod.namespace) && objectEvidence(component, pod)) homes.set(pod.namespace, pod.name);
  }
  return homes;
}

function nodes(inventory: Inventory, pod: ObjectSummary | undefined): SuggestionList {
  const listing = inventory.cluster.nodes;
  if (listing.failure) return pod?.node ? { values: [{ value: pod.node, note: `runs ${pod.name}` }], reason: listing.failure.message } : { values: [], reason: listing.failure.message };
  const values = [...listing.items]
    .sort((a, b) => Number(b.name === pod?.node) - Number(a.name === pod?.node) || b.health.severity - a.health.severity || a.name.localeCompare(b.name))
    .map((n) => ({ value: n.name, note: [n.name === pod?.node ? `runs ${pod.name}` : '', n.health.severity > 0 ? `unhealthy: ${n.health.summary}` : n.health.summary].filter((w) => w).join(' · ') }));
  return { values };
}

function containers(inventory: Inventory, namespace: string, podName: string | undefined): SuggestionList {
  if (!podName) return { values: [], reason: 'choose the pod first' };
  const pod = objectNamed(inventory, 'pod', namespace, podName);
  if (!pod) return { values: [], reason: `no pod ${podName} in ${namespace}` };
  const values = [...(pod.containers ?? [])]
    .sort((a, b) => Number(a.init) - Number(b.init) || Number(a.ready) - Number(b.ready) || b.restarts - a.restarts)
    .map((c) => {
      const state = [c.init ? 'init' : '', c.ready || c.init ? '' : 'not ready', c.reason ?? '', c.restarts > 0 ? `${c.restarts} restarts` : ''].filter((w) => w);
      return { value: c.name, note: [c.image, ...state].join(' · ') };
    });
  return { values };
}

function chosenWorkload(inventory: Inventory, namespace: string, query: SuggestionQuery): ObjectSummary | undefined {
  const spec = query.specs.find((s) => WORKLOAD_TYPES.has(s.type) && query.values[s.name]);
  return spec ? objectNamed(inventory, spec.type as NamespacedKind, namespace, query.values[spec.name]) : undefined;
}

function labelSelectors(inventory: Inventory, namespace: string, query: SuggestionQuery, workload: ObjectSummary | undefined): SuggestionList {
  const listing = inventory.objects('pod', namespace);
  if (!listing || listing.failure) return { values: [], reason: listing?.failure?.message ?? `${namespace} was not looked at` };
  const counts = new Map<string, number>();
  for (const pod of listing.items) {
    for (const [key, value] of Object.entries(pod.labels)) if (!NOISY_LABELS.has(key)) counts.set(`${key}=${value}`, (counts.get(`${key}=${value}`) ?? 0) + 1);
  }
  const selector = workload?.selector ? Object.entries(workload.selector).map(([k, v]) => `${k}=${v}`).join(',') : undefined;
  const values: Suggestion[] = selector ? [{ value: selector, note: `selects ${workload?.name}` }] : [];
  const componentLabels = query.component?.detect.labels ?? [];
  const pairs = [...counts.entries()].sort((a, b) => Number(componentLabels.includes(b[0])) - Number(componentLabels.includes(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [pair, count] of pairs) if (pair !== selector) values.push({ value: pair, note: `${count} pod${count === 1 ? '' : 's'}` });
  return { values };
}

function ports(inventory: Inventory, namespace: string, serviceName: string | undefined, podName: string | undefined): SuggestionList {
  const service = objectNamed(inventory, 'service', namespace, serviceName);
  if (service) return { values: (service.ports ?? []).map((p) => ({ value: String(p), note: `port of ${service.name}` })) };
  const pod = objectNamed(inventory, 'pod', namespace, podName);
  if (pod) return { values: (pod.containers ?? []).flatMap((c) => c.ports.map((p) => ({ value: String(p), note: `${c.name} in ${pod.name}` }))) };
  return { values: [] };
}

/** Ingress URLs and hosts, then the services' cluster DNS names. */
function addresses(inventory: Inventory, namespace: string, type: 'host' | 'url'): SuggestionList {
  const ingresses = inventory.objects('ingress', namespace)?.items ?? [];
  const services = inventory.objects('service', namespace)?.items ?? [];
  const values: Suggestion[] = [];
  for (const ingress of ingresses) {
    for (const url of ingress.urls ?? []) values.push(type === 'url' ? { value: url, note: `ingress ${ingress.name}` } : { value: new URL(url).hostname, note: `ingress ${ingress.name}` });
  }
  for (const service of services) {
    const host = `${service.name}.${service.namespace}.svc.cluster.local`;
    const port = service.ports?.[0];
    values.push(type === 'url' ? { value: `http://${host}${port && port !== 80 ? `:${port}` : ''}/`, note: `service ${service.name}` } : { value: host, note: `service ${service.name}` });
  }
  const seen = new Set<string>();
  return { values: values.filter((v) => (seen.has(v.value) ? false : (seen.add(v.value), true))) };
}

function objectNamed(inventory: Inventory, kind: NamespacedKind, namespace: string, name: string | undefined): ObjectSummary | undefined {
  if (!name) return undefined;
  return inventory.objects(kind, namespace)?.items.find((o) => o.name === name);
}

function dependsOn(spec: ParamSpec): string[] {
  return spec.dependsOn === undefined ? [] : Array.isArray(spec.dependsOn) ? spec.dependsOn : [spec.dependsOn];
}

function kindWords(kind: NamespacedKind): string {
  return { pod: 'pods', deployment: 'deployments', statefulset: 'statefulsets', daemonset: 'daemonsets', job: 'jobs', cronjob: 'cronjobs', service: 'services', ingress: 'ingresses', pvc: 'persistent volume claims', configmap: 'configmaps', 'secret-name': 'secrets', serviceaccount: 'service accounts' }[kind];
}

/** Without a cluster: the current and recent namespaces, the kubeconfig's contexts, and the reason. */
export function suggestOffline(query: Pick<SuggestionQuery, 'spec' | 'namespace' | 'recentNamespaces' | 'contexts' | 'context'>, failure: ClusterFailure): SuggestionList {
  if (query.spec.type === 'namespace') {
    const names = [...new Set([query.namespace, ...(query.recentNamespaces ?? [])])];
    return { values: names.map((n) => ({ value: n, note: n === query.namespace ? 'current' : 'recent' })), reason: failure.message };
  }
  if (query.spec.type === 'context') return { values: (query.contexts ?? []).map((c) => ({ value: c, note: c === query.context ? 'current' : undefined })), reason: failure.message };
  if (query.spec.type === 'string' && query.spec.choices) return { values: query.spec.choices.map((value) => ({ value })) };
  return { values: [], reason: failure.message };
}
