import type { CatalogTest } from '../../core/catalog/schema.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { TuiServices } from '../services.js';

/**
 * The tests offered for a hypothesis: those its catalogue hypothesis names first, then search
 * results for its words (and any refining words), components detected in the cluster higher.
 */
export function testsForHypothesis(services: TuiServices, hypothesis: HypothesisState | undefined, refine: string, limit = 60): CatalogTest[] {
  if (!hypothesis) return [];
  const { searcher, testById, hypothesisById } = services.catalog;
  const named = hypothesis.catalogHypothesis ? (hypothesisById.get(hypothesis.catalogHypothesis)?.tests ?? []) : [];
  const query = `${hypothesis.text} ${refine}`.trim();
  const found = searcher.search(query, { limit, ...(services.detectedComponents ? { detectedComponents: services.detectedComponents } : {}) }).tests.map((hit) => hit.id);
  const ids = [...new Set([...(refine ? [] : named), ...found])];
  return ids.map((id) => testById.get(id)).filter((t): t is CatalogTest => t !== undefined);
}
