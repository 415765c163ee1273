import type { HypothesisStatus } from '../../core/session/events.js';
import type { RecentHypothesis } from '../../core/session/recent-hypotheses.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { TuiServices } from '../services.js';

/**
 * One line offered under the hypothesis field. While typing: catalogue hypotheses and tests that
 * match. With the field empty: this session's hypotheses (Enter goes back to one) and earlier
 * sessions' (Enter states it again).
 */
export type HypothesisChoice =
  | { key: string; kind: 'hypothesis'; id: string; text: string; tests: number }
  | { key: string; kind: 'test'; id: string; text: string; component: string }
  | { key: string; kind: 'session'; id: string; text: string; status: HypothesisStatus; runs: number }
  | { key: string; kind: 'recent'; text: string; catalogHypothesis?: string | undefined; status: HypothesisStatus };

/** The choices for what is typed; `testRows` caps how many tests are asked of the search. */
export function hypothesisChoices(
  typed: string,
  services: Pick<TuiServices, 'catalog' | 'detectedComponents'>,
  session: { hypotheses: readonly HypothesisState[]; runs: readonly { hypothesisId: string }[] },
  recent: readonly RecentHypothesis[],
  testRows: number,
): HypothesisChoice[] {
  if (typed.startsWith(':')) return [];
  if (typed.trim() === '') {
    const own = [...session.hypotheses].reverse().map((h): HypothesisChoice => ({
      key: `session-${h.id}`, kind: 'session', id: h.id, text: h.text, status: h.status, runs: session.runs.filter((r) => r.hypothesisId === h.id).length,
    }));
    const stated = new Set(session.hypotheses.map((h) => h.text.trim().toLowerCase()));
    const earlier = recent
      .filter((r) => !stated.has(r.text.trim().toLowerCase()))
      .map((r): HypothesisChoice => ({ key: `recent-${r.sessionId}-${r.text}`, kind: 'recent', text: r.text, catalogHypothesis: r.catalogHypothesis, status: r.status }));
    return [...own, ...earlier];
  }
  if (typed.trim().length < 2) return [];
  const { searcher, hypothesisById, testById } = services.catalog;
  const found = searcher.search(typed, { limit: Math.max(8, testRows), partial: true, ...(services.detectedComponents ? { detectedComponents: services.detectedComponents } : {}) });
  const hypotheses = found.hypotheses.slice(0, 3).flatMap((hit): HypothesisChoice[] => {
    const h = hypothesisById.get(hit.id);
    return h ? [{ key: `hypothesis-${h.id}`, kind: 'hypothesis', id: h.id, text: h.statement, tests: h.tests.length }] : [];
  });
  const tests = found.tests.slice(0, Math.max(2, testRows)).flatMap((hit): HypothesisChoice[] => {
    const t = testById.get(hit.id);
    return t ? [{ key: `test-${t.id}`, kind: 'test', id: t.id, text: t.title, component: t.component }] : [];
  });
  return [...hypotheses, ...tests];
}

/**
 * The cursor follows the item, not the row: when the list re-ranks (discovery finishing while the
 * user reads), Enter still takes what is highlighted. An item that left the list leaves nothing
 * highlighted, so Enter states the typed text rather than something unseen.
 */
export function cursorIndex(choices: readonly HypothesisChoice[], key: string | undefined): number {
  return key === undefined ? -1 : choices.findIndex((c) => c.key === key);
}

/** The key one step up or down from the current one; above the first is the field itself. */
export function movedKey(choices: readonly HypothesisChoice[], key: string | undefined, step: 1 | -1): string | undefined {
  const at = cursorIndex(choices, key);
  const next = Math.max(-1, Math.min(choices.length - 1, at + step));
  return next < 0 ? undefined : choices[next]?.key;
}
