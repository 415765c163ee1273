import { apiVersionOf, type ResourceType } from './resource-types.js';

/** The content type of aggregated discovery (one answer for every group, Kubernetes 1.30+). */
export const AGGREGATED_DISCOVERY_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

type GroupVersions = { group: string; versions: { version: string; resources: ResourceType[] }[] };

/** Resource types grouped by group and version, in the order a real server lists them (core first). */
export function groupResources(types: readonly ResourceType[]): GroupVersions[] {
  const groups: GroupVersions[] = [];
  for (const type of types) {
    let group = groups.find((g) => g.group === type.group);
    if (!group) {
      group = { group: type.group, versions: [] };
      groups.push(group);
    }
    let version = group.versions.find((v) => v.version === type.version);
    if (!version) {
      version = { version: type.version, resources: [] };
      group.versions.push(version);
    }
    version.resources.push(type);
  }
  return groups;
}

/** The answer to GET /api: the legacy core group's versions. */
export function legacyApiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** The answer to GET /apis for clients that do not ask for aggregated discovery. */
export function legacyGroupList(types: readonly ResourceType[]): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupResources(types)
      .filter((g) => g.group !== '')
      .map((g) => legacyGroup(g)),
  };
}

export function legacyGroup(group: GroupVersions): object {
  const versions = group.versions.map((v) => ({ groupVersion: `${group.group}/${v.version}`, version: v.version }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group.group, versions, preferredVersion: versions[0] };
}

/** GET /api/v1 or /apis/<group>/<version>: the resources of one group version, subresources included. */
export function legacyResourceList(group: string, version: string, types: readonly ResourceType[]): object {
  const resources = types
    .filter((t) => t.group === group && t.version === version)
    .flatMap((t) => [
      {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
        ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
        ...(t.categories.length > 0 ? { categories: t.categories } : {}),
      },
      ...t.subresources.map((sub) => ({ name: `${t.plural}/${sub}`, singularName: '', namespaced: t.namespaced, kind: subresourceKind(t, sub), verbs: subresourceVerbs(sub) })),
    ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

/** GET /api or /apis with the aggregated discovery Accept header: every resource in one answer. */
export function aggregatedDiscovery(types: readonly ResourceType[], legacy: boolean): object {
  const groups = groupResources(types).filter((g) => (g.group === '') === legacy);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v.version,
        freshness: 'Current',
        resources: v.resources.map((t) => ({
          resource: t.plural,
          responseKind: { group: t.group, version: t.version, kind: t.kind },
          scope: t.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: t.singular,
          verbs: t.verbs,
          ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
          ...(t.categories.length > 0 ? { categories: t.categories } : {}),
          ...(t.subresources.length > 0
            ? { subresources: t.subresources.map((sub) => ({ subresource: sub, responseKind: { group: '', version: '', kind: subresourceKind(t, sub) }, verbs: subresourceVerbs(sub) })) }
            : {}),
        })),
      })),
    })),
  };
}

const SUBRESOURCE_KINDS: Readonly<Record<string, string>> = {
  scale: 'Scale',
  eviction: 'Eviction',
  binding: 'Binding',
  token: 'TokenRequest',
  exec: 'PodExecOptions',
  attach: 'PodAttachOptions',
  portforward: 'PodPortForwardOptions',
};

function subresourceKind(type: ResourceType, sub: string): string {
  if (sub === 'proxy') return `${type.kind}ProxyOptions`;
  return SUBRESOURCE_KINDS[sub] ?? type.kind;
}

function subresourceVerbs(sub: string): string[] {
  switch (sub) {
    case 'log':
      return ['get'];
    case 'exec':
    case 'attach':
    case 'portforward':
      return ['create', 'get'];
    case 'proxy':
      return ['create', 'delete', 'get', 'patch', 'update'];
    case 'eviction':
    case 'binding':
    case 'token':
      return ['create'];
    default:
      return ['get', 'patch', 'update'];
  }
}
