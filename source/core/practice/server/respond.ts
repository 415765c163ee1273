import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StatusAnswer } from '../api/status.js';

/** Writes a JSON answer; the API server always says application/json unless a client asked for a named variant. */
export function sendJson(response: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  response.end(text);
}

export function sendStatus(response: ServerResponse, answer: StatusAnswer): void {
  sendJson(response, answer.code, answer.body);
}

export function sendText(response: ServerResponse, code: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  response.end(text);
}

/** Accept header parts, e.g. `application/json;as=Table;v=v1;g=meta.k8s.io`. */
export function acceptsTable(request: IncomingMessage): boolean {
  return /as=Table/.test(request.headers.accept ?? '');
}

export function acceptsAggregatedDiscovery(request: IncomingMessage): boolean {
  return /as=APIGroupDiscoveryList/.test(request.headers.accept ?? '') && /v=v2(?![a-z0-9])/.test(request.headers.accept ?? '');
}

/** Protobuf alone cannot be served: the practice cluster speaks JSON, which every client also accepts. */
export function acceptsJson(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept === '' || /application\/json|\*\/\*|application\/yaml/.test(accept);
}

export async function readBody(request: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
