import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../source/core/catalog/open-catalog.js';
import { commandTemplate } from '../../source/core/params/template.js';

type Query = { id: string; query: string; expect: { concept: string; pattern: string }[] };

const { searcher, testById } = await openCatalog({ cache: false });

/** Recall@k the way ../shared/search-eval/score.mjs counts it, in-process. */
function recall(queries: Query[], k: number): { value: number; misses: string[] } {
  let found = 0;
  let total = 0;
  const misses: string[] = [];
  for (const q of queries) {
    const texts = searcher.search(q.query, { limit: k }).tests.map((hit) => {
      const test = testById.get(hit.id);
      return test ? [test.title, test.summary, test.explain, commandTemplate(test)].join('\n') : '';
    });
    for (const e of q.expect) {
      total++;
      if (texts.some((t) => new RegExp(e.pattern, 'i').test(t))) found++;
      else misses.push(`${q.id}: ${e.concept}`);
    }
  }
  return { value: found / total, misses };
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Query[];
const devSet = join(import.meta.dirname, '..', '..', '..', 'shared', 'search-eval', 'dev-queries.json');

describe('search quality (recall@10 of expected concepts)', () => {
  it('stays at 0.9 or more on our own held-out queries', () => {
    const result = recall(read(join(import.meta.dirname, 'own-queries.json')), 10);
    expect(result.value, result.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it.runIf(existsSafe(devSet))('stays at 0.85 or more on the shared development queries', () => {
    const result = recall(read(devSet), 10);
    expect(result.value, result.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
  });
});

function existsSafe(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
