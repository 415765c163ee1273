import { cacheDir } from '../paths.js';
import { CatalogSearcher } from '../search/search.js';
import { hunchVersion } from '../version.js';
import type { SearchIndex } from '../search/index-format.js';
import { catalogKey, catalogLineage, CompiledWriter, lazyTests, readCompiled, readPreviousCompile, type CompiledCatalog } from './compiled-cache.js';
import { builtinCatalogDir } from './locations.js';
import type { Problem } from './problem.js';
import type { CatalogTest, Component, Hypothesis } from './schema.js';

/** The loaded catalogue as commands and the TUI see it. `tests` is read from disk on first use. */
export type CatalogView = {
  version: string;
  files: string[];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  readonly tests: CatalogTest[];
};

/** A loaded catalogue with its search index and lookups, ready for commands and the TUI. */
export type OpenCatalog = {
  catalog: CatalogView;
  searcher: CatalogSearcher;
  testById: ReadonlyMap<string, CatalogTest>;
  hypothesisById: ReadonlyMap<string, Hypothesis>;
  /** Folders read, built-in first. */
  dirs: string[];
  /** Whether the compiled cache answered (false: the YAML was parsed this time). */
  fromCache: boolean;
};

export type OpenCatalogOptions = { extraDirs?: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string; cache?: boolean };

/**
 * Loads the built-in catalogue and any extra folders; a broken extra folder never hides the
 * built-in one. The compiled result is cached, so the YAML parser and zod are only loaded when a
 * file changed. A fresh compile never holds every test: each is written to the cache as it is
 * compiled, and read again (from its bytes in the YAML) only if this run asks for it.
 */
export async function openCatalog(options: OpenCatalogOptions = {}): Promise<OpenCatalog> {
  const env = options.env ?? process.env;
  const dirs = [builtinCatalogDir(env), ...(options.extraDirs ?? [])];
  const cwd = options.cwd ?? process.cwd();
  const useCache = options.cache ?? true;
  const root = cacheDir(env);
  const salt = `${hunchVersion()}:${cwd}`;
  const key = catalogKey(dirs, salt);
  const cached = useCache ? readCompiled(root, key) : undefined;
  if (cached) return fromCompiled(cached, dirs, true);

  const [{ compileCatalog }, { readTest }] = await Promise.all([import('./compile/compile.js'), import('./compile/read-test.js')]);
  const lineage = catalogLineage(dirs, salt);
  const writer = useCache ? CompiledWriter.start(root, key, lineage) : undefined;
  // After a change, files that did not change are taken from the newest earlier compile.
  const previous = useCache ? readPreviousCompile(root, lineage, key) : undefined;
  const compiled = compileCatalog(dirs, cwd, { index: true, keepTests: false, ...(writer ? { sink: writer } : {}), ...(previous ? { previous } : {}) });
  const index = compiled.index as SearchIndex;
  // The rest of the cache is for the next run: write it after this one has its answer.
  if (writer) setImmediate(() => writer.finish({ ...compiled, index }));
  const testIds = compiled.entries.map((e) => e.id);
  const tests = lazyTests(testIds, (i) => {
    const entry = compiled.entries[i] as (typeof compiled.entries)[number];
    const file = compiled.fileFacts[entry.file];
    return file ? readTest({ name: entry.source.file, ...file }, entry) : undefined;
  });
  return fromCompiled({ ...compiled, index, testIds, ...tests }, dirs, false);
}

function fromCompiled(compiled: CompiledCatalog, dirs: string[], fromCache: boolean): OpenCatalog {
  const catalog: CatalogView = {
    version: compiled.version,
    files: compiled.files,
    problems: compiled.problems,
    components: compiled.components,
    hypotheses: compiled.hypotheses,
    get tests() {
      return compiled.allTests();
    },
  };
  return {
    catalog,
    searcher: new CatalogSearcher(compiled.index),
    testById: new LazyTestMap(compiled),
    hypothesisById: new Map(compiled.hypotheses.map((h) => [h.id, h])),
    dirs,
    fromCache,
  };
}

/** A read-only map over the compiled tests that reads each test only when it is asked for. */
class LazyTestMap implements ReadonlyMap<string, CatalogTest> {
  constructor(private readonly compiled: CompiledCatalog) {}

  get size(): number {
    return this.compiled.testIds.length;
  }

  get(id: string): CatalogTest | undefined {
    return this.compiled.getTest(id);
  }

  has(id: string): boolean {
    return this.compiled.hasTest(id);
  }

  keys(): MapIterator<string> {
    return this.compiled.testIds.values();
  }

  *values(): MapIterator<CatalogTest> {
    yield* this.compiled.allTests();
  }

  *entries(): MapIterator<[string, CatalogTest]> {
    for (const test of this.compiled.allTests()) yield [test.id, test];
  }

  [Symbol.iterator](): MapIterator<[string, CatalogTest]> {
    return this.entries();
  }

  forEach(callback: (value: CatalogTest, key: string, map: ReadonlyMap<string, CatalogTest>) => void): void {
    for (const test of this.compiled.allTests()) callback(test, test.id, this);
  }
}
