/**
 * Field names whose value is a secret wherever they appear: `key: value`, `key=value`,
 * `"key": "value"`, `--key=value`, environment variables (`PGPASSWORD=…`), kubeconfig users.
 * A name matches when it ends with one of these (`DB_PASSWORD`, `id-token`, `SecretAccessKey`).
 */
export const SECRET_KEY_NAMES =
  'password|passwd|passphrase|pwd|secret|client[-_]?secret|token|access[-_]?token|refresh[-_]?token|id[-_]?token|auth[-_]?token|api[-_]?key|apikey|access[-_]?key|secret[-_]?key|private[-_]?key|client[-_]?key[-_]?data|aws_secret_access_key|aws_session_token|requirepass|masterauth|credentials?';

const NAME_ENDS_SECRET = new RegExp(`(${SECRET_KEY_NAMES})$`, 'i');

/** Whether a field or parameter name says its value is a secret. */
export function isSecretName(name: string): boolean {
  return NAME_ENDS_SECRET.test(name.replace(/[^A-Za-z0-9_-]/g, ''));
}

/** The marker kind for a secret found by its key name: says what it was without saying what it is. */
export function kindForKey(name: string): string {
  const key = name.toLowerCase();
  if (/client[-_]?key[-_]?data/.test(key)) return 'kubeconfig-client-key';
  if (/pass|pwd|requirepass|masterauth/.test(key)) return 'password';
  if (/token/.test(key)) return 'token';
  if (/private[-_]?key/.test(key)) return 'private-key';
  if (/aws_secret_access_key|secretaccesskey/.test(key.replace(/[-_]/g, '')) || /secret[-_]?access[-_]?key/.test(key)) return 'aws-secret-key';
  if (/key/.test(key)) return 'api-key';
  if (/credential/.test(key)) return 'credentials';
  return 'secret';
}

/** The marker put in place of a secret, naming what kind it was. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}

/**
 * Values that are clearly not secrets: empty, already redacted, a reference or a placeholder
 * printed by a tool that hides the value itself (`kubectl config view`, `kubectl describe`).
 */
export function isPlaceholderValue(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '').trim();
  if (bare === '' || bare.startsWith('[REDACTED') || bare.startsWith('<') || bare.startsWith('$(') || bare.startsWith('${')) return true;
  return /^(\*+|x{3,}|null|nil|none|true|false|yes|no|\$[A-Z_][A-Z0-9_]*|secretKeyRef|valueFrom|REDACTED|DATA\+OMITTED|\{\}|\[\]|-|\||>|[|>][-+]?)$/i.test(bare);
}
