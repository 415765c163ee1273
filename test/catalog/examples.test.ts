import { describe, expect, it } from 'vitest';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { interpretOutput } from '../../source/core/interpret/interpret.js';

const catalog = loadCatalog([builtinCatalogDir()]);

describe('built-in catalogue', () => {
  it('loads without problems', () => {
    expect(catalog.problems).toEqual([]);
  });

  // One generated test per catalogue test: each example must read as the outcome it declares.
  describe.each(catalog.tests.map((t) => [t.id, t] as const))('%s', (_id, test) => {
    it('has an anomaly and a healthy example, and every example gives its declared outcome', () => {
      const outcomes = test.examples.map((e) => e.outcome);
      expect(outcomes).toContain('anomaly');
      expect(outcomes).toContain('healthy');
      for (const example of test.examples) {
        expect({ example: example.name ?? example.stdout.slice(0, 60), outcome: interpretOutput(test.interpret, example).outcome }).toEqual({
          example: example.name ?? example.stdout.slice(0, 60),
          outcome: example.outcome,
        });
      }
    });
  });
});
