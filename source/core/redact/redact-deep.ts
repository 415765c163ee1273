import { isSecretName, redactionMarker, redactText } from './redact.js';

// Identifiers and timestamps never carry secrets; leaving them alone keeps references intact.
const UNTOUCHED_KEYS = new Set(['type', 'at', 'sessionId', 'runId', 'hypothesisId', 'testId', 'status', 'outcome', 'effect', 'verdict']);

/** Redacts every string inside a JSON-like value. */
export function redactDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') {
    if (key && UNTOUCHED_KEYS.has(key)) return value;
    if (key && value !== '' && isSecretName(key)) return redactionMarker('secret') as T;
    return redactText(value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, k);
    return out as T;
  }
  return value;
}
