import { text } from '../objects.js';
import type { PracticeContext } from './context.js';

export type RawAnswer = { code: number; body: string; contentType: string };

const HEALTH_CHECKS = ['ping', 'log', 'etcd', 'informer-sync', 'poststarthook/start-apiserver-admission-initializer', 'poststarthook/rbac/bootstrap-roles', 'shutdown'];

/** The control plane's version: the kubelet version of the scenario's control-plane node, else 1.32. */
function versionInfo(context: PracticeContext): object {
  const nodes = context.store.ofKind('Node');
  const controlPlane = nodes.find((n) => Object.keys(n.metadata.labels ?? {}).includes('node-role.kubernetes.io/control-plane')) ?? nodes[0];
  const gitVersion = text(controlPlane, 'status', 'nodeInfo', 'kubeletVersion') || 'v1.32.4';
  const [major = '1', minor = '32'] = gitVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:03:00Z',
    goVersion: 'go1.23.8',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function healthReport(endpoint: string, verbose: boolean): string {
  if (!verbose) return 'ok';
  return `${HEALTH_CHECKS.map((c) => `[+]${c} ok`).join('\n')}\n${endpoint} check passed\n`;
}

/**
 * Paths outside the resource API: /version, the health endpoints, and whatever raw bodies the
 * scenario gives (a failing /readyz, the apiserver's /metrics). Undefined means 404.
 */
export function answerNonResource(context: PracticeContext, url: URL): RawAnswer | undefined {
  const raw = context.scenario.raw[`${url.pathname}${url.search}`] ?? context.scenario.raw[url.pathname];
  if (raw !== undefined) {
    const failing = /^\/(readyz|livez|healthz)/.test(url.pathname) && /\[-\]|failed/.test(raw);
    return { code: failing ? 500 : 200, body: raw, contentType: 'text/plain; charset=utf-8' };
  }
  if (url.pathname === '/version' || url.pathname === '/version/') {
    return { code: 200, body: JSON.stringify(versionInfo(context)), contentType: 'application/json' };
  }
  const check = /^\/(readyz|livez|healthz)\/([a-z0-9/-]+)$/.exec(url.pathname);
  if (check && HEALTH_CHECKS.includes(check[2] ?? '')) return { code: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
  const health = /^\/(readyz|livez|healthz)\/?$/.exec(url.pathname);
  if (health) return { code: 200, body: healthReport(health[1] ?? 'healthz', url.searchParams.has('verbose')), contentType: 'text/plain; charset=utf-8' };
  if (url.pathname === '/') {
    const paths = ['/api', '/api/v1', '/apis', ...new Set(context.types.all.filter((t) => t.group).map((t) => `/apis/${t.group}`)), '/healthz', '/livez', '/readyz', '/version'];
    return { code: 200, body: JSON.stringify({ paths: paths.sort() }), contentType: 'application/json' };
  }
  return undefined;
}
