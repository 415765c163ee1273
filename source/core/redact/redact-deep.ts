import { isPlaceholderValue, isSecretName, kindForKey, redactionMarker } from './key-names.js';
import { redactText } from './redact.js';

// Identifiers, enums and timestamps never carry secrets; leaving them alone keeps references intact.
const UNTOUCHED_KEYS = new Set(['type', 'at', 'sessionId', 'runId', 'hypothesisId', 'testId', 'status', 'outcome', 'effect', 'verdict', 'state', 'schema']);

/**
 * Redacts every string inside a JSON-like value; a string under a key named like a secret
 * (`password`, `token` …) is replaced whole.
 */
export function redactDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') {
    if (key && UNTOUCHED_KEYS.has(key)) return value;
    if (key && !isPlaceholderValue(value) && isSecretName(key)) return redactionMarker(kindForKey(key)) as T;
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
