import { createHash } from 'node:crypto';
import { list, record, text, type KubeObject } from './objects.js';
import { matchesLabels, type LabelRequirement } from './select/label-selector.js';

type ServicePort = { name?: string; port: number; targetPort?: number | string; protocol?: string };
type ContainerPort = { name?: string; containerPort: number };
type EndpointPort = { name?: string; port: number; protocol: string };
type Backend = { pod: KubeObject; ready: boolean; ports: EndpointPort[] };

/**
 * What the endpoints controller would write for each selector service the scenario does not give
 * Endpoints for: ready pods as addresses, unready ones as notReadyAddresses, named target ports
 * resolved per pod. Deriving them keeps a scenario consistent by construction: make a pod unready
 * and its service loses the endpoint, as on a real cluster.
 */
export function deriveEndpoints(objects: readonly KubeObject[]): KubeObject[] {
  const given = new Set(objects.filter((o) => o.kind === 'Endpoints').map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
  const givenSlices = new Set(
    objects.filter((o) => o.kind === 'EndpointSlice').map((o) => `${o.metadata.namespace}/${o.metadata.labels?.['kubernetes.io/service-name'] ?? ''}`),
  );
  const pods = objects.filter((o) => o.kind === 'Pod' && o.apiVersion === 'v1');
  const derived: KubeObject[] = [];
  for (const service of objects.filter((o) => o.kind === 'Service' && o.apiVersion === 'v1')) {
    const selector = record(service, 'spec', 'selector') as Record<string, string>;
    if (Object.keys(selector).length === 0 || text(service, 'spec', 'type') === 'ExternalName') continue;
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const backends = backendsOf(service, selector, pods);
    if (!given.has(key)) derived.push(endpointsOf(service, backends));
    if (!givenSlices.has(key)) derived.push(endpointSliceOf(service, backends));
  }
  return derived;
}

function backendsOf(service: KubeObject, selector: Record<string, string>, pods: readonly KubeObject[]): Backend[] {
  const requirements: LabelRequirement[] = Object.entries(selector).map(([key, value]) => ({ key, op: 'in', values: [value] }));
  const servicePorts = list<ServicePort>(service, 'spec', 'ports');
  return pods
    .filter((pod) => pod.metadata.namespace === service.metadata.namespace && matchesLabels(requirements, pod.metadata.labels))
    .filter((pod) => text(pod, 'status', 'podIP') !== '' && !pod.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(text(pod, 'status', 'phase')))
    .map((pod) => {
      const containerPorts = list<{ ports?: ContainerPort[] }>(pod, 'spec', 'containers').flatMap((c) => c.ports ?? []);
      const ports = servicePorts.flatMap((sp) => {
        const target = sp.targetPort ?? sp.port;
        const port = typeof target === 'number' ? target : /^\d+$/.test(target) ? Number(target) : containerPorts.find((cp) => cp.name === target)?.containerPort;
        return port === undefined ? [] : [{ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' }];
      });
      const ready = list<{ type: string; status: string }>(pod, 'status', 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');
      return { pod, ready, ports };
    });
}

function targetRef(pod: KubeObject): Record<string, unknown> {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

function endpointsOf(service: KubeObject, backends: readonly Backend[]): KubeObject {
  const subsets = new Map<string, { addresses: object[]; notReadyAddresses: object[]; ports: EndpointPort[] }>();
  for (const backend of backends) {
    if (backend.ports.length === 0) continue;
    const key = JSON.stringify(backend.ports);
    const subset = subsets.get(key) ?? { addresses: [], notReadyAddresses: [], ports: backend.ports };
    const address = { ip: text(backend.pod, 'status', 'podIP'), nodeName: text(backend.pod, 'spec', 'nodeName'), targetRef: targetRef(backend.pod) };
    (backend.ready ? subset.addresses : subset.notReadyAddresses).push(address);
    subsets.set(key, subset);
  }
  const shaped = [...subsets.values()].map((s) => ({
    ...(s.addresses.length > 0 ? { addresses: s.addresses } : {}),
    ...(s.notReadyAddresses.length > 0 ? { notReadyAddresses: s.notReadyAddresses } : {}),
    ports: s.ports,
  }));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      labels: { ...service.metadata.labels },
      ...(service.metadata.creationTimestamp ? { creationTimestamp: service.metadata.creationTimestamp } : {}),
    },
    ...(shaped.length > 0 ? { subsets: shaped } : {}),
  };
}

function endpointSliceOf(service: KubeObject, backends: readonly Backend[]): KubeObject {
  const suffix = createHash('sha1').update(`${service.metadata.namespace}/${service.metadata.name}`).digest('hex').slice(0, 5);
  const ports = backends.find((b) => b.ports.length > 0)?.ports ?? [];
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${service.metadata.name}-${suffix}`,
      namespace: service.metadata.namespace,
      labels: { ...service.metadata.labels, 'kubernetes.io/service-name': service.metadata.name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service.metadata.name, ...(service.metadata.uid ? { uid: service.metadata.uid } : {}), controller: true }],
      ...(service.metadata.creationTimestamp ? { creationTimestamp: service.metadata.creationTimestamp } : {}),
    },
    addressType: 'IPv4',
    endpoints: backends.map((b) => ({
      addresses: [text(b.pod, 'status', 'podIP')],
      conditions: { ready: b.ready, serving: b.ready, terminating: false },
      nodeName: text(b.pod, 'spec', 'nodeName'),
      targetRef: targetRef(b.pod),
    })),
    ports,
  };
}
