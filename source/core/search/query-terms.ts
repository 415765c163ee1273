import Fuse from 'fuse.js';
import type { SearchIndex } from './build-index.js';
import { stem, tokenize } from './tokenize.js';

/** How much each way of reaching a term counts, relative to a word the user typed. */
export const QUERY_WEIGHTS = { typed: 1, vocabulary: 0.45, fuzzy: 0.7, prefix: 0.6 } as const;

/** A term to look up, how much it counts, and the word of the query it came from. */
export type QueryTerm = { term: string; weight: number; source: string };

/**
 * Turns what was typed into index terms: the words themselves, what everyday words stand for,
 * the parts of compounds, completions of an unfinished last word, and close spellings of unknown
 * words (fuse.js over the index's terms, never over whole documents).
 */
export class QueryExpander {
  private readonly fuseByInitial = new Map<string, Fuse<string>>();

  constructor(private readonly index: SearchIndex) {}

  /** A term's id: its position in the sorted terms, by binary search (no map to build at load). */
  termId(term: string): number | undefined {
    const at = this.lowerBound(term);
    return this.index.terms[at] === term ? at : undefined;
  }

  knows(term: string): boolean {
    return this.termId(term) !== undefined;
  }

  private lowerBound(term: string): number {
    const terms = this.index.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((terms[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  expand(query: string, partial: boolean): QueryTerm[] {
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

  /** Known terms starting with `prefix` (at most 12), by binary search over the sorted terms. */
  withPrefix(prefix: string): string[] {
    const terms = this.index.terms;
    const found: string[] = [];
    for (let i = this.lowerBound(prefix); i < terms.length && found.length < 12; i++) {
      const term = terms[i] as string;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found;
  }

  /**
   * Close spellings with fuse.js. Candidates share the word's first letter (typos rarely hit it),
   * so each search covers a small slice of a large vocabulary and stays fast at 10,000 tests.
   */
  private closeSpellings(term: string): string[] {
    const initial = term[0] ?? '';
    let fuse = this.fuseByInitial.get(initial);
    if (!fuse) {
      fuse = new Fuse(
        this.index.terms.filter((t) => t.length >= 3 && t[0] === initial),
        { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3, isCaseSensitive: true },
      );
      this.fuseByInitial.set(initial, fuse);
    }
    return fuse
      .search(term, { limit: 3 })
      .filter((result) => (result.score ?? 1) <= 0.34 && Math.abs(result.item.length - term.length) <= 3)
      .map((result) => result.item);
  }
}
