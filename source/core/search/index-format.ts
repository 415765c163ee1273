/**
 * How much a term found in each field says about a test. Symptoms are what people type or paste,
 * titles and component names are what tests are called; prose explains and matches loosely.
 */
export const FIELD_WEIGHTS = {
  symptoms: 3,
  title: 2.5,
  component: 2.5,
  tags: 2,
  summary: 1,
  command: 0.8,
  explain: 0.4,
} as const;

export type SearchDoc = { kind: 'test' | 'hypothesis'; id: string; component: string };

/**
 * The documents column by column: no object per document, so a cached index of 10,000 tests
 * loads without making 10,000 objects (on this kind of machine each fresh megabyte costs ms).
 */
export type SearchDocs = {
  ids: string[];
  components: string[];
  /** 1 for a hypothesis, 0 for a test. */
  hypothesis: Uint8Array;
};

/** Documents as columns. */
export function docColumns(docs: readonly SearchDoc[]): SearchDocs {
  return {
    ids: docs.map((d) => d.id),
    components: docs.map((d) => d.component),
    hypothesis: Uint8Array.from(docs, (d) => (d.kind === 'hypothesis' ? 1 : 0)),
  };
}

/** Document i as one object again. */
export function docAt(docs: SearchDocs, i: number): SearchDoc {
  return { kind: docs.hypothesis[i] ? 'hypothesis' : 'test', id: docs.ids[i] as string, component: docs.components[i] as string };
}

/**
 * Everything search needs, in a packed form that is fast to build, to cache and to load: sorted
 * terms, and typed arrays that point into each other instead of objects and maps.
 */
export type SearchIndex = {
  version: number;
  docs: SearchDocs;
  /** Sorted unique terms; a term's id is its position. */
  terms: string[];
  /** Term i's postings are pairs starts[i] … starts[i + 1] - 1 of `postings` (doc, weight). */
  starts: Int32Array;
  postings: Float32Array;
  /** Symptom phrases of two or more terms: phrase p is term ids phraseStarts[p] … phraseStarts[p + 1] - 1 of phraseTerms, in doc phraseDocs[p]. */
  phraseDocs: Int32Array;
  phraseStarts: Int32Array;
  phraseTerms: Int32Array;
  /** The phrases each term occurs in (once per occurrence): termPhraseStarts[t] … of termPhrases. */
  termPhraseStarts: Int32Array;
  termPhrases: Int32Array;
  /** Everyday word → terms it stands for. */
  vocabulary: Record<string, string[]>;
  /** Hypothesis doc index → test doc indexes it brings. */
  hypothesisTests: Record<number, number[]>;
};

/** The typed arrays of an index, by name, for the cache's binary file. */
export const INDEX_ARRAYS = ['starts', 'postings', 'phraseDocs', 'phraseStarts', 'phraseTerms', 'termPhraseStarts', 'termPhrases'] as const;

export const INDEX_VERSION = 6;
