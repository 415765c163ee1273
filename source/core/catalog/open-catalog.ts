import { buildSearchIndex } from '../search/build-index.js';
import { CatalogSearcher } from '../search/search.js';
import { loadCatalog, type Catalog } from './load.js';
import { builtinCatalogDir } from './locations.js';
import type { CatalogTest, Hypothesis } from './schema.js';

/** A loaded catalogue with its search index and lookups, ready for commands and the TUI. */
export type OpenCatalog = {
  catalog: Catalog;
  searcher: CatalogSearcher;
  testById: ReadonlyMap<string, CatalogTest>;
  hypothesisById: ReadonlyMap<string, Hypothesis>;
  /** Folders read, built-in first. */
  dirs: string[];
};

export type OpenCatalogOptions = { extraDirs?: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string };

/** Loads the built-in catalogue and any extra folders; a broken extra folder never hides the built-in one. */
export function openCatalog(options: OpenCatalogOptions = {}): OpenCatalog {
  const dirs = [builtinCatalogDir(options.env), ...(options.extraDirs ?? [])];
  const catalog = loadCatalog(dirs, options.cwd);
  const index = buildSearchIndex(catalog.tests, catalog.components, catalog.hypotheses);
  return {
    catalog,
    searcher: new CatalogSearcher(index),
    testById: new Map(catalog.tests.map((t) => [t.id, t])),
    hypothesisById: new Map(catalog.hypotheses.map((h) => [h.id, h])),
    dirs,
  };
}
