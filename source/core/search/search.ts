import Fuse from 'fuse.js';
import type { SearchIndex } from './build-index.js';
import { phraseTerms, stem, tokenize } from './tokenize.js';

export type SearchHit = { id: string; score: number; matched: string[] };
export type SearchResults = { tests: SearchHit[]; hypotheses: SearchHit[] };

export type SearchOptions = {
  limit?: number;
  /** Components recognised in the current cluster rank higher. */
  detectedComponents?: ReadonlySet<string>;
  /** Treat the last word as unfinished (search as you type). */
  partial?: boolean;
};

/** How much each way of reaching a term counts, relative to a word the user typed. */
const QUERY_WEIGHTS = { typed: 1, vocabulary: 0.45, fuzzy: 0.7, prefix: 0.6 } as const;
const DETECTED_BOOST = 1.3;
/** How much of a result's score survives when it adds no new part of the query to the page. */
const REDUNDANCY_FLOOR = 0.65;
const HYPOTHESIS_SHARE = 0.6;
const PHRASE_BONUS = 10;

type QueryTerm = { term: string; weight: number; source: string };

/** A search index plus the lazily built helpers that only some queries need. */
export class CatalogSearcher {
  private fuse: Fuse<string> | undefined;
  private readonly docCount: number;
  private readonly termIds: Map<string, number>;

  constructor(readonly index: SearchIndex) {
    this.docCount = index.docs.length;
    this.termIds = new Map(index.terms.map((term, i) => [term, i]));
  }

  /** The [from, to) range of a term's pairs in the packed postings, if the term is known. */
  private range(term: string): [number, number] | undefined {
    const id = this.termIds.get(term);
    if (id === undefined) return undefined;
    return [this.index.starts[id] as number, this.index.starts[id + 1] as number];
  }

  private knows(term: string): boolean {
    return this.termIds.has(term);
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const queryTerms = this.expand(query, options.partial ?? false);
    if (queryTerms.length === 0) return { tests: [], hypotheses: [] };
    const scores = new Float64Array(this.docCount);
    const matched = new Map<number, Set<string>>();
    const typedWords = new Set(queryTerms.map((q) => q.source));

    const postings = this.index.postings;
    // How much each word the user typed is worth: the idf of the best term it reached.
    const sourceWeight = new Map<string, number>();
    for (const { term, weight, source } of queryTerms) {
      const range = this.range(term);
      if (!range) continue;
      const [from, to] = range;
      const idf = Math.log(1 + this.docCount / (to - from));
      sourceWeight.set(source, Math.max(sourceWeight.get(source) ?? 0, idf * weight));
      for (let pair = from; pair < to; pair++) {
        const doc = postings[pair * 2] as number;
        scores[doc] = (scores[doc] ?? 0) + weight * idf * (postings[pair * 2 + 1] as number);
        let set = matched.get(doc);
        if (!set) matched.set(doc, (set = new Set()));
        set.add(source);
      }
    }

    this.addPhraseBonus(query, scores, matched);
    // Tests that answer more of what was said beat tests that answer one word very well.
    const wanted = Math.max(1, typedWords.size);
    for (const [doc, sources] of matched) {
      let covered = 0;
      for (const source of sources) if (typedWords.has(source)) covered++;
      const coverage = Math.min(1, covered / wanted);
      scores[doc] = (scores[doc] ?? 0) * (0.5 + coverage);
    }
    this.spreadHypotheses(scores, matched);

    const detected = options.detectedComponents;
    const tests: SearchHit[] = [];
    const hypotheses: SearchHit[] = [];
    for (const [doc, sources] of matched) {
      const info = this.index.docs[doc];
      if (!info) continue;
      let score = scores[doc] ?? 0;
      if (score <= 0) continue;
      if (detected?.has(info.component)) score *= DETECTED_BOOST;
      const hit = { id: info.id, score: Math.round(score * 1000) / 1000, matched: [...sources] };
      (info.kind === 'test' ? tests : hypotheses).push(hit);
    }
    const byScore = (a: SearchHit, b: SearchHit) => b.score - a.score || a.id.localeCompare(b.id);
    tests.sort(byScore);
    hypotheses.sort(byScore);
    const limit = options.limit ?? 50;
    return { tests: diversify(tests, limit, sourceWeight), hypotheses: hypotheses.slice(0, Math.min(limit, 10)) };
  }


  /** Typed words, then what they stand for, close spellings of unknown words, and the unfinished last word. */
  private expand(query: string, partial: boolean): QueryTerm[] {
    const tokens = tokenize(query);
    const out = new Map<string, QueryTerm>();
    const put = (term: string, weight: number, source: string) => {
      const existing = out.get(term);
      if (!existing || existing.weight < weight) out.set(term, { term, weight, source });
    };
    const lastRaw = query.trimEnd().split(/[^A-Za-z0-9]+/).pop()?.toLowerCase() ?? '';
    const endsMidWord = partial && !/[\s]$/.test(query);
    for (const [i, token] of tokens.entries()) {
      const weight = token.part ? 0.6 : 1;
      const known = this.knows(token.term);
      if (known) put(token.term, QUERY_WEIGHTS.typed * weight, token.term);
      for (const related of this.index.vocabulary[token.term] ?? []) put(related, QUERY_WEIGHTS.vocabulary * weight, token.term);
      const isLast = i === tokens.length - 1 || (tokens[tokens.length - 1]?.part ?? false);
      if (endsMidWord && isLast && lastRaw.length >= 2) {
        for (const term of this.withPrefix(lastRaw)) put(term, QUERY_WEIGHTS.prefix, token.term);
      }
      if (!known && !token.part && token.term.length >= 4) {
        // An unknown word may be a compound people write without spaces ("crashloop") or the
        // start of a longer one ("crashloopback"): try its parts and its completions before typos.
        const parts = this.compoundParts(token.term);
        for (const part of parts) put(part, QUERY_WEIGHTS.fuzzy, token.term);
        const completions = token.term.length >= 6 ? this.withPrefix(token.term).slice(0, 4) : [];
        for (const term of completions) put(term, QUERY_WEIGHTS.fuzzy, token.term);
        const explained = parts.length > 0 || completions.length > 0 || (this.index.vocabulary[token.term]?.length ?? 0) > 0;
        if (!explained) for (const term of this.closeSpellings(token.term)) put(term, QUERY_WEIGHTS.fuzzy, token.term);
      }
    }
    return [...out.values()];
  }

  /** Two known terms (3+ letters each) that make up an unknown word, if any split does. */
  private compoundParts(word: string): string[] {
    for (let cut = 3; cut <= word.length - 3; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      const tailTerm = this.knows(tail) ? tail : this.knows(stem(tail)) ? stem(tail) : undefined;
      if (this.knows(head) && tailTerm) return [head, tailTerm];
    }
    return [];
  }

  private withPrefix(prefix: string): string[] {
    const terms = this.index.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((terms[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < terms.length && found.length < 12; i++) {
      const term = terms[i] as string;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found;
  }

  /** fuse.js over the vocabulary of terms (not whole documents): typo tolerance at a small, fixed cost. */
  private closeSpellings(term: string): string[] {
    this.fuse ??= new Fuse(
      this.index.terms.filter((t) => t.length >= 3),
      { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3, isCaseSensitive: true },
    );
    return this.fuse
      .search(term, { limit: 3 })
      .filter((result) => (result.score ?? 1) <= 0.34 && Math.abs(result.item.length - term.length) <= 3)
      .map((result) => result.item);
  }

  /** Pasted error strings: a symptom phrase found whole in the query (or the query inside it). */
  private addPhraseBonus(query: string, scores: Float64Array, matched: Map<number, Set<string>>): void {
    const words = phraseTerms(query);
    if (words.length < 2) return;
    const joined = ` ${words.join(' ')} `;
    // The best phrase of each document counts once: ten symptoms that mention "disk full" are no
    // stronger evidence than one.
    const best = new Map<number, { bonus: number; phrase: string }>();
    const present = new Set(words);
    for (const [doc, phrase] of this.index.phrases) {
      const text = ` ${phrase.join(' ')} `;
      const inQuery = joined.includes(text);
      const queryInPhrase = text.includes(joined);
      let bonus = 0;
      if (inQuery || queryInPhrase) {
        // A symptom that is exactly what was typed is the strongest signal there is.
        const exact = inQuery && queryInPhrase;
        bonus = PHRASE_BONUS * Math.min(phrase.length, words.length) * (exact ? 3 : 1);
      } else if (phrase.length >= 3) {
        // A pasted error string rarely matches a symptom word for word ("has expired or is not
        // yet valid" against "is not yet valid"): most of a long symptom's words still count.
        const found = phrase.filter((term) => present.has(term)).length;
        if (found >= 3 && found / phrase.length >= 0.75) bonus = (PHRASE_BONUS * found) / 2;
      }
      if (bonus === 0) continue;
      if ((best.get(doc)?.bonus ?? 0) < bonus) best.set(doc, { bonus, phrase: phrase.join(' ') });
    }
    for (const [doc, { bonus, phrase }] of best) {
      scores[doc] = (scores[doc] ?? 0) + bonus;
      let set = matched.get(doc);
      if (!set) matched.set(doc, (set = new Set()));
      set.add(`"${phrase}"`);
    }
  }

  /**
   * A matching hypothesis brings its tests along with part of its score. Only hypotheses close to
   * the best one count, and a test takes the best share rather than the sum, so a test named by
   * many loosely matching hypotheses does not outrank one that answers the query itself.
   */
  private spreadHypotheses(scores: Float64Array, matched: Map<number, Set<string>>): void {
    const entries = Object.entries(this.index.hypothesisTests).map(([doc, tests]) => ({ doc: Number(doc), tests, score: scores[Number(doc)] ?? 0 }));
    const best = Math.max(0, ...entries.map((e) => e.score));
    if (best <= 0) return;
    const shares = new Map<number, number>();
    for (const { doc, tests, score } of entries) {
      if (score < best * 0.5) continue;
      const id = this.index.docs[doc]?.id ?? '';
      for (const test of tests) {
        shares.set(test, Math.max(shares.get(test) ?? 0, score * HYPOTHESIS_SHARE));
        let set = matched.get(test);
        if (!set) matched.set(test, (set = new Set()));
        set.add(`hypothesis:${id}`);
      }
    }
    for (const [test, share] of shares) scores[test] = (scores[test] ?? 0) + share;
  }
}

/**
 * Orders the first page so it covers the question, not one word of it ten times: each pick is
 * scored down by how little it adds to the parts of the query already answered higher up (a
 * greedy maximal-coverage ordering). Results that add nothing keep most of their score, so a
 * query with one aspect still ranks by relevance.
 */
function diversify(hits: SearchHit[], limit: number, sourceWeight: ReadonlyMap<string, number>): SearchHit[] {
  const pool = hits.slice(0, Math.max(limit * 3, 30));
  const rest = hits.slice(pool.length);
  const covered = new Set<string>();
  const picked: SearchHit[] = [];
  const weightOf = (hit: SearchHit) => hit.matched.filter((m) => sourceWeight.has(m));
  while (pool.length > 0 && picked.length < limit) {
    let best = 0;
    let bestValue = -1;
    for (const [i, hit] of pool.entries()) {
      const sources = weightOf(hit);
      const total = sources.reduce((sum, m) => sum + (sourceWeight.get(m) ?? 0), 0);
      const fresh = sources.filter((m) => !covered.has(m)).reduce((sum, m) => sum + (sourceWeight.get(m) ?? 0), 0);
      const novelty = total > 0 ? fresh / total : 0;
      const value = hit.score * (REDUNDANCY_FLOOR + (1 - REDUNDANCY_FLOOR) * novelty);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const [hit] = pool.splice(best, 1);
    if (!hit) break;
    picked.push(hit);
    for (const m of weightOf(hit)) covered.add(m);
  }
  return [...picked, ...pool, ...rest].slice(0, limit);
}
