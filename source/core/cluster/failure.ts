/** Why a cluster call did not answer, in kinds a person can act on. */
export type FailureKind =
  | 'no-kubeconfig'
  | 'kubeconfig'
  | 'credentials'
  | 'unreachable'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'not-found'
  | 'server'
  | 'cancelled';

/** A failed cluster call as a value: its kind and one line for the screen. */
export type ClusterFailure = { kind: FailureKind; message: string };

export type ClusterResult<T> = { ok: true; value: T } | { ok: false; failure: ClusterFailure };

/** What was being done when the call failed, for the message: "list pods in shop". */
export type CallLabel = { what: string; server?: string | undefined; context?: string | undefined };

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;

/**
 * Turns whatever a cluster call threw (client-node's ApiException, node-fetch's FetchError and
 * AbortError, a credential plugin's Error) into one line. Never throws.
 */
export function classifyFailure(error: unknown, label: CallLabel, timedOut = false): ClusterFailure {
  const server = label.server ?? 'the API server';
  const status = statusCodeOf(error);
  if (status !== undefined) return failureForStatus(status, error, label);
  const err = error as { name?: unknown; code?: unknown; errno?: unknown; type?: unknown; message?: unknown } | undefined;
  const name = typeof err?.name === 'string' ? err.name : '';
  const message = typeof err?.message === 'string' ? firstLine(err.message) : String(error);
  if (name === 'AbortError' || err?.type === 'aborted') {
    return timedOut
      ? { kind: 'timeout', message: `${server} did not answer in time (${label.what})` }
      : { kind: 'cancelled', message: `cancelled: ${label.what}` };
  }
  const code = typeof err?.code === 'string' ? err.code : typeof err?.errno === 'string' ? err.errno : '';
  if (TLS_CODES.test(code) || (code === '' && /certificate|self[- ]signed|\bTLS\b|\bSSL\b/i.test(message))) {
    return { kind: 'tls', message: `TLS with ${server} failed: ${tlsReason(code, message)}` };
  }
  if (UNREACHABLE_CODES.has(code) || err?.type === 'system') {
    return { kind: 'unreachable', message: `cannot reach ${server}: ${networkReason(code, message)}` };
  }
  if (/HTTP protocol is not allowed|No active cluster|Unsupported proxy/i.test(message)) {
    return { kind: 'kubeconfig', message: `kubeconfig${label.context ? ` context "${label.context}"` : ''}: ${message}` };
  }
  // Anything else thrown before a request went out comes from getting credentials (exec plugins, OIDC).
  return { kind: 'credentials', message: `could not get credentials${label.context ? ` for context "${label.context}"` : ''}: ${message}` };
}

function failureForStatus(status: number, error: unknown, label: CallLabel): ClusterFailure {
  const server = label.server ?? 'the API server';
  const detail = statusMessage(error);
  switch (true) {
    case status === 401:
      return {
        kind: 'unauthorized',
        message: `${server} rejected the credentials${label.context ? ` of context "${label.context}"` : ''} (401 Unauthorized): the token may have expired; log in again`,
      };
    case status === 403:
      return { kind: 'forbidden', message: `forbidden: you may not ${label.what}${detail ? ` (${detail})` : ''}` };
    case status === 404:
      return { kind: 'not-found', message: `not found: ${label.what}${detail ? ` (${detail})` : ''}` };
    case status === 408 || status === 504:
      return { kind: 'timeout', message: `${server} timed out (${label.what})` };
    default:
      return { kind: 'server', message: `${server} answered ${status} to ${label.what}${detail ? `: ${detail}` : ''}` };
  }
}

/** The HTTP status of an ApiException (`code`), if the error is one. */
function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

/** The Kubernetes Status message of an ApiException body, which may be an object or JSON text. */
function statusMessage(error: unknown): string | undefined {
  let body = (error as { body?: unknown } | undefined)?.body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return text.trim() === '' ? undefined : firstLine(text);
    }
  }
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? firstLine(message) : undefined;
}

function networkReason(code: string, message: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the cluster running, is the address right?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host (VPN down?)';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    default:
      return message.replace(/^request to \S+ failed, reason: /, '');
  }
}

function tlsReason(code: string, message: string): string {
  if (code === 'CERT_HAS_EXPIRED') return "the server's certificate has expired";
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'the server presents a self-signed certificate the kubeconfig does not trust';
  if (code.startsWith('UNABLE_TO_')) return "the server's certificate is not signed by the kubeconfig's certificate authority";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return "the server's certificate is not valid for this host name";
  return message.replace(/^request to \S+ failed, reason: /, '');
}

function firstLine(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
