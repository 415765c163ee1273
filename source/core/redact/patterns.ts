import { isPlaceholderValue, kindForKey, redactionMarker as marker, SECRET_KEY_NAMES } from './key-names.js';

/** One recognisable secret shape. `replace` keeps the surrounding text (the header, the key). */
export type SecretPattern = { kind: string; regex: RegExp; replace?: (match: string, ...groups: string[]) => string };

// Separators stay on one line: `[ \t]` rather than `\s`, so a key with an empty value never
// swallows the next line.
// No space before a colon: `key: value` and `"key": "value"` never have one, prose often does.
const SEP = '(?:[ \\t]*=|:)[ \\t]*';
const AUTH_SCHEMES = '(?:bearer|basic|token|digest|negotiate|aws4-hmac-sha256|apikey|sso-key)';

/**
 * Ordered: whole blocks first (private keys), then headers and well-known token shapes, then the
 * generic `key: value` pairs, which skip anything an earlier pattern already replaced.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    regex: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY( BLOCK)?-----/g,
  },
  {
    // A key whose start was cut off (the tail of a long output) or whose end never came.
    kind: 'private-key',
    regex: /^[\s\S]*?-----END ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----|-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*$/g,
  },
  {
    kind: 'authorization',
    regex: new RegExp(
      `\\b((?:proxy-)?authorization)(["']?[ \\t]*[:=][ \\t]*["']?)(?!(?:${AUTH_SCHEMES}[ \\t]+)?\\[REDACTED)(?:(${AUTH_SCHEMES})[ \\t]+)?[^\\s"',;]+((?:,[ \\t]*[A-Za-z]+=[^\\s,"']+)*)`,
      'gi',
    ),
    replace: (_m, header: string, sep: string, scheme?: string) => `${header}${sep}${scheme ? `${scheme} ` : ''}${marker('authorization')}`,
  },
  {
    kind: 'cookie',
    regex: /^([<>*]?[ \t]*(?:set-)?cookie[ \t]*:[ \t]*)(?![ \t]|\[REDACTED).+$/gim,
    replace: (_m, head: string) => `${head}${marker('cookie')}`,
  },
  {
    kind: 'bearer-token',
    regex: /\b(bearer)[ \t]+(?!\[REDACTED)(?=[A-Za-z0-9\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{16,}=*/gi,
    replace: (_m, word: string) => `${word} ${marker('bearer-token')}`,
  },
  { kind: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g },
  { kind: 'aws-access-key-id', regex: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'gcp-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'gcp-oauth-token', regex: /\bya29\.[0-9A-Za-z_-]{20,}/g },
  { kind: 'gcp-client-secret', regex: /\bGOCSPX-[A-Za-z0-9_-]{20,}/g },
  { kind: 'github-token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'gitlab-token', regex: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack-token', regex: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  { kind: 'slack-token', regex: /\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{32,}/g },
  { kind: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g },
  { kind: 'stripe-key', regex: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'npm-token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'vault-token', regex: /\bhv[sbr]\.[A-Za-z0-9_-]{24,}/g },
  {
    kind: 'azure-key',
    regex: /\b(AccountKey|SharedAccessKey|sig)=(?!\[REDACTED)[A-Za-z0-9%+/=]{16,}/g,
    replace: (_m, name: string) => `${name}=${marker('azure-key')}`,
  },
  { kind: 'azure-client-secret', regex: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  {
    // scheme://user:password@host, the user may be empty (redis://:password@host).
    kind: 'url-password',
    regex: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)(?!\[REDACTED)([^\s@/'"]+)(@)/gi,
    replace: (_m, head: string, _pw: string, at: string) => `${head}${marker('url-password')}${at}`,
  },
  {
    // The second half of a pair split over two lines: env `- name: DB_PASSWORD` then `value: …`.
    kind: 'env-value',
    regex: new RegExp(
      `((?:-[ \\t]*)?["']?name["']?[ \\t]*:[ \\t]*["']?([A-Za-z0-9_.-]*(?:${SECRET_KEY_NAMES}))["']?,?[ \\t]*\\r?\\n[ \\t]*["']?value["']?[ \\t]*:[ \\t]*)("[^"\\n]*"|'[^'\\n]*'|[^\\s,}]+)`,
      'gi',
    ),
    replace: (match: string, head: string, name: string, value: string) => (isPlaceholderValue(value) ? match : `${head}${quoteLike(value, marker(kindForKey(name)))}`),
  },
  {
    // redis-cli CONFIG GET prints the name and the value on consecutive numbered lines.
    kind: 'password',
    regex: /(\d+\) "(?:requirepass|masterauth|masteruser)"\r?\n\d+\) )"(?!\[REDACTED)[^"\n]+"/g,
    replace: (_m, head: string) => `${head}"${marker('password')}"`,
  },
  {
    // docker config.json: "auth": "base64(user:password)".
    kind: 'registry-auth',
    regex: /("auth"[ \t]*:[ \t]*")(?!\[REDACTED)[A-Za-z0-9+/=]{8,}(")/g,
    replace: (_m, head: string, tail: string) => `${head}${marker('registry-auth')}${tail}`,
  },
  {
    kind: 'secret',
    // key: value, key=value, "key": "value", --key=value; the value runs to whitespace, a quote or a separator.
    regex: new RegExp(`(["']?(?:--)?\\b([A-Za-z0-9_.-]*?(?:${SECRET_KEY_NAMES}))\\b["']?${SEP})("[^"\\n]*"|'[^'\\n]*'|[^\\s,;&"'}]+)`, 'gi'),
    replace: (match: string, head: string, key: string, value: string, offset: unknown, whole: unknown) =>
      isPlaceholderValue(value) || isSizeOnly(String(whole), Number(offset) + match.length) ? match : `${head}${quoteLike(value, marker(kindForKey(key)))}`,
  },
];

/**
 * Every match of every pattern above contains one of these literals (regex-escaped, lowercase):
 * text with none of them holds no secret hunch recognises, so redaction can skip it whole. This is
 * what keeps a test that prints gigabytes from being slowed to a crawl. A new pattern adds its
 * literal here; test/core/redact/triggers.test.ts checks every pattern's matches in the corpus.
 */
const TRIGGERS = [
  'private key', 'authorization', 'cookie', 'bearer', 'eyj', 'akia', 'asia', 'agpa', 'aida', 'aroa', 'anpa', 'anva', 'aipa', 'abia', 'acca',
  'aiza', 'ya29\\.', 'gocspx-', 'gh[pousr]_', 'github_pat_', 'glpat-', 'xox', 'xapp-', 'hooks\\.slack\\.com', 'k_live_', 'k_test_', 'npm_',
  'hv[sbr]\\.', 'accountkey=', 'sharedaccesskey=', 'sig=', 'q~', '://', 'requirepass', 'masterauth', 'masteruser', '"auth"',
  'pass', 'pwd', 'secret', 'token', 'key', 'credential',
];
// Grouped by first character (`p(?:rivate key|ass|wd)|…`): V8 then tests one character per
// position before trying a branch, two to three times faster than a flat case-insensitive list.
const TRIGGER_SEARCH = new RegExp(groupByFirstCharacter(TRIGGERS));

function groupByFirstCharacter(literals: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const literal of literals) groups.set(literal.charAt(0), [...(groups.get(literal.charAt(0)) ?? []), literal.slice(1)]);
  return [...groups].map(([first, rests]) => `${first.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:${rests.join('|')})`).join('|');
}

/** Whether the text may hold a secret some pattern recognises (false means it certainly holds none). */
export function mightHoldSecret(text: string): boolean {
  return TRIGGER_SEARCH.test(text.toLowerCase());
}

/** `kubectl describe secret` prints sizes, not values: "password:  8 bytes". */
function isSizeOnly(text: string, end: number): boolean {
  return /^[ \t]+bytes\b/.test(text.slice(end, end + 8));
}

function quoteLike(original: string, replacement: string): string {
  const quote = original.startsWith('"') ? '"' : original.startsWith("'") ? "'" : '';
  return `${quote}${replacement}${quote}`;
}
