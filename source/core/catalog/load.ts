import { compileCatalog } from './compile/compile.js';
import type { Problem } from './problem.js';
import type { CatalogTest, Component, Hypothesis, SourceLocation } from './schema.js';

/** The whole catalogue: what loaded, and every problem found on the way. */
export type Catalog = {
  tests: CatalogTest[];
  components: Component[];
  hypotheses: Hypothesis[];
  problems: Problem[];
  /** Files read, relative to the working directory, for cache keys and stats. */
  files: string[];
  /** Short digest of every file read: names the catalogue in reports and keys caches. */
  version: string;
  /** Finds the line and column of a path inside a file, for lint rules that point inside a test. */
  locate(file: string, path: readonly PropertyKey[]): SourceLocation;
};

/**
 * Loads catalogue folders in order (built-in first) with every test in memory:
 * what lint and the catalogue commands need. Never throws for bad content: a broken file or
 * entry becomes a problem and everything else still loads. Later duplicates of an id are dropped.
 */
export function loadCatalog(dirs: readonly string[], cwd = process.cwd()): Catalog {
  const compiled = compileCatalog(dirs, cwd, { index: false, keepTests: true });
  return {
    tests: compiled.tests ?? [],
    components: compiled.components,
    hypotheses: compiled.hypotheses,
    problems: compiled.problems,
    files: compiled.files,
    version: compiled.version,
    locate: (file, path) => compiled.sourceOf(file)?.locate(path) ?? { file, line: 1, col: 1 },
  };
}
