import type { Suggestion } from '../../core/cluster/suggest-values.js';

/**
 * Values used for a parameter of this name earlier in the session, newest first: what the user
 * ran before (runs, newest last in the session) and what they chose for tests not run yet.
 */
export function recentValues(param: string, runs: readonly { values: Readonly<Record<string, string>> }[], chosen: Readonly<Record<string, Readonly<Record<string, string>>>>): string[] {
  const fromRuns = [...runs].reverse().map((r) => r.values[param]);
  const fromChoices = Object.entries(chosen)
    .filter(([testId]) => testId !== '*')
    .map(([, values]) => values[param]);
  return [...new Set([...fromRuns, ...fromChoices].filter((v): v is string => v !== undefined && v !== ''))];
}

/**
 * Suggestions with the recently used values first ("used earlier", with what the cluster says of
 * them), then the cluster's own order.
 */
export function withRecentFirst(suggestions: readonly Suggestion[], recent: readonly string[]): Suggestion[] {
  const byValue = new Map(suggestions.map((s) => [s.value, s]));
  const first = recent.map((value): Suggestion => {
    const note = byValue.get(value)?.note;
    return { value, note: note ? `used earlier · ${note}` : 'used earlier' };
  });
  const used = new Set(recent);
  return [...first, ...suggestions.filter((s) => !used.has(s.value))];
}
