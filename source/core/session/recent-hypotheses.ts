import type { HypothesisStatus } from './events.js';
import { listSessionIds, loadSession } from './store.js';

/** A hypothesis stated in an earlier session, offered again when the hypothesis field is empty. */
export type RecentHypothesis = { text: string; catalogHypothesis?: string | undefined; status: HypothesisStatus; sessionId: string; at: string };

/**
 * Hypotheses of the latest earlier sessions, newest first, one per wording. Only the last few
 * journals are read, so a long history costs nothing at start.
 */
export function recentHypotheses(options: { env?: NodeJS.ProcessEnv; exclude?: string | undefined; sessions?: number; limit?: number } = {}): RecentHypothesis[] {
  const ids = listSessionIds(options.env)
    .filter((id) => id !== options.exclude)
    .slice(0, options.sessions ?? 10);
  const found: RecentHypothesis[] = [];
  for (const id of ids) {
    const loaded = loadSession(id, options.env);
    if (!loaded) continue;
    for (const h of [...loaded.state.hypotheses].reverse()) {
      found.push({ text: h.text, catalogHypothesis: h.catalogHypothesis, status: h.status, sessionId: id, at: h.statedAt });
    }
  }
  const seen = new Set<string>();
  return found
    .filter((h) => {
      const key = h.text.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, options.limit ?? 8);
}
