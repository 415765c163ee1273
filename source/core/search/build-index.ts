import type { CatalogTest, Component, Hypothesis } from '../catalog/schema.js';
import { phraseTerms, tokenize } from './tokenize.js';
import { BUILTIN_VOCABULARY, compileVocabulary } from './vocabulary.js';

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
 * Everything search needs, in a packed form that is fast to build, to cache and to load: sorted
 * terms, and typed arrays that point into each other instead of objects and maps.
 */
export type SearchIndex = {
  version: number;
  docs: SearchDoc[];
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

export const INDEX_VERSION = 5;

/** A term in more than this share of documents is too common to stand for a component. */
const COMMON_SHARE = 0.08;
const BUILTIN_KEYS: Readonly<Record<string, true>> = Object.fromEntries(Object.keys(BUILTIN_VOCABULARY).flatMap((w) => phraseTerms(w)).map((t) => [t, true]));

type Fields = Partial<Record<keyof typeof FIELD_WEIGHTS, string | readonly string[]>>;

/** Builds the index once per catalogue. */
export function buildSearchIndex(tests: readonly CatalogTest[], components: readonly Component[], hypotheses: readonly Hypothesis[]): SearchIndex {
  const byComponent = new Map(components.map((c) => [c.id, c]));
  const docs: SearchDoc[] = [];
  // term → flat [doc, weight, doc, weight …]; documents arrive in order, so appending keeps it sorted.
  const postings = new Map<string, number[]>();
  const phrases: [number, string[]][] = [];

  const add = (doc: SearchDoc, fields: Fields, symptoms: readonly string[]) => {
    const index = docs.push(doc) - 1;
    // Each field counts once per term: a word repeated in prose is no stronger than once.
    const weights = new Map<string, number>();
    for (const [field, value] of Object.entries(fields) as [keyof typeof FIELD_WEIGHTS, string | readonly string[] | undefined][]) {
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value : value.join(' \n ');
      const seen = new Set<string>();
      for (const token of tokenize(text)) {
        if (seen.has(token.term)) continue;
        seen.add(token.term);
        weights.set(token.term, (weights.get(token.term) ?? 0) + FIELD_WEIGHTS[field] * (token.part ? 0.6 : 1));
      }
    }
    for (const [term, weight] of weights) {
      const list = postings.get(term);
      if (list) list.push(index, weight);
      else postings.set(term, [index, weight]);
    }
    for (const symptom of symptoms) {
      const words = phraseTerms(symptom);
      if (words.length >= 2) phrases.push([index, words]);
    }
    return index;
  };

  const testIndex = new Map<string, number>();
  for (const test of tests) {
    const component = byComponent.get(test.component);
    const index = add(
      { kind: 'test', id: test.id, component: test.component },
      {
        symptoms: test.symptoms,
        title: test.title,
        component: [test.component, component?.name ?? '', ...(component?.aliases ?? [])],
        tags: test.tags,
        summary: test.summary,
        command: commandText(test),
        explain: test.explain,
      },
      test.symptoms,
    );
    testIndex.set(test.id, index);
  }

  const hypothesisTests: Record<number, number[]> = {};
  for (const hypothesis of hypotheses) {
    const component = hypothesis.component ? byComponent.get(hypothesis.component) : undefined;
    const index = add(
      { kind: 'hypothesis', id: hypothesis.id, component: hypothesis.component ?? '' },
      {
        symptoms: hypothesis.symptoms,
        title: hypothesis.statement,
        component: component ? [component.id, component.name, ...component.aliases] : [],
      },
      hypothesis.symptoms,
    );
    hypothesisTests[index] = hypothesis.tests.map((id) => testIndex.get(id)).filter((i): i is number => i !== undefined);
  }

  const vocabulary = compileVocabulary([...Object.entries(BUILTIN_VOCABULARY), ...componentVocabulary(components)]);
  // A word most tests contain says nothing about which component is meant ("service", "run"):
  // it stays a search word but never stands for a component.
  const common = (term: string) => (postings.get(term)?.length ?? 0) / 2 > docs.length * COMMON_SHARE;
  for (const [key] of vocabulary) if (common(key) && !(key in BUILTIN_KEYS)) vocabulary.delete(key);
  const packed = packPostings(postings);
  return { version: INDEX_VERSION, docs, ...packed, ...packPhrases(phrases, packed.terms), vocabulary: Object.fromEntries(vocabulary), hypothesisTests };
}

function packPostings(postings: Map<string, number[]>): Pick<SearchIndex, 'terms' | 'starts' | 'postings'> {
  const terms = [...postings.keys()].sort();
  const starts = new Int32Array(terms.length + 1);
  let pairs = 0;
  for (const [i, term] of terms.entries()) {
    starts[i] = pairs;
    pairs += (postings.get(term) as number[]).length / 2;
  }
  starts[terms.length] = pairs;
  const packed = new Float32Array(pairs * 2);
  let at = 0;
  for (const term of terms) {
    packed.set(postings.get(term) as number[], at);
    at += (postings.get(term) as number[]).length;
  }
  return { terms, starts, postings: packed };
}

/** Phrases as term ids, with the inverted lists from term to phrase that phrase matching uses. */
function packPhrases(phrases: [number, string[]][], terms: string[]): Pick<SearchIndex, 'phraseDocs' | 'phraseStarts' | 'phraseTerms' | 'termPhraseStarts' | 'termPhrases'> {
  const idOf = new Map(terms.map((term, i) => [term, i]));
  // Every phrase word is also a symptom word, so it has a term id; drop a phrase if one does not.
  const kept = phrases.filter(([, words]) => words.every((w) => idOf.has(w)));
  const phraseDocs = Int32Array.from(kept, ([doc]) => doc);
  const phraseStarts = new Int32Array(kept.length + 1);
  const lists: number[][] = terms.map(() => []);
  const termIds: number[] = [];
  kept.forEach(([, words], p) => {
    phraseStarts[p] = termIds.length;
    for (const word of words) {
      const id = idOf.get(word) as number;
      termIds.push(id);
      (lists[id] as number[]).push(p);
    }
  });
  phraseStarts[kept.length] = termIds.length;
  const termPhraseStarts = new Int32Array(terms.length + 1);
  let total = 0;
  lists.forEach((list, t) => {
    termPhraseStarts[t] = total;
    total += list.length;
  });
  termPhraseStarts[terms.length] = total;
  const termPhrases = new Int32Array(total);
  lists.forEach((list, t) => termPhrases.set(list, termPhraseStarts[t] as number));
  return { phraseDocs, phraseStarts, phraseTerms: Int32Array.from(termIds), termPhraseStarts, termPhrases };
}

/** The searchable words of a command: tools, subcommands and flags, not placeholders. */
function commandText(test: CatalogTest): string {
  const parts = test.command ? test.command.flatMap((part) => (typeof part === 'string' ? [part] : part.args)) : [test.script ?? ''];
  return parts.join(' ').replace(/\{\{[^}]*\}\}/g, ' ');
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
