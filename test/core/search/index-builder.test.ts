import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { buildSearchIndex, mergeIndexParts, type SearchIndex } from '../../../source/core/search/build-index.js';
import { IndexBuilder, type IndexableTest } from '../../../source/core/search/index-builder.js';
import { tokenize } from '../../../source/core/search/tokenize.js';

const catalog = loadCatalog([builtinCatalogDir()]);

function plain(index: SearchIndex) {
  return Object.fromEntries(Object.entries(index).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));
}

/** The weight of `term` for document `doc`, or undefined when the term does not point at it. */
function weight(index: SearchIndex, term: string, doc = 0): number | undefined {
  const t = index.terms.indexOf(term);
  if (t < 0) return undefined;
  for (let i = index.starts[t] as number; i < (index.starts[t + 1] as number); i++) if (index.postings[i * 2] === doc) return index.postings[i * 2 + 1];
  return undefined;
}

const bare: IndexableTest = { id: 'x', component: 'nothing', title: '', summary: '', explain: '', symptoms: [], tags: [] };

describe('IndexBuilder', () => {
  it('gives the same index whether the tests are tokenised in one part or in several', () => {
    const whole = buildSearchIndex(catalog.tests, catalog.components, catalog.hypotheses);
    const cuts = [0, 100, 250, catalog.tests.length];
    const parts = cuts.slice(1).map((end, i) => {
      const builder = new IndexBuilder(catalog.components);
      for (const test of catalog.tests.slice(cuts[i], end)) builder.addTest(test);
      return builder.part();
    });
    expect(plain(mergeIndexParts(parts, catalog.components, catalog.hypotheses))).toEqual(plain(whole));
    expect(whole.docs.hypothesis.filter((h) => h === 0)).toHaveLength(catalog.tests.length);
    expect(whole.docs.hypothesis.filter((h) => h === 1)).toHaveLength(catalog.hypotheses.length);
    expect(whole.docs.ids).toEqual([...catalog.tests.map((t) => t.id), ...catalog.hypotheses.map((h) => h.id)]);
    expect(whole.docs.components.slice(0, catalog.tests.length)).toEqual(catalog.tests.map((t) => t.component));
  });

  it('counts a term once per field, sums it over fields, and weighs the parts of a compound word less', () => {
    const index = buildSearchIndex(
      [{ ...bare, symptoms: ['disk full, disk FULL'], title: 'Disk pressure', summary: 'CrashLoopBackOff' } as never],
      [],
      [],
    );
    expect(weight(index, 'disk')).toBeCloseTo(3 + 2.5);
    expect(weight(index, 'crashloopbackoff')).toBeCloseTo(1);
    expect(weight(index, 'crash')).toBeCloseTo(0.6);
    expect(weight(index, 'the')).toBeUndefined();
  });

  it('splits words at every character that is not an ASCII letter or digit, accented and wide ones and emoji included, exactly as the query side does', () => {
    const text = 'naïve café—Ünïcode straße 東京 node🙂pool Ωmega x\u00a0y ﬁle résumé-2 \ud800lone';
    const index = buildSearchIndex([{ ...bare, component: '', summary: text } as never], [], []);
    const expected = [...new Set(tokenize(text).map((t) => t.term))].sort();
    expect([...index.terms].sort()).toEqual(expected);
    expect(index.terms).toContain('caf');
    expect(index.terms).toContain('pool');
  });

  it('keeps whole-word symptom phrases of two or more terms, in order, for pasted errors', () => {
    const index = buildSearchIndex([{ ...bare, symptoms: ['sorry, too many clients already', 'oom'] } as never], [], []);
    expect(index.phraseDocs.length).toBe(1);
    const words = Array.from(index.phraseTerms.subarray(index.phraseStarts[0], index.phraseStarts[1]), (t) => index.terms[t]);
    expect(words).toEqual(['sorry', 'client', 'already']);
  });

  it('points a hypothesis at the documents of its tests', () => {
    const index = buildSearchIndex(catalog.tests, catalog.components, catalog.hypotheses);
    const first = catalog.hypotheses[0];
    const doc = index.docs.ids.findIndex((id, i) => index.docs.hypothesis[i] === 1 && id === first?.id);
    expect(index.hypothesisTests[doc]?.map((i) => index.docs.ids[i])).toEqual(first?.tests.filter((id) => catalog.tests.some((t) => t.id === id)));
  });
});
