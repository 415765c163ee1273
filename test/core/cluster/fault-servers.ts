import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { selectContext } from '../../../source/core/cluster/kubeconfig-files.js';
import { ClusterService, type ClusterServiceOptions } from '../../../source/core/cluster/cluster-service.js';
import { tempDir } from '../../helpers/temp.js';

/** Something on loopback a kubeconfig can point at; `close` ends every connection too. */
export type FaultServer = { url: string; close(): Promise<void> };

/** A kubeconfig with one context `name` pointing at `server`, written into a fresh folder. */
export function writeKubeconfig(server: string, options: { name?: string; namespace?: string; token?: string; dir?: string; caFile?: string } = {}): string {
  const name = options.name ?? 'test';
  const path = join(options.dir ?? tempDir({}, 'hunch-kubeconfig-'), `${name}.kubeconfig`);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server, ...(options.caFile ? { 'certificate-authority': options.caFile } : {}) } }],
    users: [{ name, user: { token: options.token ?? 'test-token' } }],
    contexts: [{ name, context: { cluster: name, user: name, ...(options.namespace ? { namespace: options.namespace } : {}) } }],
    'current-context': name,
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}

/** A loopback port nothing listens on: connections are refused at once. */
export async function closedPort(): Promise<string> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Accepts connections and never answers, like an API server behind a black-holing proxy. */
export async function silentServer(): Promise<FaultServer & { connections: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createNetServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with a Kubernetes Status of `code`, as an API server refusing it would. */
export async function statusServer(code: number, reason: string, message: string): Promise<FaultServer & { requests: string[] }> {
  const requests: string[] = [];
  const server = createHttpServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(code, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A ClusterService over a kubeconfig file, as the TUI builds one. */
export function clusterServiceFor(kubeconfig: string, options: Partial<ClusterServiceOptions> = {}): ClusterService {
  const selection = selectContext({ kubeconfig, env: {} });
  return new ClusterService({
    files: [kubeconfig],
    explicitKubeconfig: true,
    context: selection.context,
    namespace: selection.namespace,
    contexts: selection.contexts,
    components: [],
    isProduction: () => false,
    ...options,
  });
}

/** Resolves when the service's discovery has finished, one way or the other. */
export function discoveryFinished(service: ClusterService): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const status = service.state().discovery.status;
      if (status === 'ready' || status === 'failed') {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = service.subscribe(check);
    service.start();
    check();
  });
}
