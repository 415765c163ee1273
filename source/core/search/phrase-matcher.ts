import type { SearchIndex } from './build-index.js';

/** Points for each word of a symptom phrase found in the query. */
export const PHRASE_BONUS = 10;

export type PhraseMatch = { doc: number; bonus: number; phrase: string };

/**
 * Finds the symptom phrases a query contains (a pasted error string) or is contained in. Phrases
 * are sequences of term ids; the inverted lists from term to phrase mean only phrases sharing a
 * word with the query are looked at, whatever the size of the catalogue.
 */
export class PhraseMatcher {
  constructor(private readonly index: SearchIndex) {}

  /** The best phrase match of each document; `words` are the query's term ids in order (-1: unknown). */
  match(words: readonly number[]): Map<number, PhraseMatch> {
    const best = new Map<number, PhraseMatch>();
    if (words.length < 2) return best;
    const { phraseDocs, phraseStarts, phraseTerms, termPhraseStarts, termPhrases } = this.index;
    const hits = new Map<number, number>();
    for (const term of new Set(words)) {
      if (term < 0) continue;
      for (let i = termPhraseStarts[term] as number; i < (termPhraseStarts[term + 1] as number); i++) {
        const phrase = termPhrases[i] as number;
        hits.set(phrase, (hits.get(phrase) ?? 0) + 1);
      }
    }
    const present = new Set(words);
    for (const [phrase, found] of hits) {
      const from = phraseStarts[phrase] as number;
      const length = (phraseStarts[phrase + 1] as number) - from;
      const terms = phraseTerms.subarray(from, from + length);
      const inQuery = found >= length && containsRun(words, terms);
      const queryInPhrase = containsRun(terms, words);
      let bonus = 0;
      if (inQuery || queryInPhrase) {
        // A symptom that is exactly what was typed is the strongest signal there is.
        bonus = PHRASE_BONUS * Math.min(length, words.length) * (inQuery && queryInPhrase ? 3 : 1);
      } else if (length >= 3) {
        // A pasted error string rarely matches a symptom word for word ("has expired or is not
        // yet valid" against "is not yet valid"): most of a long symptom's words still count.
        let matched = 0;
        for (const term of terms) if (present.has(term)) matched++;
        if (matched >= 3 && matched / length >= 0.75) bonus = (PHRASE_BONUS * matched) / 2;
      }
      const doc = phraseDocs[phrase] as number;
      if (bonus > (best.get(doc)?.bonus ?? 0)) best.set(doc, { doc, bonus, phrase: [...terms].map((t) => this.index.terms[t]).join(' ') });
    }
    return best;
  }
}

/** Whether `needle` occurs as a contiguous run inside `haystack`. */
function containsRun(haystack: ArrayLike<number>, needle: ArrayLike<number>): boolean {
  const last = haystack.length - needle.length;
  outer: for (let start = 0; start <= last; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}
