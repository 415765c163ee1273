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

/** Everything search needs, in plain data so it can be cached as JSON. */
export type SearchIndex = {
  version: number;
  docs: SearchDoc[];
  /** term → flat [docIndex, weight, docIndex, weight, …] */
  postings: Record<string, number[]>;
  /** Symptom phrases of two or more terms: [docIndex, terms]. */
  phrases: [number, string[]][];
  /** Sorted unique terms, for prefix and typo lookups. */
  terms: string[];
  /** Everyday word → terms it stands for. */
  vocabulary: Record<string, string[]>;
  /** Hypothesis doc index → test doc indexes it brings. */
  hypothesisTests: Record<number, number[]>;
};

export const INDEX_VERSION = 1;

type Fields = Partial<Record<keyof typeof FIELD_WEIGHTS, string | readonly string[]>>;

/** Builds the index once per catalogue. */
export function buildSearchIndex(tests: readonly CatalogTest[], components: readonly Component[], hypotheses: readonly Hypothesis[]): SearchIndex {
  const byComponent = new Map(components.map((c) => [c.id, c]));
  const docs: SearchDoc[] = [];
  const postings = new Map<string, Map<number, number>>();
  const phrases: [number, string[]][] = [];

  const add = (doc: SearchDoc, fields: Fields, symptoms: readonly string[]) => {
    const index = docs.push(doc) - 1;
    for (const [field, value] of Object.entries(fields) as [keyof typeof FIELD_WEIGHTS, string | readonly string[] | undefined][]) {
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value : value.join(' \n ');
      const seen = new Set<string>();
      for (const token of tokenize(text)) {
        if (seen.has(token.term)) continue;
        seen.add(token.term);
        const weight = FIELD_WEIGHTS[field] * (token.part ? 0.6 : 1);
        const list = postings.get(token.term) ?? new Map<number, number>();
        list.set(index, (list.get(index) ?? 0) + weight);
        postings.set(token.term, list);
      }
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
  const flat: Record<string, number[]> = {};
  for (const [term, list] of postings) flat[term] = [...list].flatMap(([doc, weight]) => [doc, Math.round(weight * 100) / 100]);
  return {
    version: INDEX_VERSION,
    docs,
    postings: flat,
    phrases,
    terms: [...postings.keys()].sort(),
    vocabulary: Object.fromEntries(vocabulary),
    hypothesisTests,
  };
}

/** The searchable words of a command: tools, subcommands and flags, not placeholders. */
function commandText(test: CatalogTest): string {
  const parts = test.command ? test.command.flatMap((part) => (typeof part === 'string' ? [part] : part.args)) : [test.script ?? ''];
  return parts.join(' ').replace(/\{\{[^}]*\}\}/g, ' ');
}

/** Component aliases and everyday words all point at the component's id and name. */
function componentVocabulary(components: readonly Component[]): [string, string][] {
  return components.flatMap((component) =>
    [...component.aliases, ...component.vocabulary].map((word): [string, string] => [word, `${component.id} ${component.name}`]),
  );
}
