/** A Kubernetes Status answer: what the API server sends for every failure, with its HTTP code. */
export type StatusAnswer = { code: number; body: Record<string, unknown> };

type Reason = 'NotFound' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'NotAcceptable' | 'InternalError' | 'Unauthorized' | 'ServiceUnavailable';

function status(code: number, reason: Reason, message: string, details?: Record<string, unknown>): StatusAnswer {
  return {
    code,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code },
  };
}

/** What: `pods "api-0" not found`, the message kubectl prints after "Error from server (NotFound):". */
export function notFound(resource: { group: string; plural: string }, name: string): StatusAnswer {
  const what = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
  return status(404, 'NotFound', `${what} "${name}" not found`, { name, group: resource.group, kind: resource.plural });
}

/** A path the server does not serve at all: a bare 404 Status like a real server's. */
export function pathNotFound(): StatusAnswer {
  return status(404, 'NotFound', 'the server could not find the requested resource');
}

export function badRequest(message: string): StatusAnswer {
  return status(400, 'BadRequest', message);
}

export function forbidden(message: string, resource: { group: string; plural: string }, name?: string): StatusAnswer {
  return status(403, 'Forbidden', message, { ...(name ? { name } : {}), group: resource.group, kind: resource.plural });
}

export function serviceUnavailable(message: string): StatusAnswer {
  return status(503, 'ServiceUnavailable', message);
}

export function methodNotAllowed(message: string): StatusAnswer {
  return status(405, 'MethodNotAllowed', message);
}

/** The Status a successful exec ends with on the error channel. */
export function execSuccess(): Record<string, unknown> {
  return { metadata: {}, status: 'Success' };
}

/** The Status an exec ends with when the command exits non-zero: kubectl turns it into its own exit code. */
export function execExitCode(exitCode: number): Record<string, unknown> {
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [sh], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}
