import type { IncomingMessage, ServerResponse } from 'node:http';
import { forbiddenMessage, isAllowed, type AccessRequest } from '../access.js';
import { AGGREGATED_DISCOVERY_TYPE, aggregatedDiscovery, groupResources, legacyApiVersions, legacyGroup, legacyGroupList, legacyResourceList } from '../api/discovery.js';
import type { ResourceType } from '../api/resource-types.js';
import { REVIEW_KINDS } from '../api/resource-types.js';
import { badRequest, forbidden, methodNotAllowed, notFound, pathNotFound, serviceUnavailable, type StatusAnswer } from '../api/status.js';
import type { PracticeContext } from './context.js';
import { servePodLog } from './log-route.js';
import { answerMetrics } from './metrics-routes.js';
import { nodeStatsSummary } from './node-stats.js';
import { list } from '../objects.js';
import { answerNonResource } from './non-resource-routes.js';
import { getObject, listObjects, watchObjects } from './object-routes.js';
import { parseRequestPath, type RequestTarget } from './request-info.js';
import { acceptsAggregatedDiscovery, acceptsJson, readBody, sendJson, sendStatus, sendText } from './respond.js';
import { answerReview } from './review-routes.js';

type ResourceTarget = Extract<RequestTarget, { kind: 'resource' }>;

const READ_ONLY = 'the practice cluster is read-only: it serves its scenario as recorded and changes nothing';

/** The verb RBAC would see for a request, as the API server derives it. */
export function verbOf(method: string, target: ResourceTarget, url: URL): string {
  const watching = target.watchPrefix || ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watching) return 'watch';
      return target.name === undefined ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return target.name === undefined ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}

/** Resolves a resource target to its type and checks it exists at that scope. */
export function resolveResource(context: PracticeContext, target: ResourceTarget): ResourceType | StatusAnswer {
  const type = context.types.find(target.group, target.version, target.plural);
  if (!type) return pathNotFound();
  if (!type.namespaced && target.namespace !== undefined) return pathNotFound();
  return type;
}

/** The access check every resource request passes, with the server's refusal wording. */
export function checkAccess(context: PracticeContext, request: AccessRequest): StatusAnswer | undefined {
  if (isAllowed(context.scenario.access, request)) return undefined;
  return forbidden(forbiddenMessage(context.user, request), { group: request.group, plural: request.resource }, request.name);
}

/** Every plain HTTP request: discovery, resources, logs, reviews, metrics, then non-resource paths. */
export async function routeRequest(context: PracticeContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://practice.invalid');
  const method = request.method ?? 'GET';
  const target = parseRequestPath(url.pathname);
  if (target.kind !== 'non-resource' && !acceptsJson(request)) {
    return sendStatus(response, { code: 406, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'only JSON is served', reason: 'NotAcceptable', code: 406 } });
  }
  switch (target.kind) {
    case 'legacy-root':
      if (acceptsAggregatedDiscovery(request)) return sendJson(response, 200, aggregatedDiscovery(context.types.all, true), AGGREGATED_DISCOVERY_TYPE);
      return sendJson(response, 200, legacyApiVersions(context.serverAddress));
    case 'groups-root':
      if (acceptsAggregatedDiscovery(request)) return sendJson(response, 200, aggregatedDiscovery(context.types.all, false), AGGREGATED_DISCOVERY_TYPE);
      return sendJson(response, 200, legacyGroupList(context.types.all));
    case 'group': {
      const group = groupResources(context.types.all).find((g) => g.group === target.group && g.group !== '');
      return group ? sendJson(response, 200, legacyGroup(group)) : sendStatus(response, pathNotFound());
    }
    case 'group-version':
      if (!context.types.hasGroupVersion(target.group, target.version)) return sendStatus(response, pathNotFound());
      return sendJson(response, 200, legacyResourceList(target.group, target.version, context.types.all));
    case 'resource':
      return routeResource(context, request, response, target, url, method);
    case 'non-resource': {
      const answer = answerNonResource(context, url);
      if (!answer) return sendStatus(response, pathNotFound());
      return sendText(response, answer.code, answer.body, answer.contentType);
    }
  }
}

async function routeResource(context: PracticeContext, request: IncomingMessage, response: ServerResponse, target: ResourceTarget, url: URL, method: string): Promise<void> {
  const type = resolveResource(context, target);
  if ('code' in type) return sendStatus(response, type);
  const verb = verbOf(method, target, url);
  const where = { namespace: target.namespace, name: target.name };

  if (REVIEW_KINDS.has(type.kind)) {
    if (verb !== 'create') return sendStatus(response, methodNotAllowed(`${type.plural} can only be created`));
    const answer = answerReview(context, type.plural, await readBody(request));
    return 'code' in answer && 'body' in answer ? sendJson(response, answer.code, answer.body) : sendStatus(response, answer);
  }

  const refused = checkAccess(context, { verb, group: type.group, resource: type.plural, subresource: target.subresource, namespace: target.namespace, name: target.name });
  if (refused) return sendStatus(response, refused);

  if (type.group === 'metrics.k8s.io') {
    if (verb !== 'get' && verb !== 'list') return sendStatus(response, methodNotAllowed(READ_ONLY));
    const answer = answerMetrics(context, type.plural, target.namespace, target.name, url);
    return sendJson(response, answer.code, answer.body);
  }

  if (target.subresource !== undefined) return routeSubresource(context, response, type, target, url, verb);
  if (verb !== 'get' && verb !== 'list' && verb !== 'watch') return sendStatus(response, methodNotAllowed(READ_ONLY));
  if (verb === 'watch') return watchObjects(context, response, type, where, url);
  if (target.name !== undefined) return getObject(context, request, response, type, { ...where, name: target.name }, url);
  return listObjects(context, request, response, type, where, url);
}

function routeSubresource(context: PracticeContext, response: ServerResponse, type: ResourceType, target: ResourceTarget, url: URL, verb: string): void {
  const name = target.name ?? '';
  if (!type.subresources.includes(target.subresource ?? '')) return sendStatus(response, pathNotFound());
  if (type.kind === 'Pod' && target.subresource === 'log') return servePodLog(context, response, target.namespace ?? '', name, url);
  if (type.kind === 'Service' && target.subresource === 'proxy' && verb === 'get') {
    // Nothing behind a practice service answers HTTP, so the proxy fails as a real one would
    // when the backend is absent: no endpoints for that port, or nothing listening.
    const [serviceName = '', port] = name.replace(/^https?:/, '').split(':');
    const service = context.store.get(type, target.namespace, serviceName);
    if (!service) return sendStatus(response, notFound(type, serviceName));
    const ports = list<{ port?: number; name?: string }>(service, 'spec', 'ports');
    const served = port === undefined || ports.some((p) => String(p.port) === port || p.name === port);
    if (!served) return sendStatus(response, serviceUnavailable(`no endpoints available for service "${name}"`));
    return sendStatus(response, serviceUnavailable(`error trying to reach service: dial tcp: connect: connection refused`));
  }
  if (type.kind === 'Node' && target.subresource === 'proxy' && verb === 'get') {
    // The kubelet's own endpoints behind the API server's node proxy; only the stats summary is served.
    if (target.proxyPath !== '/stats/summary') return sendStatus(response, pathNotFound());
    const node = context.store.get(type, undefined, name);
    return node ? sendJson(response, 200, nodeStatsSummary(context, node)) : sendStatus(response, notFound(type, name));
  }
  if (type.kind === 'Pod' && (target.subresource === 'exec' || target.subresource === 'attach' || target.subresource === 'portforward')) {
    return sendStatus(response, badRequest('Upgrade request required'));
  }
  if (target.subresource === 'status' && verb === 'get') {
    const object = context.store.get(type, target.namespace, name);
    return object ? sendJson(response, 200, object) : sendStatus(response, notFound(type, name));
  }
  return sendStatus(response, methodNotAllowed(READ_ONLY));
}
