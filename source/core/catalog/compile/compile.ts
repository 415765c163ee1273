import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mergeIndexParts, type SearchIndex } from '../../search/build-index.js';
import type { Problem } from '../problem.js';
import type { CatalogTest, Component, Hypothesis } from '../schema.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { fileKind, loadSideFiles, type SideFiles } from './side-files.js';
import type { CacheDir } from '../compiled-cache.js';
import { reuseFrom } from './reuse.js';
import { compileTestFiles, type TestSink } from './test-files.js';
import type { CatalogFile, FileFacts, TestEntry, TestFilesResult } from './types.js';

/** A catalogue compiled: everything but the tests themselves, which entries say how to read. */
export type CompiledData = {
  version: string;
  /** Every file read, relative to the working directory, in load order. */
  files: string[];
  /** Absolute path, size, time and content digest of each file, for reading a test again later and for reuse. */
  fileFacts: { path: string; size: number; mtimeMs: number; digest: string }[];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  /** The tests kept (duplicates dropped), in load order; `file` indexes `files`. */
  entries: TestEntry[];
  /** Only when asked for (keepTests). */
  tests?: CatalogTest[];
  index?: SearchIndex;
  /** The position-keeping parse of a file, on demand, for problems found later (lint). */
  sourceOf(file: string): YamlSource | undefined;
};

export type CompileOptions = {
  index: boolean;
  /**
   * Keep every validated test in memory: what lint needs, and cheap for a small catalogue. Without
   * it only entries are kept and tests are read again one by one, which spares a large catalogue
   * the cost of holding tens of megabytes of objects.
   */
  keepTests: boolean;
  /** Where each kept test goes as it is compiled, in load order. */
  sink?: TestSink;
  /** An earlier compile of the same folders, whose unchanged files need not be compiled again. */
  previous?: CacheDir;
};

type Plan = {
  /** Files in load order (folders in order, names sorted); each folder's problem sits before its place. */
  files: (CatalogFile & { kind: 'tests' | 'components' | 'hypotheses' })[];
  folderProblems: { before: number; problem: Problem }[];
};

/**
 * Compiles catalogue folders in load order: components and hypotheses first (the index needs the
 * components), then every test file. Never throws for bad content.
 */
export function compileCatalog(dirs: readonly string[], cwd: string, options: CompileOptions): CompiledData {
  const plan = planCatalog(dirs, cwd);
  const side = loadSideFiles(plan.files.flatMap((f) => (f.kind === 'tests' ? [] : [{ ...f, kind: f.kind }])));
  const tests = plan.files.filter((f) => f.kind === 'tests').map(({ path, file }) => ({ path, file }));
  const reuse = options.previous ? reuseFrom(options.previous, side) : undefined;
  const result = compileTestFiles({ files: tests, components: side.components, index: options.index, keepTests: options.keepTests }, options.sink, reuse);
  return assemble(plan, side, tests, result);
}

/** The catalogue's YAML files in load order. */
function planCatalog(dirs: readonly string[], cwd: string): Plan {
  const plan: Plan = { files: [], folderProblems: [] };
  for (const dir of dirs) {
    const shown = relative(cwd, dir) || dir;
    let names: string[] = [];
    try {
      if (!statSync(dir).isDirectory()) {
        plan.folderProblems.push({ before: plan.files.length, problem: { file: shown, line: 1, col: 1, rule: 'CATALOG-DIR', message: 'is not a folder' } });
        continue;
      }
      names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'catalogue folder does not exist' : `cannot read folder: ${(error as Error).message}`;
      plan.folderProblems.push({ before: plan.files.length, problem: { file: shown, line: 1, col: 1, rule: 'CATALOG-DIR', message: reason } });
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      plan.files.push({ path, file: relative(cwd, path) || path, kind: fileKind(name) });
    }
  }
  return plan;
}

/** Puts everything together in load order: problems in file order, one index. */
function assemble(plan: Plan, side: SideFiles, tests: CatalogFile[], result: TestFilesResult): CompiledData {
  const globalFile = new Map(plan.files.map((f, i) => [f.file, i]));
  const sources = new Map<string, YamlSource>();
  const sourceOf = (file: string): YamlSource | undefined => {
    const index = globalFile.get(file);
    if (index === undefined) return undefined;
    let source = sources.get(file);
    if (!source) {
      let text = '';
      try {
        text = readFileSync((plan.files[index] as CatalogFile).path, 'utf8');
      } catch {
        /* gone since: locations fall back to the file's first line */
      }
      source = parseYamlSource(file, text).source;
      sources.set(file, source);
    }
    return source;
  };

  const problemsOf = new Map<string, Problem[]>(side.problems);
  const facts = new Map<string, FileFacts>(side.facts);
  tests.forEach((f, i) => {
    facts.set(f.file, result.facts[i]);
    problemsOf.set(f.file, []);
  });
  for (const problem of result.problems) problemsOf.get(problem.file)?.push(problem);
  // Entries number files among the test files; from here on, among all files.
  const entries = result.entries.map((entry) => ({ ...entry, file: globalFile.get((tests[entry.file] as CatalogFile).file) as number }));

  const problems: Problem[] = [];
  const digest = createHash('sha1');
  plan.files.forEach((f, i) => {
    for (const { before, problem } of plan.folderProblems) if (before === i) problems.push(problem);
    // Within a file, problems read top to bottom.
    problems.push(...(problemsOf.get(f.file) ?? []).map((p, order) => ({ p, order })).sort((a, b) => a.p.line - b.p.line || a.p.col - b.p.col || a.order - b.order).map(({ p }) => p));
    digest.update(`${f.file}\u0000${facts.get(f.file)?.digest ?? 'unreadable'}\u0000`);
  });
  for (const { before, problem } of plan.folderProblems) if (before >= plan.files.length) problems.push(problem);

  const index = result.part ? mergeIndexParts([result.part], side.components, side.hypotheses) : undefined;
  return {
    version: digest.digest('hex').slice(0, 12),
    files: plan.files.map((f) => f.file),
    fileFacts: plan.files.map((f) => ({ path: f.path, size: facts.get(f.file)?.size ?? -1, mtimeMs: facts.get(f.file)?.mtimeMs ?? -1, digest: facts.get(f.file)?.digest ?? '' })),
    problems,
    components: side.components,
    hypotheses: side.hypotheses,
    entries,
    ...(result.tests ? { tests: result.tests } : {}),
    ...(index ? { index } : {}),
    sourceOf,
  };
}

