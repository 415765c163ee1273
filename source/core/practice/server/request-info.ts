/** What a request path asks for, split the way the API server's own RequestInfo does. */
export type RequestTarget =
  | { kind: 'legacy-root' }
  | { kind: 'groups-root' }
  | { kind: 'group'; group: string }
  | { kind: 'group-version'; group: string; version: string }
  | {
      kind: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string | undefined;
      name?: string | undefined;
      subresource?: string | undefined;
      /** What follows `/proxy` (nodes and services proxy a path to the kubelet or the backend). */
      proxyPath?: string | undefined;
      /** The old `/watch/` path prefix. */
      watchPrefix: boolean;
    }
  | { kind: 'non-resource'; path: string };

/** Parses /api/v1/namespaces/shop/pods/api-0/log and friends; anything else is a non-resource path. */
export function parseRequestPath(pathname: string): RequestTarget {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'legacy-root' };
    const version = parts[1] ?? '';
    if (parts.length === 2) return { kind: 'group-version', group: '', version };
    return resourceTarget('', version, parts.slice(2)) ?? { kind: 'non-resource', path: pathname };
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'groups-root' };
    const group = parts[1] ?? '';
    if (parts.length === 2) return { kind: 'group', group };
    const version = parts[2] ?? '';
    if (parts.length === 3) return { kind: 'group-version', group, version };
    return resourceTarget(group, version, parts.slice(3)) ?? { kind: 'non-resource', path: pathname };
  }
  return { kind: 'non-resource', path: pathname };
}

function resourceTarget(group: string, version: string, rest: string[]): RequestTarget | undefined {
  let parts = rest;
  let watchPrefix = false;
  if (parts[0] === 'watch') {
    watchPrefix = true;
    parts = parts.slice(1);
  }
  // namespaces/<ns>/<plural>/… is namespaced; namespaces/<name>[/<sub>] is the namespace itself.
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    const [, namespace, plural, name, subresource, ...extra] = parts;
    if (!plural || (extra.length > 0 && subresource !== 'proxy')) return undefined;
    return { kind: 'resource', group, version, plural, namespace, name, subresource, watchPrefix, ...proxied(subresource, extra) };
  }
  const [plural, name, subresource, ...extra] = parts;
  if (!plural || (extra.length > 0 && subresource !== 'proxy')) return undefined;
  return { kind: 'resource', group, version, plural, name, subresource, watchPrefix, ...proxied(subresource, extra) };
}

function proxied(subresource: string | undefined, extra: string[]): { proxyPath?: string } {
  return subresource === 'proxy' ? { proxyPath: `/${extra.join('/')}` } : {};
}
