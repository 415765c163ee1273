import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { HunchError } from '../errors.js';
import { ApiTypes } from './api/api-types.js';
import { writePracticeKubeconfig, PRACTICE_CONTEXT } from './kubeconfig.js';
import { materializeObjects } from './materialize.js';
import { ObjectStore } from './object-store.js';
import { liveHeartbeats } from './renewals.js';
import type { Scenario } from './scenario/scenario.js';
import type { PracticeContext } from './server/context.js';
import { ExecWebSockets } from './server/exec-websocket.js';
import { sendJson } from './server/respond.js';
import { routeRequest } from './server/router.js';
import { routeUpgrade } from './server/upgrade.js';

export type PracticeCluster = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** A kubeconfig whose current context (`hunch-practice`) points at the server. */
  kubeconfigPath: string;
  context: string;
  namespace: string;
  scenario: Scenario;
  /** Stops the server, closes open watches and exec streams, removes the kubeconfig. Safe to call twice. */
  stop(): Promise<void>;
};

export type StartOptions = {
  scenario: Scenario;
  /** 0 (the default) picks a free port, so several practice clusters can run at once. */
  port?: number | undefined;
  /** Folder for the kubeconfig; a fresh temporary one by default. */
  kubeconfigDir?: string | undefined;
  /** Called once per request with "METHOD path status", for `--serve --verbose` and debugging. */
  onRequest?: ((line: string) => void) | undefined;
  /** The server's clock (ages, heartbeats); Date.now by default. Tests move it forward. */
  now?: (() => number) | undefined;
};

/** Starts a practice Kubernetes API server for a scenario on loopback and writes its kubeconfig. */
export async function startPracticeCluster(options: StartOptions): Promise<PracticeCluster> {
  const { scenario } = options;
  const startedAt = Date.now();
  const objects = materializeObjects(scenario, startedAt);
  const types = new ApiTypes(objects, { metrics: scenario.metrics !== undefined });
  const now = options.now ?? Date.now;
  const context: PracticeContext = {
    scenario,
    store: new ObjectStore(objects, types, { heartbeats: liveHeartbeats(objects, startedAt), now }),
    types,
    user: scenario.access?.user ?? 'practice-user',
    groups: scenario.access?.groups ?? ['system:authenticated'],
    serverAddress: '',
    now,
    watches: new Set(),
  };
  const sockets = new ExecWebSockets();
  const server = createServer((request, response) => {
    if (options.onRequest) response.on('finish', () => options.onRequest?.(`${request.method ?? ''} ${request.url ?? ''} ${response.statusCode}`));
    routeRequest(context, request, response).catch((error: unknown) => internalError(response, error));
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    options.onRequest?.(`${request.method ?? ''} ${request.url ?? ''} upgrade`);
    socket.on('error', () => socket.destroy());
    routeUpgrade(context, sockets, request, socket, head);
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  context.serverAddress = `127.0.0.1:${port}`;
  const kubeconfigPath = writePracticeKubeconfig({ server: url, namespace: scenario.namespace, user: context.user, dir: options.kubeconfigDir });
  const removeKubeconfig = () => rmSync(options.kubeconfigDir ? kubeconfigPath : dirname(kubeconfigPath), { recursive: true, force: true });
  // A process that exits without stop() still leaves no kubeconfig pointing at a dead port.
  process.once('exit', removeKubeconfig);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      process.off('exit', removeKubeconfig);
      for (const response of context.watches) response.end();
      sockets.close();
      server.close(() => resolve());
      server.closeAllConnections();
      removeKubeconfig();
    });
    return stopping;
  };
  return { url, kubeconfigPath, context: PRACTICE_CONTEXT, namespace: scenario.namespace, scenario, stop };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HunchError(`port ${port} is already in use`, { hint: 'leave --port out to let the practice cluster pick a free one' })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** A handler bug answers 500 with a Status, like a real server's panic handler, and the server keeps serving. */
function internalError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const message = `practice cluster bug: ${error instanceof Error ? error.message : String(error)}`;
  sendJson(response, 500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 });
}
