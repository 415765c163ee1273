import type { Catalog } from '../load.js';
import type { CatalogTest } from '../schema.js';
import type { Problem } from '../problem.js';

/** One numbered check of the catalogue; each has a failing fixture under test/catalog/fixtures. */
export type LintRule = {
  id: string;
  description: string;
  check(catalog: Catalog): Problem[];
};

/** A problem located at a path inside a test (['command', 2]), falling back to the test itself. */
export function problemAt(catalog: Catalog, test: CatalogTest, path: (string | number)[], rule: string, message: string): Problem {
  const where = catalog.locate(test.source.file, [...test.source.path, ...path]);
  return { ...where, rule, message };
}
