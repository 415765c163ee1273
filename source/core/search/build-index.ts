import type { CatalogTest, Component, Hypothesis } from '../catalog/schema.js';
import { IndexBuilder, type IndexPart } from './index-builder.js';
import { docAt, docColumns, INDEX_VERSION, type SearchDoc, type SearchIndex } from './index-format.js';
import { phraseTerms } from './tokenize.js';
import { BUILTIN_VOCABULARY, compileVocabulary } from './vocabulary.js';

export { FIELD_WEIGHTS, INDEX_ARRAYS, INDEX_VERSION, type SearchDoc, type SearchDocs, type SearchIndex } from './index-format.js';

/** A term in more than this share of documents is too common to stand for a component. */
const COMMON_SHARE = 0.08;
const BUILTIN_KEYS: Readonly<Record<string, true>> = Object.fromEntries(Object.keys(BUILTIN_VOCABULARY).flatMap((w) => phraseTerms(w)).map((t) => [t, true]));

/** Builds the index once per catalogue, in one thread. */
export function buildSearchIndex(tests: readonly CatalogTest[], components: readonly Component[], hypotheses: readonly Hypothesis[]): SearchIndex {
  const builder = new IndexBuilder(components);
  for (const test of tests) builder.addTest(test);
  return mergeIndexParts([builder.part()], components, hypotheses);
}

/** The index of documents tokenised in parts, in part order, then the hypotheses. */
export function mergeIndexParts(parts: readonly IndexPart[], components: readonly Component[], hypotheses: readonly Hypothesis[]): SearchIndex {
  const hypothesisBuilder = new IndexBuilder(components);
  for (const hypothesis of hypotheses) hypothesisBuilder.addHypothesis(hypothesis);
  const all = [...parts, hypothesisBuilder.part()];

  // Global term numbers, and each part's own numbers mapped onto them.
  const globalIds = new Map<string, number>();
  const globalTerms: string[] = [];
  const localToGlobal = all.map((part) =>
    Int32Array.from(part.terms, (term) => {
      let id = globalIds.get(term);
      if (id === undefined) {
        id = globalTerms.push(term) - 1;
        globalIds.set(term, id);
      }
      return id;
    }),
  );

  // Documents numbered across parts; postings counted per term.
  const docs: SearchDoc[] = all.flatMap((part) => part.docs);
  const firstDoc: number[] = [];
  let docCount = 0;
  for (const part of all) {
    firstDoc.push(docCount);
    docCount += part.docs.length;
  }
  const counts = new Int32Array(globalTerms.length);
  all.forEach((part, p) => {
    const map = localToGlobal[p] as Int32Array;
    for (let d = 0; d < part.docs.length; d++) {
      for (let i = part.docStarts[d] as number; i < (part.docStarts[d + 1] as number); i++) (counts[map[part.docTerms[i] as number] as number] as number)++;
    }
  });

  // Terms in sorted order.
  const used = globalTerms.map((_, id) => id);
  used.sort((a, b) => (globalTerms[a] as string) < (globalTerms[b] as string) ? -1 : (globalTerms[a] as string) > (globalTerms[b] as string) ? 1 : 0);
  const rank = new Int32Array(globalTerms.length);
  used.forEach((id, r) => (rank[id] = r));
  const terms = used.map((id) => globalTerms[id] as string);

  const starts = new Int32Array(terms.length + 1);
  let pairs = 0;
  used.forEach((id, r) => {
    starts[r] = pairs;
    pairs += counts[id] as number;
  });
  starts[terms.length] = pairs;
  // Filled in document order, so each term's list is sorted by document.
  const postings = new Float32Array(pairs * 2);
  const cursor = starts.slice(0, terms.length);
  all.forEach((part, p) => {
    const map = localToGlobal[p] as Int32Array;
    for (let d = 0; d < part.docs.length; d++) {
      const doc = (firstDoc[p] as number) + d;
      for (let i = part.docStarts[d] as number; i < (part.docStarts[d + 1] as number); i++) {
        const r = rank[map[part.docTerms[i] as number] as number] as number;
        const at = (cursor[r] as number) * 2;
        postings[at] = doc;
        postings[at + 1] = part.docWeights[i] as number;
        cursor[r] = (cursor[r] as number) + 1;
      }
    }
  });

  const phrases = mergePhrases(all, firstDoc, (p, local) => rank[(localToGlobal[p] as Int32Array)[local] as number] as number, terms.length);

  const hypothesisTests: Record<number, number[]> = {};
  const testDoc = new Map<string, number>();
  docs.forEach((doc, i) => {
    if (doc.kind === 'test') testDoc.set(doc.id, i);
  });
  const firstHypothesis = docs.length - hypotheses.length;
  hypotheses.forEach((hypothesis, h) => {
    hypothesisTests[firstHypothesis + h] = hypothesis.tests.map((id) => testDoc.get(id)).filter((i): i is number => i !== undefined);
  });

  const vocabulary = compileVocabulary([...Object.entries(BUILTIN_VOCABULARY), ...componentVocabulary(components)]);
  // A word most tests contain says nothing about which component is meant ("service", "run"):
  // it stays a search word but never stands for a component.
  const documentsWith = (term: string) => {
    const r = binarySearch(terms, term);
    return r < 0 ? 0 : (starts[r + 1] as number) - (starts[r] as number);
  };
  for (const [key] of vocabulary) if (documentsWith(key) > docs.length * COMMON_SHARE && !(key in BUILTIN_KEYS)) vocabulary.delete(key);
  return { version: INDEX_VERSION, docs: docColumns(docs), terms, starts, postings, ...phrases, vocabulary: Object.fromEntries(vocabulary), hypothesisTests };
}

/**
 * The first `count` documents of an index (its tests) as an IndexPart again: each document's
 * terms and weights gathered back out of the postings, its phrases as they were.
 */
export function partOfIndex(index: SearchIndex, count: number): IndexPart {
  const docStarts = new Int32Array(count + 1);
  const terms = index.terms.length;
  for (let t = 0; t < terms; t++) {
    for (let p = index.starts[t] as number; p < (index.starts[t + 1] as number); p++) {
      const doc = index.postings[p * 2] as number;
      if (doc < count) (docStarts[doc + 1] as number)++;
    }
  }
  for (let d = 0; d < count; d++) docStarts[d + 1] = (docStarts[d + 1] as number) + (docStarts[d] as number);
  const docTerms = new Int32Array(docStarts[count] as number);
  const docWeights = new Float32Array(docTerms.length);
  const cursor = docStarts.slice(0, count);
  for (let t = 0; t < terms; t++) {
    for (let p = index.starts[t] as number; p < (index.starts[t + 1] as number); p++) {
      const doc = index.postings[p * 2] as number;
      if (doc >= count) continue;
      const at = cursor[doc] as number;
      docTerms[at] = t;
      docWeights[at] = index.postings[p * 2 + 1] as number;
      cursor[doc] = at + 1;
    }
  }
  let phrases = 0;
  while (phrases < index.phraseDocs.length && (index.phraseDocs[phrases] as number) < count) phrases++;
  return {
    docs: Array.from({ length: count }, (_, i) => docAt(index.docs, i)),
    terms: index.terms,
    docStarts,
    docTerms,
    docWeights,
    phraseDocs: index.phraseDocs.slice(0, phrases),
    phraseStarts: index.phraseStarts.slice(0, phrases + 1),
    phraseTerms: index.phraseTerms,
  };
}

/** Phrases as final term ids, with the inverted lists from term to phrase. */
function mergePhrases(
  parts: readonly IndexPart[],
  firstDoc: readonly number[],
  termOf: (part: number, local: number) => number,
  termCount: number,
): Pick<SearchIndex, 'phraseDocs' | 'phraseStarts' | 'phraseTerms' | 'termPhraseStarts' | 'termPhrases'> {
  // Sizes are known from the parts: fill typed arrays in place.
  let phraseCount = 0;
  let termTotal = 0;
  for (const part of parts) {
    phraseCount += part.phraseDocs.length;
    termTotal += part.phraseTerms.length;
  }
  const phraseDocs = new Int32Array(phraseCount);
  const phraseStarts = new Int32Array(phraseCount + 1);
  const phraseTerms = new Int32Array(termTotal);
  const perTerm = new Int32Array(termCount);
  let q = 0;
  let at = 0;
  parts.forEach((part, p) => {
    // Each of the part's own term numbers mapped once, not once per use.
    const local = Int32Array.from(part.terms, (_, i) => termOf(p, i));
    for (let k = 0; k < part.phraseDocs.length; k++, q++) {
      phraseDocs[q] = (firstDoc[p] as number) + (part.phraseDocs[k] as number);
      phraseStarts[q] = at;
      for (let i = part.phraseStarts[k] as number; i < (part.phraseStarts[k + 1] as number); i++) {
        const term = local[part.phraseTerms[i] as number] as number;
        phraseTerms[at++] = term;
        (perTerm[term] as number)++;
      }
    }
  });
  phraseStarts[phraseCount] = at;
  const termPhraseStarts = new Int32Array(termCount + 1);
  let total = 0;
  for (let t = 0; t < termCount; t++) {
    termPhraseStarts[t] = total;
    total += perTerm[t] as number;
  }
  termPhraseStarts[termCount] = total;
  const termPhrases = new Int32Array(total);
  const cursor = termPhraseStarts.slice(0, termCount);
  for (let r = 0; r < phraseCount; r++) {
    for (let i = phraseStarts[r] as number; i < (phraseStarts[r + 1] as number); i++) {
      const term = phraseTerms[i] as number;
      termPhrases[cursor[term] as number] = r;
      cursor[term] = (cursor[term] as number) + 1;
    }
  }
  return { phraseDocs, phraseStarts, phraseTerms, termPhraseStarts, termPhrases };
}

function binarySearch(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid] as string;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * Single words that stand for a component (its aliases and everyday words) point at its id and
 * one-word aliases. Phrases ("kubelet service") are not split: their words alone mean other things.
 */
function componentVocabulary(components: readonly Component[]): [string, string][] {
  return components.flatMap((component) => {
    const names = [component.id, ...component.aliases.filter((a) => phraseTerms(a).length === 1)].join(' ');
    return [...component.aliases, ...component.vocabulary]
      .filter((word) => phraseTerms(word).length === 1)
      .map((word): [string, string] => [word, names]);
  });
}
