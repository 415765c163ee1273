import { createHash } from 'node:crypto';
import { ApiTypes } from './api/api-types.js';
import { applyApiDefaults } from './api-defaults.js';
import { deriveEndpoints } from './derive-endpoints.js';
import { cloneJson, field, list, record, type KubeObject } from './objects.js';
import { resolveRelativeTimes, rfc3339 } from './scenario/relative-time.js';
import type { Scenario } from './scenario/scenario.js';

/** Objects a scenario leaves undated were created this long before the cluster started. */
const DEFAULT_AGE_MS = 30 * 86_400_000;
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * The scenario's objects as an API server would hold them at `now`: relative times resolved,
 * uid / resourceVersion / creationTimestamp filled, the namespaces, default service accounts and
 * root CA config maps every real cluster has, and the endpoints the controllers would derive.
 */
export function materializeObjects(scenario: Scenario, now: number): KubeObject[] {
  const objects = resolveRelativeTimes(cloneJson(scenario.objects), now);
  const types = new ApiTypes(objects, { metrics: false });
  for (const object of objects) {
    object.metadata.creationTimestamp ??= rfc3339(now - DEFAULT_AGE_MS);
    object.metadata.uid ??= uidFor(object);
    if (types.ofObject(object)?.namespaced === false) delete object.metadata.namespace;
  }
  objects.push(...implicitObjects(objects, now));
  linkEvents(objects);
  applyApiDefaults(objects);
  objects.push(...deriveEndpoints(objects).map((o) => ({ ...o, metadata: { ...o.metadata, uid: uidFor(o) } })));
  objects.forEach((object, index) => {
    object.metadata.resourceVersion = String(1000 + index);
  });
  return objects;
}

/** A stable UUID-shaped id, so `describe` output and events agree across restarts. */
function uidFor(object: KubeObject): string {
  const hex = createHash('sha1').update(`${object.apiVersion}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function implicitObjects(objects: readonly KubeObject[], now: number): KubeObject[] {
  const created = rfc3339(now - DEFAULT_AGE_MS);
  const has = (kind: string, name: string, namespace?: string) => objects.some((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
  const namespaces = new Set([...SYSTEM_NAMESPACES, ...objects.map((o) => o.metadata.namespace).filter((n): n is string => Boolean(n))]);
  const extra: KubeObject[] = [];
  const add = (object: KubeObject) => extra.push({ ...object, metadata: { creationTimestamp: created, ...object.metadata, uid: uidFor(object) } });
  for (const namespace of namespaces) {
    if (!has('Namespace', namespace)) {
      add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'kubernetes.io/metadata.name': namespace } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    }
    if (!has('ServiceAccount', 'default', namespace)) add({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    if (!has('ConfigMap', 'kube-root-ca.crt', namespace)) {
      add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n(practice cluster CA)\n-----END CERTIFICATE-----\n' } });
    }
  }
  if (!has('Endpoints', 'kubernetes', 'default')) {
    const controlPlane = objects.find((o) => o.kind === 'Node' && Object.hasOwn(o.metadata.labels ?? {}, 'node-role.kubernetes.io/control-plane'));
    const ip = list<{ type: string; address: string }>(controlPlane, 'status', 'addresses').find((a) => a.type === 'InternalIP')?.address;
    if (ip) {
      add({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] });
    }
  }
  if (!has('Service', 'kubernetes', 'default')) {
    add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None' },
    });
  }
  return extra;
}

/** Events name their object by kind and name; kubectl describe finds them by uid too. */
function linkEvents(objects: KubeObject[]): void {
  for (const event of objects.filter((o) => o.kind === 'Event')) {
    const involved = record(event, 'involvedObject');
    involved.namespace ??= event.metadata.namespace;
    const target = objects.find((o) => o.kind === involved.kind && o.metadata.name === involved.name && (!o.metadata.namespace || o.metadata.namespace === involved.namespace));
    if (target) {
      involved.uid ??= target.metadata.uid;
      involved.apiVersion ??= target.apiVersion;
      if (!target.metadata.namespace) delete involved.namespace;
    }
    event.involvedObject = involved;
    event.type ??= 'Normal';
    if (field(event, 'firstTimestamp') === undefined && field(event, 'eventTime') === undefined) event.firstTimestamp = event.lastTimestamp ?? event.metadata.creationTimestamp;
    event.lastTimestamp ??= event.firstTimestamp;
    event.count ??= 1;
  }
}
