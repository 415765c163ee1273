import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, type ResourceType } from '../api/resource-types.js';
import { badRequest, notFound } from '../api/status.js';
import type { KubeObject } from '../objects.js';
import { matchesFields, parseFieldSelector } from '../select/field-selector.js';
import { matchesLabels, parseLabelSelector } from '../select/label-selector.js';
import { buildTable, type IncludeObject } from '../table/printers.js';
import type { PracticeContext } from './context.js';
import { acceptsTable, sendJson, sendStatus } from './respond.js';

type Where = { namespace?: string | undefined; name?: string | undefined };

/** A stored object as served at the requested version (custom resources may be served at several). */
function served(object: KubeObject, type: ResourceType): KubeObject {
  const apiVersion = apiVersionOf(type);
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}

function includeObject(url: URL): IncludeObject {
  const value = url.searchParams.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** GET of one object: JSON, or a one-row Table when kubectl asks for its printed form. */
export function getObject(context: PracticeContext, request: IncomingMessage, response: ServerResponse, type: ResourceType, where: Where & { name: string }, url: URL): void {
  const object = context.store.get(type, where.namespace, where.name);
  if (!object) return sendStatus(response, notFound(type, where.name));
  const body = served(object, type);
  if (acceptsTable(request)) {
    return sendJson(response, 200, buildTable(type, [body], { now: context.now(), includeObject: includeObject(url), resourceVersion: context.store.resourceVersion }));
  }
  sendJson(response, 200, body);
}

/** The objects a list or watch selects; a bad selector is the server's 400, as a value. */
export function selectObjects(context: PracticeContext, type: ResourceType, where: Where, url: URL): KubeObject[] | { error: string } {
  let objects = context.store.list(type, type.namespaced ? where.namespace : undefined);
  const labelText = url.searchParams.get('labelSelector');
  if (labelText) {
    const parsed = parseLabelSelector(labelText);
    if (!parsed.ok) return { error: parsed.message };
    objects = objects.filter((o) => matchesLabels(parsed.requirements, o.metadata.labels));
  }
  const fieldText = url.searchParams.get('fieldSelector');
  if (fieldText) {
    const parsed = parseFieldSelector(fieldText, type);
    if (!parsed.ok) return { error: parsed.message };
    objects = objects.filter((o) => matchesFields(parsed.requirements, o, type.plural));
  }
  return objects.map((o) => served(o, type));
}

/** LIST: every selected object, as a `<Kind>List` or as a Table for kubectl get. */
export function listObjects(context: PracticeContext, request: IncomingMessage, response: ServerResponse, type: ResourceType, where: Where, url: URL): void {
  const objects = selectObjects(context, type, where, url);
  if ('error' in objects) return sendStatus(response, badRequest(objects.error));
  const resourceVersion = context.store.resourceVersion;
  if (acceptsTable(request)) {
    return sendJson(response, 200, buildTable(type, objects, { now: context.now(), includeObject: includeObject(url), resourceVersion }));
  }
  sendJson(response, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion }, items: objects });
}

/**
 * WATCH: nothing in the practice cluster changes, so a watch from a list's resourceVersion stays
 * quiet until the client leaves or its timeout ends; a watch from scratch first replays every
 * object as ADDED, as the real server does.
 */
export function watchObjects(context: PracticeContext, response: ServerResponse, type: ResourceType, where: Where, url: URL): void {
  const objects = selectObjects(context, type, where, url);
  if ('error' in objects) return sendStatus(response, badRequest(objects.error));
  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  // Headers go out now, as a real server's do: a client waits for them before it counts the watch as open.
  response.flushHeaders();
  const from = url.searchParams.get('resourceVersion');
  if (!from || from === '0') {
    for (const object of objects) response.write(`${JSON.stringify({ type: 'ADDED', object })}\n`);
  }
  context.watches.add(response);
  const seconds = Number(url.searchParams.get('timeoutSeconds') ?? '1800');
  const timer = setTimeout(() => response.end(), Math.max(1, Math.min(seconds, 3600)) * 1000);
  response.on('close', () => {
    clearTimeout(timer);
    context.watches.delete(response);
  });
}
