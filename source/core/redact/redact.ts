import { mightHoldSecret, SECRET_PATTERNS } from './patterns.js';
import { redactSecretManifests } from './secret-manifests.js';

export { isSecretName, redactionMarker } from './key-names.js';

/** Matches any redaction marker: tests and the report use it to count what was hidden. */
export const REDACTION_MARKER_PATTERN = /\[REDACTED:[a-z0-9-]+\]/g;

/**
 * Replaces every secret hunch recognises with a marker naming its kind. Used on the journal, the
 * screen and every export, so a value redacted once is redacted everywhere. Idempotent: redacting
 * redacted text changes nothing.
 */
export function redactText(text: string): string {
  if (text === '') return text;
  let result = redactSecretManifests(text);
  if (!mightHoldSecret(result)) return result;
  for (const pattern of SECRET_PATTERNS) {
    pattern.regex.lastIndex = 0;
    result = pattern.replace
      ? result.replace(pattern.regex, pattern.replace as (substring: string, ...args: unknown[]) => string)
      : result.replace(pattern.regex, `[REDACTED:${pattern.kind}]`);
  }
  return result;
}
