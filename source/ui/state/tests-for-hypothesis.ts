import type { CatalogTest } from '../../core/catalog/schema.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { TuiServices } from '../services.js';

/** How many ranked tests a hypothesis lists; a filter looks further down the ranking. */
const LISTED = 60;
const FILTERED_FROM = 300;

/**
 * The tests offered for a hypothesis: those its catalogue hypothesis names first, then search
 * results for its words, components detected in the cluster higher. A filter (`/` on the list)
 * keeps, in that order, only the tests that mention every one of its words.
 */
export function testsForHypothesis(services: TuiServices, hypothesis: HypothesisState | undefined, filter = ''): CatalogTest[] {
  if (!hypothesis) return [];
  const words = filterWords(filter);
  const { searcher, testById, hypothesisById } = services.catalog;
  const named = hypothesis.catalogHypothesis ? (hypothesisById.get(hypothesis.catalogHypothesis)?.tests ?? []) : [];
  const limit = words.length > 0 ? FILTERED_FROM : LISTED;
  const found = searcher.search(hypothesis.text, { limit, ...(services.detectedComponents ? { detectedComponents: services.detectedComponents } : {}) }).tests.map((hit) => hit.id);
  const ranked = [...new Set([...named, ...found])].map((id) => testById.get(id)).filter((t): t is CatalogTest => t !== undefined);
  return words.length === 0 ? ranked : ranked.filter((test) => words.every((word) => textOf(test).includes(word)));
}

/** A filter's words, lowercased: `psql lag` keeps tests that mention both. */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

const texts = new WeakMap<CatalogTest, string>();

/** What a filter looks in, lowercased: what the list shows and what the test runs, not its prose. */
function textOf(test: CatalogTest): string {
  let text = texts.get(test);
  if (text === undefined) {
    const command = test.command ? test.command.flatMap((part) => (typeof part === 'string' ? [part] : part.args)).join(' ') : (test.script ?? '');
    text = [test.id, test.title, test.component, ...test.tags, ...test.symptoms, test.summary, command].join('\n').toLowerCase();
    texts.set(test, text);
  }
  return text;
}
