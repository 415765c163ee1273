import { field, list, record, text, type KubeObject } from '../objects.js';
import { formatLabelMap, formatSelector, type ObjectLabelSelector } from '../select/label-selector.js';
import { AGE, NAME, column, wide, type KindPrinter } from './columns.js';
import { ageSince, listOrNone, orNone } from './format.js';

type ServicePort = { port: number; nodePort?: number; protocol?: string };

function serviceExternalIp(svc: KubeObject): string {
  const external = list<string>(svc, 'spec', 'externalIPs');
  switch (text(svc, 'spec', 'type') || 'ClusterIP') {
    case 'LoadBalancer': {
      const ingress = list<{ ip?: string; hostname?: string }>(svc, 'status', 'loadBalancer', 'ingress').map((i) => i.ip ?? i.hostname ?? '');
      const all = [...ingress, ...external].filter((ip) => ip !== '');
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return text(svc, 'spec', 'externalName');
    default:
      return listOrNone(external);
  }
}

function servicePorts(svc: KubeObject): string {
  const ports = list<ServicePort>(svc, 'spec', 'ports').map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`));
  return listOrNone(ports);
}

export const servicePrinter: KindPrinter = {
  columns: [NAME, column('Type'), column('Cluster-IP'), column('External-IP'), column('Port(s)'), AGE, wide('Selector')],
  cells: (svc, { now }) => [
    svc.metadata.name,
    text(svc, 'spec', 'type') || 'ClusterIP',
    orNone(text(svc, 'spec', 'clusterIP')),
    serviceExternalIp(svc),
    servicePorts(svc),
    ageSince(svc.metadata.creationTimestamp, now),
    formatLabelMap(record(svc, 'spec', 'selector') as Record<string, string>),
  ],
};

/** At most three addresses, then "+ N more...", the way kubectl keeps wide endpoint lists readable. */
function firstThree(items: readonly string[]): string {
  if (items.length === 0) return '<none>';
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

export function readyEndpointAddresses(endpoints: KubeObject): string[] {
  const out: string[] = [];
  for (const subset of list(endpoints, 'subsets')) {
    const addresses = list<{ ip: string }>(subset, 'addresses');
    const ports = list<{ port: number }>(subset, 'ports');
    for (const address of addresses) {
      if (ports.length === 0) out.push(address.ip);
      for (const port of ports) out.push(`${address.ip}:${port.port}`);
    }
  }
  return out;
}

export const endpointsPrinter: KindPrinter = {
  columns: [NAME, column('Endpoints'), AGE],
  cells: (ep, { now }) => [ep.metadata.name, firstThree(readyEndpointAddresses(ep)), ageSince(ep.metadata.creationTimestamp, now)],
};

export const endpointSlicePrinter: KindPrinter = {
  columns: [NAME, column('AddressType'), column('Ports'), column('Endpoints'), AGE],
  cells: (slice, { now }) => {
    const ports = list<{ port?: number }>(slice, 'ports').map((p) => String(p.port ?? ''));
    const addresses = list<{ addresses: string[] }>(slice, 'endpoints').flatMap((e) => e.addresses);
    return [
      slice.metadata.name,
      text(slice, 'addressType'),
      ports.length > 0 ? ports.join(',') : '<unset>',
      addresses.length > 0 ? firstThree(addresses) : '<unset>',
      ageSince(slice.metadata.creationTimestamp, now),
    ];
  },
};

export const ingressPrinter: KindPrinter = {
  columns: [NAME, column('Class'), column('Hosts'), column('Address'), column('Ports'), AGE],
  cells: (ing, { now }) => {
    const hosts = list<{ host?: string }>(ing, 'spec', 'rules').map((r) => r.host || '*');
    const addresses = list<{ ip?: string; hostname?: string }>(ing, 'status', 'loadBalancer', 'ingress').map((i) => i.ip ?? i.hostname ?? '');
    const className = text(ing, 'spec', 'ingressClassName') || text(ing, 'metadata', 'annotations', 'kubernetes.io/ingress.class');
    return [
      ing.metadata.name,
      orNone(className),
      hosts.length > 0 ? hosts.join(',') : '*',
      addresses.join(','),
      list(ing, 'spec', 'tls').length > 0 ? '80, 443' : '80',
      ageSince(ing.metadata.creationTimestamp, now),
    ];
  },
};

export const ingressClassPrinter: KindPrinter = {
  columns: [NAME, column('Controller'), column('Parameters'), AGE],
  cells: (ic, { now }) => {
    const params = field(ic, 'spec', 'parameters') as { kind?: string; name?: string } | undefined;
    return [ic.metadata.name, text(ic, 'spec', 'controller'), params ? `${params.kind}/${params.name}` : '<none>', ageSince(ic.metadata.creationTimestamp, now)];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [NAME, column('Pod-Selector'), AGE],
  cells: (np, { now }) => [np.metadata.name, formatSelector(field(np, 'spec', 'podSelector') as ObjectLabelSelector | undefined), ageSince(np.metadata.creationTimestamp, now)],
};
