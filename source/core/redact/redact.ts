import { redactSecretManifests } from './secret-manifests.js';

/** The marker put in place of a secret, naming what kind it was. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}

type Pattern = { kind: string; regex: RegExp; replace?: (match: string, ...groups: string[]) => string };

const KEY_NAMES =
  'password|passwd|passphrase|pwd|secret|client[-_]?secret|token|access[-_]?token|refresh[-_]?token|id[-_]?token|auth[-_]?token|api[-_]?key|apikey|access[-_]?key|secret[-_]?key|private[-_]?key|client[-_]?key[-_]?data|aws_secret_access_key|aws_session_token|requirepass|masterauth';

const marker = redactionMarker;

/** Ordered: the most specific shapes first, generic key=value pairs last. */
const PATTERNS: Pattern[] = [
  {
    kind: 'private-key',
    regex: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY( BLOCK)?-----/g,
  },
  {
    kind: 'authorization',
    regex: /\b(authorization|proxy-authorization)(["']?\s*[:=]\s*["']?)(bearer|basic|token|digest|negotiate|aws4-hmac-sha256)?\s*[^\s"',;]+(,[^\s"']*)*/gi,
    replace: (_m, header: string, sep: string, scheme?: string) => `${header}${sep}${scheme ? `${scheme} ` : ''}${marker('authorization')}`,
  },
  { kind: 'bearer-token', regex: /\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, replace: (_m, word: string) => `${word} ${marker('bearer-token')}` },
  { kind: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g },
  { kind: 'aws-access-key-id', regex: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g },
  { kind: 'gcp-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'gcp-oauth-token', regex: /\bya29\.[0-9A-Za-z_-]{20,}/g },
  { kind: 'github-token', regex: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'gitlab-token', regex: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'slack-token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g },
  { kind: 'stripe-key', regex: /\b[rs]k_(live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'azure-key', regex: /\b(AccountKey|SharedAccessKey|sig)=[A-Za-z0-9%+/=]{16,}/g, replace: (m) => `${m.slice(0, m.indexOf('=') + 1)}${marker('azure-key')}` },
  {
    kind: 'url-password',
    regex: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:)([^\s@/'"]+)(@)/gi,
    replace: (_m, head: string, _pw: string, at: string) => `${head}${marker('url-password')}${at}`,
  },
  {
    kind: 'secret-value',
    // key: value, key=value, "key": "value", --key=value; the value runs to whitespace, a quote or a separator.
    regex: new RegExp(`(["']?(?:--)?\\b[A-Za-z0-9_.-]*?(?:${KEY_NAMES})\\b["']?\\s*[:=]\\s*)("[^"\\n]*"|'[^'\\n]*'|[^\\s,;&"'}]+)`, 'gi'),
    replace: (match: string, head: string, value: string) => (isPlaceholderValue(value) ? match : `${head}${quoteLike(value, marker('secret'))}`),
  },
];

/** Values that are clearly not secrets: empty, already redacted, or a reference to one. */
function isPlaceholderValue(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '');
  return bare === '' || bare.startsWith('[REDACTED') || /^(<[^>]*>|\*+|null|none|true|false|\$\{?[A-Z_]+\}?|secretKeyRef|valueFrom)$/i.test(bare);
}

function quoteLike(original: string, replacement: string): string {
  const quote = original.startsWith('"') ? '"' : original.startsWith("'") ? "'" : '';
  return `${quote}${replacement}${quote}`;
}

/** Whether a field or parameter name says its value is a secret. */
export function isSecretName(name: string): boolean {
  return new RegExp(`(${KEY_NAMES})$`, 'i').test(name.replace(/[^A-Za-z0-9_-]/g, ''));
}

/**
 * Replaces every secret hunch recognises with a marker naming its kind. Used on the journal, the
 * screen and every export, so a value redacted once is redacted everywhere.
 */
export function redactText(text: string): string {
  let result = redactSecretManifests(text);
  for (const pattern of PATTERNS) {
    result = pattern.replace
      ? result.replace(pattern.regex, pattern.replace as (substring: string, ...args: string[]) => string)
      : result.replace(pattern.regex, marker(pattern.kind));
  }
  return result;
}
