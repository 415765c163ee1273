import type { SearchIndex } from './build-index.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { QueryExpander } from './query-terms.js';
import { diversify, type RankedDoc } from './diversify.js';
import { phraseTerms } from './tokenize.js';

export type SearchHit = { id: string; score: number; matched: string[] };
export type SearchResults = { tests: SearchHit[]; hypotheses: SearchHit[] };

export type SearchOptions = {
  limit?: number;
  /** Components recognised in the current cluster rank higher. */
  detectedComponents?: ReadonlySet<string>;
  /** Treat the last word as unfinished (search as you type). */
  partial?: boolean;
};

const DETECTED_BOOST = 1.3;
const HYPOTHESIS_SHARE = 0.6;
/** Query words tracked per document: one bit each. Longer queries share the last bit. */
const MAX_SOURCES = 31;

/**
 * Ranks catalogue tests and hypotheses for what the user typed. Per query it touches only the
 * documents that share a term with it, with typed arrays rather than objects, so a keystroke
 * costs milliseconds at 10,000 tests.
 */
export class CatalogSearcher {
  private readonly docCount: number;
  private readonly expander: QueryExpander;
  private phrases: PhraseMatcher | undefined;
  private readonly isHypothesis: Uint8Array;

  constructor(readonly index: SearchIndex) {
    this.docCount = index.docs.ids.length;
    this.expander = new QueryExpander(index);
    this.isHypothesis = index.docs.hypothesis;
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const queryTerms = this.expander.expand(query, options.partial ?? false);
    if (queryTerms.length === 0) return { tests: [], hypotheses: [] };
    const sources: string[] = [];
    const bitOf = (source: string): number => {
      let at = sources.indexOf(source);
      if (at < 0) at = sources.push(source) - 1;
      return 1 << Math.min(at, MAX_SOURCES - 1);
    };
    const scores = new Float64Array(this.docCount);
    const masks = new Uint32Array(this.docCount);
    const labels = new Map<number, string[]>();
    const touched: number[] = [];
    const touch = (doc: number) => {
      if (masks[doc] === 0 && !labels.has(doc)) touched.push(doc);
    };

    // How much each word the user typed is worth: the idf of the best term it reached.
    const sourceWeight = new Map<string, number>();
    const postings = this.index.postings;
    for (const { term, weight, source } of queryTerms) {
      const id = this.expander.termId(term);
      if (id === undefined) continue;
      const from = this.index.starts[id] as number;
      const to = this.index.starts[id + 1] as number;
      const idf = Math.log(1 + this.docCount / (to - from));
      sourceWeight.set(source, Math.max(sourceWeight.get(source) ?? 0, idf * weight));
      const bit = bitOf(source);
      for (let pair = from; pair < to; pair++) {
        const doc = postings[pair * 2] as number;
        touch(doc);
        scores[doc] = (scores[doc] as number) + weight * idf * (postings[pair * 2 + 1] as number);
        masks[doc] = (masks[doc] as number) | bit;
      }
    }

    this.phrases ??= new PhraseMatcher(this.index);
    const words = phraseTerms(query).map((word) => this.expander.termId(word) ?? -1);
    for (const { doc, bonus, phrase } of this.phrases.match(words).values()) {
      touch(doc);
      scores[doc] = (scores[doc] as number) + bonus;
      addLabel(labels, doc, `"${phrase}"`);
    }

    // Tests that answer more of what was said beat tests that answer one word very well.
    const wanted = Math.max(1, new Set(queryTerms.map((q) => q.source)).size);
    for (const doc of touched) scores[doc] = (scores[doc] as number) * (0.5 + Math.min(1, popcount(masks[doc] as number) / wanted));
    this.spreadHypotheses(touched, scores, labels, touch);

    const detected = options.detectedComponents;
    const limit = options.limit ?? 50;
    const testDocs: number[] = [];
    const hypothesisDocs: number[] = [];
    for (const doc of touched) {
      if ((scores[doc] as number) <= 0) continue;
      if (doc >= this.docCount) continue;
      if (detected?.has(this.index.docs.components[doc] as string)) scores[doc] = (scores[doc] as number) * DETECTED_BOOST;
      (this.isHypothesis[doc] ? hypothesisDocs : testDocs).push(doc);
    }
    const ranked = (docs: number[], count: number): RankedDoc[] =>
      topByScore(docs, count, scores, this.index.docs.ids).map((doc) => ({ doc, id: this.index.docs.ids[doc] ?? '', score: scores[doc] as number, mask: masks[doc] as number }));
    const weights = sources.map((source) => sourceWeight.get(source) ?? 0);
    const hit = (d: RankedDoc): SearchHit => ({ id: d.id, score: Math.round(d.score * 1000) / 1000, matched: [...sourcesOf(d.mask, sources), ...(labels.get(d.doc) ?? [])] });
    return {
      tests: diversify(ranked(testDocs, Math.max(limit * 3, 30, limit)), limit, weights).map(hit),
      hypotheses: ranked(hypothesisDocs, Math.min(limit, 10)).map(hit),
    };
  }

  /**
   * A matching hypothesis brings its tests along with part of its score. Only hypotheses close to
   * the best one count, and a test takes the best share rather than the sum, so a test named by
   * many loosely matching hypotheses does not outrank one that answers the query itself.
   */
  private spreadHypotheses(touched: number[], scores: Float64Array, labels: Map<number, string[]>, touch: (doc: number) => void): void {
    let best = 0;
    for (const doc of touched) if (this.isHypothesis[doc]) best = Math.max(best, scores[doc] as number);
    if (best <= 0) return;
    const shares = new Map<number, number>();
    for (const doc of touched) {
      const score = scores[doc] as number;
      if (!this.isHypothesis[doc] || score < best * 0.5) continue;
      const id = this.index.docs.ids[doc] ?? '';
      for (const test of this.index.hypothesisTests[doc] ?? []) {
        shares.set(test, Math.max(shares.get(test) ?? 0, score * HYPOTHESIS_SHARE));
        addLabel(labels, test, `hypothesis:${id}`);
      }
    }
    for (const [test, share] of shares) {
      touch(test);
      scores[test] = (scores[test] as number) + share;
    }
  }
}

function addLabel(labels: Map<number, string[]>, doc: number, label: string): void {
  const list = labels.get(doc);
  if (list) list.push(label);
  else labels.set(doc, [label]);
}

function popcount(mask: number): number {
  let n = mask - ((mask >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function sourcesOf(mask: number, sources: readonly string[]): string[] {
  return sources.filter((_, i) => (mask & (1 << Math.min(i, MAX_SOURCES - 1))) !== 0);
}

/**
 * The `count` best documents, best first (ties by id, so results are stable). Only they are
 * sorted: a query can touch every test of a large catalogue, but only one page is ever shown.
 */
function topByScore(docs: number[], count: number, scores: Float64Array, ids: readonly string[]): number[] {
  const better = (a: number, b: number) => {
    const diff = (scores[b] as number) - (scores[a] as number);
    if (diff !== 0) return diff;
    const idA = ids[a] ?? '';
    const idB = ids[b] ?? '';
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
  if (docs.length > count * 4) {
    // Keep only documents at or above the count-th best score, found without sorting them all.
    const sample = Float64Array.from(docs, (d) => scores[d] as number).sort();
    const floor = sample[sample.length - count] as number;
    docs = docs.filter((d) => (scores[d] as number) >= floor);
  }
  return docs.sort(better).slice(0, count);
}
