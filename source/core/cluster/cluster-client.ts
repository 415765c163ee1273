import type {
  ApiextensionsV1Api,
  AppsV1Api,
  AuthorizationV1Api,
  BatchV1Api,
  ConfigurationOptions,
  CoreV1Api,
  NetworkingV1Api,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import { setMaxListeners } from 'node:events';
import { classifyFailure, type ClusterResult } from './failure.js';
import { loadKubeClient, loadKubeconfig, type KubeconfigRequest } from './kube-config.js';

/** The typed API groups hunch reads, all bound to one context. */
export type ClusterApis = {
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  networking: NetworkingV1Api;
  extensions: ApiextensionsV1Api;
  authorization: AuthorizationV1Api;
};

/** Per-call options client-node's typed APIs accept: here, the abort signal and extra headers. */
export type CallOptions = ConfigurationOptions;

/** A few seconds: long enough for a busy API server, short enough that nobody waits on a dead one. */
export const DEFAULT_CALL_TIMEOUT_MS = 5000;

export type CallExtras = {
  signal?: AbortSignal | undefined;
  /** Extra request headers (a metadata-only Accept for Secret lists, say). */
  headers?: Readonly<Record<string, string>> | undefined;
};

/**
 * One kubeconfig context's API client. Every call has a timeout, honours the caller's AbortSignal
 * and returns its failure as a value with one line to show.
 */
export class ClusterClient {
  private constructor(
    private readonly apis: ClusterApis,
    private readonly observable: (promise: Promise<unknown>) => unknown,
    readonly context: string,
    readonly server: string,
    /** Every context the kubeconfig defines. */
    readonly contexts: readonly string[],
    /** The namespace the context names, if any. */
    readonly contextNamespace: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  static async open(request: KubeconfigRequest & { timeoutMs?: number | undefined }): Promise<ClusterResult<ClusterClient>> {
    const loaded = await loadKubeconfig(request);
    if (!loaded.ok) return loaded;
    const k8s = await loadKubeClient();
    const { config } = loaded.value;
    const apis: ClusterApis = {
      core: config.makeApiClient(k8s.CoreV1Api),
      apps: config.makeApiClient(k8s.AppsV1Api),
      batch: config.makeApiClient(k8s.BatchV1Api),
      networking: config.makeApiClient(k8s.NetworkingV1Api),
      extensions: config.makeApiClient(k8s.ApiextensionsV1Api),
      authorization: config.makeApiClient(k8s.AuthorizationV1Api),
    };
    const { context, server, contexts, contextNamespace } = loaded.value;
    const observable = (promise: Promise<unknown>) => new k8s.Observable(promise);
    return { ok: true, value: new ClusterClient(apis, observable, context, server, contexts, contextNamespace, request.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS) };
  }

  /**
   * Runs one API call. `what` names it for the failure line ("list pods in shop"). The call is
   * abandoned when the caller aborts or the timeout passes, even if the library would hang (a
   * credential plugin waiting for a browser login, a server that accepts and never answers).
   */
  async call<T>(what: string, run: (apis: ClusterApis, options: CallOptions) => Promise<T>, extras: CallExtras = {}): Promise<ClusterResult<T>> {
    const label = { what, server: this.server, context: this.context };
    if (extras.signal?.aborted) return { ok: false, failure: { kind: 'cancelled', message: `cancelled: ${what}` } };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    // One caller's signal governs many parallel calls (a discovery, a screen of access checks);
    // Node's listener-leak warning would print over the TUI.
    if (extras.signal) setMaxListeners(0, extras.signal);
    const signal = extras.signal ? AbortSignal.any([extras.signal, timeout.signal]) : timeout.signal;
    try {
      const value = await untilAborted(run(this.apis, this.optionsFor(signal, extras.headers)), signal);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, failure: classifyFailure(error, label, timeout.signal.aborted && !extras.signal?.aborted) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** client-node 1.x takes no signal per call; a middleware puts it on the request, which node-fetch honours. */
  private optionsFor(signal: AbortSignal, headers: Readonly<Record<string, string>> | undefined): CallOptions {
    const middleware = {
      pre: (request: RequestContext) => {
        request.setSignal(signal);
        for (const [name, value] of Object.entries(headers ?? {})) request.setHeaderParam(name, value);
        return this.observable(Promise.resolve(request));
      },
      post: (response: ResponseContext) => this.observable(Promise.resolve(response)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' } as unknown as CallOptions;
  }
}

/** Settles with the call, or rejects as aborted the moment the signal fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('the request was aborted'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
