import type { CatalogTest } from '../../core/catalog/schema.js';
import type { HypothesisState } from '../../core/session/reducer.js';
import type { TuiServices } from '../services.js';

/** How many ranked tests a hypothesis lists; a filter looks further down the ranking. */
const LISTED = 60;
const FILTERED_FROM = 300;

/**
 * The tests offered for a hypothesis: those its catalogue hypothesis names first, then search
 * results for its words, components detected in the cluster higher. `filtering` looks further down
 * the ranking, for a filter to choose from.
 */
export function rankedTests(services: TuiServices, hypothesis: HypothesisState | undefined, filtering: boolean): CatalogTest[] {
  if (!hypothesis) return [];
  const { searcher, testById, hypothesisById } = services.catalog;
  const named = hypothesis.catalogHypothesis ? (hypothesisById.get(hypothesis.catalogHypothesis)?.tests ?? []) : [];
  const limit = filtering ? FILTERED_FROM : LISTED;
  const found = searcher.search(hypothesis.text, { limit, ...(services.detectedComponents ? { detectedComponents: services.detectedComponents } : {}) }).tests.map((hit) => hit.id);
  return [...new Set([...named, ...found])].map((id) => testById.get(id)).filter((t): t is CatalogTest => t !== undefined);
}

/** The tests that mention every word of a filter (`/` on the list), in their order. */
export function filterTests(tests: readonly CatalogTest[], filter: string): CatalogTest[] {
  const words = filterWords(filter);
  return words.length === 0 ? [...tests] : tests.filter((test) => words.every((word) => textOf(test).includes(word)));
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
