import type { SearchIndex } from './build-index.js';

/** Points for each word of a symptom phrase found in the query. */
export const PHRASE_BONUS = 10;

export type PhraseMatch = { doc: number; bonus: number; phrase: string };

/**
 * Finds the symptom phrases a query contains (a pasted error string) or is contained in, through
 * an inverted index from term to phrases, so only phrases sharing a word with the query are
 * looked at: a few thousand at most, whatever the size of the catalogue.
 */
export class PhraseMatcher {
  private readonly byTerm = new Map<string, number[]>();
  private readonly texts: string[];

  constructor(private readonly phrases: SearchIndex['phrases']) {
    this.texts = phrases.map(([, terms]) => ` ${terms.join(' ')} `);
    phrases.forEach(([, terms], id) => {
      // A term that occurs twice in a phrase is listed twice, so counts match the phrase's words.
      for (const term of terms) {
        let list = this.byTerm.get(term);
        if (!list) this.byTerm.set(term, (list = []));
        list.push(id);
      }
    });
  }

  /** The best phrase match of each document, for the query's words in order. */
  match(words: readonly string[]): Map<number, PhraseMatch> {
    const best = new Map<number, PhraseMatch>();
    if (words.length < 2) return best;
    const joined = ` ${words.join(' ')} `;
    const hits = new Map<number, number>();
    for (const term of new Set(words)) {
      for (const id of this.byTerm.get(term) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    for (const [id, found] of hits) {
      const [doc, terms] = this.phrases[id] as [number, string[]];
      const text = this.texts[id] as string;
      let bonus = 0;
      const inQuery = found >= terms.length && joined.includes(text);
      const queryInPhrase = text.includes(joined);
      if (inQuery || queryInPhrase) {
        // A symptom that is exactly what was typed is the strongest signal there is.
        bonus = PHRASE_BONUS * Math.min(terms.length, words.length) * (inQuery && queryInPhrase ? 3 : 1);
      } else if (terms.length >= 3 && found >= 3 && found / terms.length >= 0.75) {
        // A pasted error string rarely matches a symptom word for word ("has expired or is not
        // yet valid" against "is not yet valid"): most of a long symptom's words still count.
        bonus = (PHRASE_BONUS * found) / 2;
      }
      if (bonus > (best.get(doc)?.bonus ?? 0)) best.set(doc, { doc, bonus, phrase: terms.join(' ') });
    }
    return best;
  }
}
