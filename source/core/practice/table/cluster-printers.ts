import { field, list, record, text, type KubeObject } from '../objects.js';
import { AGE, CREATED_AT, NAME, column, wide, type KindPrinter } from './columns.js';
import { ageSince, listOrNone, orNone } from './format.js';

/** A Created At cell: RFC 3339 to the second, as the real server prints it. */
export function createdAt(object: KubeObject): string {
  const at = Date.parse(object.metadata.creationTimestamp ?? '');
  return Number.isNaN(at) ? '' : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const nameAndCreated: KindPrinter = {
  columns: [NAME, CREATED_AT],
  cells: (o) => [o.metadata.name, createdAt(o)],
};

export const nameAndAge: KindPrinter = {
  columns: [NAME, AGE],
  cells: (o, { now }) => [o.metadata.name, ageSince(o.metadata.creationTimestamp, now)],
};

export const namespacePrinter: KindPrinter = {
  columns: [NAME, column('Status'), AGE],
  cells: (ns, { now }) => [ns.metadata.name, text(ns, 'status', 'phase') || 'Active', ageSince(ns.metadata.creationTimestamp, now)],
};

function nodeStatus(node: KubeObject): string {
  const ready = list<{ type: string; status: string }>(node, 'status', 'conditions').find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown'];
  if (field(node, 'spec', 'unschedulable')) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/') && key.length > 'node-role.kubernetes.io/'.length) roles.add(key.slice('node-role.kubernetes.io/'.length));
    if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return listOrNone([...roles].sort());
}

function nodeAddress(node: KubeObject, type: string): string {
  return orNone(list<{ type: string; address: string }>(node, 'status', 'addresses').find((a) => a.type === type)?.address);
}

export const nodePrinter: KindPrinter = {
  columns: [
    NAME,
    column('Status'),
    column('Roles'),
    AGE,
    column('Version'),
    wide('Internal-IP'),
    wide('External-IP'),
    wide('OS-Image'),
    wide('Kernel-Version'),
    wide('Container-Runtime'),
  ],
  cells: (node, { now }) => [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    ageSince(node.metadata.creationTimestamp, now),
    text(node, 'status', 'nodeInfo', 'kubeletVersion'),
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    text(node, 'status', 'nodeInfo', 'osImage') || '<unknown>',
    text(node, 'status', 'nodeInfo', 'kernelVersion') || '<unknown>',
    text(node, 'status', 'nodeInfo', 'containerRuntimeVersion') || '<unknown>',
  ],
};

export const configMapPrinter: KindPrinter = {
  columns: [NAME, column('Data', { type: 'integer' }), AGE],
  cells: (cm, { now }) => [cm.metadata.name, Object.keys(record(cm, 'data')).length + Object.keys(record(cm, 'binaryData')).length, ageSince(cm.metadata.creationTimestamp, now)],
};

export const secretPrinter: KindPrinter = {
  columns: [NAME, column('Type'), column('Data', { type: 'integer' }), AGE],
  cells: (s, { now }) => [s.metadata.name, text(s, 'type') || 'Opaque', Object.keys(record(s, 'data')).length + Object.keys(record(s, 'stringData')).length, ageSince(s.metadata.creationTimestamp, now)],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [NAME, column('Secrets', { type: 'integer' }), AGE],
  cells: (sa, { now }) => [sa.metadata.name, list(sa, 'secrets').length, ageSince(sa.metadata.creationTimestamp, now)],
};

/** REQUEST and LIMIT columns: "pods: 10/10, requests.cpu: 2/2", limits.* in their own column. */
function quotaUsage(quota: KubeObject, limits: boolean): string {
  const hard = record(quota, 'status', 'hard');
  const used = record(quota, 'status', 'used');
  const specHard = Object.keys(hard).length > 0 ? hard : record(quota, 'spec', 'hard');
  return Object.keys(specHard)
    .filter((key) => key.startsWith('limits.') === limits)
    .sort()
    .map((key) => `${key}: ${String(used[key] ?? '0')}/${String(specHard[key])}`)
    .join(', ');
}

export const resourceQuotaPrinter: KindPrinter = {
  columns: [NAME, AGE, column('Request'), column('Limit')],
  cells: (q, { now }) => [q.metadata.name, ageSince(q.metadata.creationTimestamp, now), quotaUsage(q, false), quotaUsage(q, true)],
};

export const roleBindingPrinter: KindPrinter = {
  columns: [NAME, column('Role'), AGE, wide('Users'), wide('Groups'), wide('ServiceAccounts')],
  cells: (rb, { now }) => {
    const subjects = list<{ kind: string; name: string; namespace?: string }>(rb, 'subjects');
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      rb.metadata.name,
      `${text(rb, 'roleRef', 'kind')}/${text(rb, 'roleRef', 'name')}`,
      ageSince(rb.metadata.creationTimestamp, now),
      of('User').map((s) => s.name).join(', '),
      of('Group').map((s) => s.name).join(', '),
      of('ServiceAccount').map((s) => `${s.namespace ?? ''}/${s.name}`).join(', '),
    ];
  },
};

const ACCESS_MODES: Readonly<Record<string, string>> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function accessModes(object: KubeObject, ...path: string[]): string {
  return list<string>(object, ...path).map((m) => ACCESS_MODES[m] ?? m).join(',');
}

export const pvcPrinter: KindPrinter = {
  columns: [NAME, column('Status'), column('Volume'), column('Capacity'), column('Access Modes'), column('StorageClass'), column('VolumeAttributesClass'), AGE, wide('VolumeMode')],
  cells: (pvc, { now }) => [
    pvc.metadata.name,
    pvc.metadata.deletionTimestamp ? 'Terminating' : text(pvc, 'status', 'phase') || 'Pending',
    text(pvc, 'spec', 'volumeName'),
    text(pvc, 'status', 'capacity', 'storage'),
    accessModes(pvc, 'status', 'accessModes'),
    text(pvc, 'spec', 'storageClassName'),
    text(pvc, 'spec', 'volumeAttributesClassName') || '<unset>',
    ageSince(pvc.metadata.creationTimestamp, now),
    text(pvc, 'spec', 'volumeMode') || 'Filesystem',
  ],
};

export const pvPrinter: KindPrinter = {
  columns: [
    NAME,
    column('Capacity'),
    column('Access Modes'),
    column('Reclaim Policy'),
    column('Status'),
    column('Claim'),
    column('StorageClass'),
    column('VolumeAttributesClass'),
    column('Reason'),
    AGE,
    wide('VolumeMode'),
  ],
  cells: (pv, { now }) => {
    const claim = record(pv, 'spec', 'claimRef');
    return [
      pv.metadata.name,
      text(pv, 'spec', 'capacity', 'storage'),
      accessModes(pv, 'spec', 'accessModes'),
      text(pv, 'spec', 'persistentVolumeReclaimPolicy') || 'Retain',
      text(pv, 'status', 'phase') || 'Available',
      claim.name ? `${String(claim.namespace ?? '')}/${String(claim.name)}` : '',
      text(pv, 'spec', 'storageClassName'),
      text(pv, 'spec', 'volumeAttributesClassName') || '<unset>',
      text(pv, 'status', 'reason'),
      ageSince(pv.metadata.creationTimestamp, now),
      text(pv, 'spec', 'volumeMode') || 'Filesystem',
    ];
  },
};

export const storageClassPrinter: KindPrinter = {
  columns: [NAME, column('Provisioner'), column('ReclaimPolicy'), column('VolumeBindingMode'), column('AllowVolumeExpansion'), AGE],
  cells: (sc, { now }) => {
    const isDefault = ['true', 'True'].includes(sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] ?? '');
    return [
      isDefault ? `${sc.metadata.name} (default)` : sc.metadata.name,
      text(sc, 'provisioner'),
      text(sc, 'reclaimPolicy') || 'Delete',
      text(sc, 'volumeBindingMode') || 'Immediate',
      Boolean(field(sc, 'allowVolumeExpansion')),
      ageSince(sc.metadata.creationTimestamp, now),
    ];
  },
};

export const leasePrinter: KindPrinter = {
  columns: [NAME, column('Holder'), AGE],
  cells: (lease, { now }) => [lease.metadata.name, text(lease, 'spec', 'holderIdentity'), ageSince(lease.metadata.creationTimestamp, now)],
};

export const priorityClassPrinter: KindPrinter = {
  columns: [NAME, column('Value', { type: 'integer' }), column('Global-Default', { type: 'boolean' }), AGE, wide('PreemptionPolicy')],
  cells: (pc, { now }) => [pc.metadata.name, Number(field(pc, 'value') ?? 0), Boolean(field(pc, 'globalDefault')), ageSince(pc.metadata.creationTimestamp, now), text(pc, 'preemptionPolicy') || 'PreemptLowerPriority'],
};

export const componentStatusPrinter: KindPrinter = {
  columns: [NAME, column('Status'), column('Message'), column('Error')],
  cells: (cs) => {
    const healthy = list<{ type: string; status: string; message?: string; error?: string }>(cs, 'conditions').find((c) => c.type === 'Healthy');
    return [cs.metadata.name, healthy?.status === 'True' ? 'Healthy' : 'Unhealthy', healthy?.message ?? '', healthy?.error ?? ''];
  },
};

export const apiServicePrinter: KindPrinter = {
  columns: [NAME, column('Service'), column('Available'), AGE],
  cells: (api, { now }) => {
    const service = record(api, 'spec', 'service');
    const available = list<{ type: string; status: string; reason?: string }>(api, 'status', 'conditions').find((c) => c.type === 'Available');
    return [
      api.metadata.name,
      service.name ? `${String(service.namespace ?? '')}/${String(service.name)}` : 'Local',
      available ? (available.status === 'True' ? 'True' : `${available.status} (${available.reason ?? ''})`) : 'Unknown',
      ageSince(api.metadata.creationTimestamp, now),
    ];
  },
};
