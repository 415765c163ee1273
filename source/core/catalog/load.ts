import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  catalogFileSchema,
  componentSchema,
  componentsFileSchema,
  hypothesesFileSchema,
  hypothesisSchema,
  testSchema,
  type CatalogTest,
  type Component,
  type Hypothesis,
  type SourceLocation,
} from './schema.js';
import type { Problem } from './problem.js';
import { blockSequenceItems, parseYamlFast } from './fast-yaml.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { zodProblems } from './zod-problems.js';

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

const COMPONENTS_FILE = 'components.yaml';
const HYPOTHESES_FILE = 'hypotheses.yaml';

/**
 * Loads catalogue folders in order (built-in first). Never throws for bad content: a broken file or
 * entry becomes a problem and everything else still loads. Later duplicates of an id are dropped.
 */
export function loadCatalog(dirs: readonly string[], cwd = process.cwd()): Catalog {
  const texts = new Map<string, string>();
  const sources = new Map<string, YamlSource>();
  // The position-keeping parse is slow; it runs only for files where something must be located.
  const sourceOf = (file: string): YamlSource => {
    let source = sources.get(file);
    if (!source) {
      source = parseYamlSource(file, texts.get(file) ?? '').source;
      sources.set(file, source);
    }
    return source;
  };
  const digest = createHash('sha1');
  const catalog: Catalog = {
    tests: [],
    components: [],
    hypotheses: [],
    problems: [],
    files: [],
    version: '',
    locate: (file, path) => (texts.has(file) ? sourceOf(file).locate(path) : { file, line: 1, col: 1 }),
  };
  const seenTests = new Map<string, CatalogTest>();
  const seenComponents = new Set<string>();
  const seenHypotheses = new Set<string>();

  for (const dir of dirs) {
    const files = listYamlFiles(dir, cwd, catalog.problems);
    for (const path of files) {
      const file = relative(cwd, path) || path;
      catalog.files.push(file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        catalog.problems.push({ file, line: 1, col: 1, rule: 'FILE', message: `cannot read: ${(error as Error).message}` });
        continue;
      }
      // Hash the bytes as read: hashing the decoded string would encode it all over again.
      digest.update(`${file}\u0000`).update(bytes).update('\u0000');
      const text = bytes.toString('utf8');
      texts.set(file, text);
      const fast = parseYamlFast(file, text);
      if ('problem' in fast) {
        catalog.problems.push(fast.problem);
        continue;
      }
      const input: FileInput = { file, text, value: fast.value, source: () => sourceOf(file) };
      const name = basename(path);
      if (name === COMPONENTS_FILE) loadComponents(input, catalog, seenComponents);
      else if (name === HYPOTHESES_FILE) loadHypotheses(input, catalog, seenHypotheses);
      else loadTests(input, catalog, seenTests);
    }
  }
  catalog.version = digest.digest('hex').slice(0, 12);
  return catalog;
}

function listYamlFiles(dir: string, cwd: string, problems: Problem[]): string[] {
  const shown = relative(cwd, dir) || dir;
  try {
    if (!statSync(dir).isDirectory()) {
      problems.push({ file: shown, line: 1, col: 1, rule: 'CATALOG-DIR', message: 'is not a folder' });
      return [];
    }
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'catalogue folder does not exist' : `cannot read folder: ${(error as Error).message}`;
    problems.push({ file: shown, line: 1, col: 1, rule: 'CATALOG-DIR', message: reason });
    return [];
  }
}

/** A parsed file, with its position-keeping source built only on demand. */
type FileInput = { file: string; text: string; value: unknown; source: () => YamlSource };

function loadTests(input: FileInput, catalog: Catalog, seen: Map<string, CatalogTest>): void {
  const fileResult = catalogFileSchema.safeParse(input.value);
  if (!fileResult.success) {
    catalog.problems.push(...zodProblems(fileResult.error, input.source(), []));
    return;
  }
  const { component, tests } = fileResult.data;
  const items = blockSequenceItems(input.text, 'tests');
  const itemAt = (index: number): SourceLocation => {
    const item = items?.length === tests.length ? items[index] : undefined;
    return item ? { file: input.file, ...item } : input.source().locate(['tests', index]);
  };
  tests.forEach((raw, index) => {
    const path = ['tests', index];
    const result = testSchema.safeParse(raw);
    if (!result.success) {
      catalog.problems.push(...zodProblems(result.error, input.source(), path));
      return;
    }
    const test: CatalogTest = { ...result.data, component: result.data.component ?? component, source: { ...itemAt(index), path } };
    const earlier = seen.get(test.id);
    if (earlier) {
      const at = `${earlier.source.file}:${earlier.source.line}`;
      catalog.problems.push({ ...input.source().locate([...path, 'id']), rule: 'ID-DUPLICATE', message: `test id "${test.id}" is already used at ${at}` });
      return;
    }
    seen.set(test.id, test);
    catalog.tests.push(test);
  });
}

function loadComponents(input: FileInput, catalog: Catalog, seen: Set<string>): void {
  const fileResult = componentsFileSchema.safeParse(input.value);
  if (!fileResult.success) {
    catalog.problems.push(...zodProblems(fileResult.error, input.source(), []));
    return;
  }
  fileResult.data.components.forEach((raw, index) => {
    const path = ['components', index];
    const result = componentSchema.safeParse(raw);
    if (!result.success) {
      catalog.problems.push(...zodProblems(result.error, input.source(), path));
      return;
    }
    if (seen.has(result.data.id)) {
      catalog.problems.push({ ...input.source().locate([...path, 'id']), rule: 'ID-DUPLICATE', message: `component id "${result.data.id}" is already used` });
      return;
    }
    seen.add(result.data.id);
    catalog.components.push(result.data);
  });
}

function loadHypotheses(input: FileInput, catalog: Catalog, seen: Set<string>): void {
  const fileResult = hypothesesFileSchema.safeParse(input.value);
  if (!fileResult.success) {
    catalog.problems.push(...zodProblems(fileResult.error, input.source(), []));
    return;
  }
  const items = blockSequenceItems(input.text, 'hypotheses');
  const hypotheses = fileResult.data.hypotheses;
  hypotheses.forEach((raw, index) => {
    const path = ['hypotheses', index];
    const result = hypothesisSchema.safeParse(raw);
    if (!result.success) {
      catalog.problems.push(...zodProblems(result.error, input.source(), path));
      return;
    }
    if (seen.has(result.data.id)) {
      catalog.problems.push({ ...input.source().locate([...path, 'id']), rule: 'ID-DUPLICATE', message: `hypothesis id "${result.data.id}" is already used` });
      return;
    }
    seen.add(result.data.id);
    const item = items?.length === hypotheses.length ? items[index] : undefined;
    const where = item ? { file: input.file, ...item } : input.source().locate(path);
    catalog.hypotheses.push({ ...result.data, source: { ...where, path } });
  });
}
