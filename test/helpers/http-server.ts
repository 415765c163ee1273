import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SecureVersion } from 'node:tls';
import { gzipSync } from 'node:zlib';

/** Answers one request; routes are matched on the path without its query. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on a free loopback port. `close` ends open connections too, so a suite never hangs. */
export type RunningServer = { url: string; port: number; close(): Promise<void> };

export type TlsOptions = {
  cert: string;
  key: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** OpenSSL cipher string; legacy TLS 1.0/1.1 needs `DEFAULT@SECLEVEL=0`. */
  ciphers?: string;
  /** Offer HTTP/2 by ALPN (HTTP/1.1 stays available). */
  http2?: boolean;
};

/** A plain HTTP server on 127.0.0.1 with the given routes; unknown paths answer 404. */
export function startHttpServer(routes: Readonly<Record<string, Handler>>): Promise<RunningServer> {
  return listen(createHttpServer(router(routes)), 'http', '127.0.0.1');
}

/** An HTTPS server presenting `tls.cert` (leaf first, then any intermediates) on 127.0.0.1. */
export function startHttpsServer(tls: TlsOptions, routes: Readonly<Record<string, Handler>> = { '/': reply(200, 'ok\n') }): Promise<RunningServer> {
  const options = {
    cert: tls.cert,
    key: tls.key,
    ...(tls.minVersion ? { minVersion: tls.minVersion } : {}),
    ...(tls.maxVersion ? { maxVersion: tls.maxVersion } : {}),
    ...(tls.ciphers ? { ciphers: tls.ciphers } : {}),
  };
  const handler = router(routes);
  const server = tls.http2
    ? createSecureServer({ ...options, allowHTTP1: true }, handler as unknown as Parameters<typeof createSecureServer>[1])
    : createHttpsServer(options, handler);
  return listen(server as unknown as Server, 'https', '127.0.0.1');
}

/** Listens on a free port of `host` (0.0.0.0 for "every interface", used by host tests). */
export function listenOn(host: string): Promise<RunningServer> {
  return listen(createHttpServer(router({})), 'http', host);
}

async function listen(server: Server, scheme: 'http' | 'https', host: string): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `${scheme}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function router(routes: Readonly<Record<string, Handler>>): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const handler = routes[path];
    if (handler) handler(req, res);
    else reply(404, 'not found\n')(req, res);
  };
}

/** Answers with a status, a body and headers (Content-Type text/plain unless given, or `null` to omit it). */
export function reply(status: number, body = '', headers: Readonly<Record<string, string | null>> = {}): Handler {
  return (_req, res) => {
    const merged: Record<string, string | null> = { 'content-type': 'text/plain; charset=utf-8', ...headers };
    for (const [name, value] of Object.entries(merged)) if (value !== null) res.setHeader(name, value);
    res.statusCode = status;
    res.end(body);
  };
}

/** Answers with a JSON body. */
export function replyJson(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): Handler {
  return reply(status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

/** Waits before handing the request on, like a backend stuck on its database. */
export function delayed(ms: number, handler: Handler): Handler {
  return (req, res) => {
    const timer = setTimeout(() => handler(req, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** Redirects to `location` (a path on the same server or a URL). */
export function redirect(location: string, status = 302): Handler {
  return reply(status, '', { location, 'content-type': null });
}

/** Sends `body` gzip-compressed when the client accepts it, as a well-configured server does. */
export function gzipWhenAccepted(body: string, contentType = 'text/html; charset=utf-8'): Handler {
  return (req, res) => {
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.setHeader('content-type', contentType);
    res.setHeader('vary', 'Accept-Encoding');
    if (accepts) res.setHeader('content-encoding', 'gzip');
    res.end(accepts ? gzipSync(body) : body);
  };
}

/** Answers CORS preflights for the given origins and methods (none: no CORS headers at all). */
export function corsPreflight(allowedOrigins: readonly string[], allowedMethods: readonly string[]): Handler {
  return (req, res) => {
    const origin = String(req.headers.origin ?? '');
    if (req.method === 'OPTIONS' && allowedOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-methods', allowedMethods.join(', '));
      res.setHeader('access-control-allow-headers', 'content-type, authorization');
      res.setHeader('access-control-max-age', '600');
      res.setHeader('vary', 'Origin');
    }
    res.statusCode = req.method === 'OPTIONS' ? 204 : 200;
    res.end();
  };
}

/** A cert-manager Certificate: only what tests read (which secret it writes). */
export type CertManagerCertificate = { namespace: string; name: string; secretName: string };

/** A Kubernetes Secret of type kubernetes.io/tls, as an API server returns it. */
export type TlsSecret = { namespace: string; name: string; cert: string; key: string; annotations?: Record<string, string> };

/**
 * The few API server paths the real kubectl asks for to read a Secret or a cert-manager Certificate:
 * discovery and GET of the object itself. Everything else answers a Kubernetes 404 Status.
 */
export function kubeSecretRoutes(secrets: readonly TlsSecret[], certificates: readonly CertManagerCertificate[] = []): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, value: unknown) => replyJson(status, value)(req, res);
    if (path === '/api') return json(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (path === '/apis') {
      const version = { groupVersion: 'cert-manager.io/v1', version: 'v1' };
      return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'cert-manager.io', versions: [version], preferredVersion: version }] });
    }
    if (path === '/apis/cert-manager.io/v1') {
      return json(200, {
        kind: 'APIResourceList',
        groupVersion: 'cert-manager.io/v1',
        resources: [{ name: 'certificates', singularName: 'certificate', namespaced: true, kind: 'Certificate', verbs: ['get', 'list'], shortNames: ['cert'] }],
      });
    }
    const certificatePath = /^\/apis\/cert-manager\.io\/v1\/namespaces\/([^/]+)\/certificates\/([^/]+)$/.exec(path);
    if (certificatePath) {
      const found = certificates.find((c) => c.namespace === certificatePath[1] && c.name === certificatePath[2]);
      if (!found) return json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `certificates.cert-manager.io "${certificatePath[2]}" not found` });
      return json(200, { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: found.name, namespace: found.namespace }, spec: { secretName: found.secretName } });
    }
    if (path === '/api/v1') {
      return json(200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [{ name: 'secrets', singularName: 'secret', namespaced: true, kind: 'Secret', verbs: ['get', 'list'], shortNames: [] }],
      });
    }
    if (path === '/version') return json(200, { major: '1', minor: '32', gitVersion: 'v1.32.0' });
    const match = /^\/api\/v1\/namespaces\/([^/]+)\/secrets\/([^/]+)$/.exec(path);
    const secret = match ? secrets.find((s) => s.namespace === match[1] && s.name === match[2]) : undefined;
    if (!secret) {
      return json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `secrets "${match?.[2] ?? ''}" not found` });
    }
    return json(200, {
      kind: 'Secret',
      apiVersion: 'v1',
      type: 'kubernetes.io/tls',
      metadata: { name: secret.name, namespace: secret.namespace, annotations: secret.annotations ?? {} },
      data: { 'tls.crt': Buffer.from(secret.cert).toString('base64'), 'tls.key': Buffer.from(secret.key).toString('base64') },
    });
  };
}

/** A kubeconfig pointing the real kubectl at `server` over plain HTTP. */
export function kubeconfigFor(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: "${server}"}
contexts:
- name: local
  context: {cluster: local, user: local, namespace: default}
current-context: local
users:
- name: local
  user: {}
`;
}

/** A plain HTTP server whose every path goes to one handler. */
export function startCatchAllServer(handler: Handler): Promise<RunningServer> {
  return listen(createHttpServer(handler), 'http', '127.0.0.1');
}
