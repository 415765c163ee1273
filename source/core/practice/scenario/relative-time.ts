const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const AGO = /^((?:\d+[smhd])+) ago$/;
const AHEAD = /^in ((?:\d+[smhd])+)$/;

function spanMs(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhd])/g)) total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  return total;
}

/** "3d ago", "2h30m ago", "in 20d" or "now" as an RFC 3339 time relative to `now`; anything else stays as written. */
export function resolveRelativeTime(value: string, now: number): string {
  if (value === 'now') return rfc3339(now);
  const ago = AGO.exec(value);
  if (ago) return rfc3339(now - spanMs(ago[1] ?? ''));
  const ahead = AHEAD.exec(value);
  if (ahead) return rfc3339(now + spanMs(ahead[1] ?? ''));
  return value;
}

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `{{5m ago}}` or `{{in 2d}}` inside free text (a log line, a condition message) becomes a timestamp. */
export function resolveTimesInText(text: string, now: number): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{((?:\d+[smhd])+ ago|in (?:\d+[smhd])+)\}\}/g, (_, span: string) => resolveRelativeTime(span, now));
}

/** Keys that hold times in the Kubernetes API (creationTimestamp, lastTransitionTime, finishedAt, notAfter …). */
const TIME_KEY = /(Time|Timestamp|At|^notAfter|^notBefore|^timestamp|^time)$/;

/**
 * Replaces relative times under time-like keys, so a scenario written once keeps its ages: a pod
 * "created 3d ago" shows AGE 3d whenever the practice cluster starts. Other strings (a Corefile,
 * a log line) are left exactly as written.
 */
export function resolveRelativeTimes<T>(value: T, now: number, key = ''): T {
  if (typeof value === 'string') return (TIME_KEY.test(key) ? resolveRelativeTime(value, now) : resolveTimesInText(value, now)) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => resolveRelativeTimes(item, now, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, resolveRelativeTimes(item, now, name)])) as T;
  }
  return value;
}
