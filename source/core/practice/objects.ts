/** Object metadata as the practice cluster stores it; the server fills uid, resourceVersion and times. */
export type ObjectMeta = {
  name: string;
  namespace?: string | undefined;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid?: string; controller?: boolean }[];
  [key: string]: unknown;
};

/** Any Kubernetes object: the scenario's YAML as the API would return it. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
};

/** Reads a nested field without a chain of casts: `field(pod, 'status', 'phase')`. */
export function field(object: unknown, ...keys: (string | number)[]): unknown {
  let at: unknown = object;
  for (const key of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

export function text(object: unknown, ...keys: (string | number)[]): string {
  const value = field(object, ...keys);
  return value === undefined || value === null ? '' : String(value);
}

export function num(object: unknown, ...keys: (string | number)[]): number {
  const value = Number(field(object, ...keys));
  return Number.isFinite(value) ? value : 0;
}

export function list<T = Record<string, unknown>>(object: unknown, ...keys: (string | number)[]): T[] {
  const value = field(object, ...keys);
  return Array.isArray(value) ? (value as T[]) : [];
}

export function record(object: unknown, ...keys: (string | number)[]): Record<string, unknown> {
  const value = field(object, ...keys);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Deep copy of JSON-shaped data, so answers never share structure with the store. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}
