/**
 * A duration the way kubectl's AGE column shows it: seconds up to two minutes, then minutes and
 * seconds, hours and minutes, days and hours, days, years and days: "45s", "3m20s", "5h10m",
 * "2d3h", "120d", "2y30d".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

function withRest(value: number, unit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${value}${unit}` : `${value}${unit}${rest}${restUnit}`;
}

/** Age of a timestamp relative to `now`; "<unknown>" when there is none, as kubectl shows it. */
export function ageSince(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>';
  const at = Date.parse(timestamp);
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}

/** A list shown in a column: comma-joined, `<none>` when empty. */
export function listOrNone(values: readonly string[]): string {
  return values.length > 0 ? values.join(',') : '<none>';
}

export function orNone(value: unknown): string {
  return value === undefined || value === null || value === '' ? '<none>' : String(value);
}
