import { readFileSync } from 'node:fs';
import { IndexBuilder, type IndexPart } from '../../search/index-builder.js';
import { detach } from '../../text/detach.js';
import type { Problem } from '../problem.js';
import type { CatalogTest, Component } from '../schema.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { FileReader } from './file-reader.js';
import type { Reuse } from './reuse.js';
import { compileTestFile, type Locate } from './test-file.js';
import type { CatalogFile, FileFacts, TestEntry, TestFilesInput, TestFilesResult } from './types.js';

/**
 * Reads, parses and validates test files in load order and tokenises their tests for the index,
 * one test at a time: nothing of a test is kept but its entry and its index terms, unless the
 * caller keeps the tests or takes each one as it comes (`sink`, to write it somewhere). A file
 * unchanged since an earlier compile (`reuse`) is not read at all. With `startHelper`, a second
 * thread compiles files from the end while this one works from the start, and this one takes its
 * results over when it gets there. A later duplicate of an id is dropped with a problem. Never
 * throws for bad content.
 */
export function compileTestFiles(input: TestFilesInput, sink?: TestSink, reuse?: Reuse, startHelper?: StartHelper): TestFilesResult {
  const builder = input.index ? new IndexBuilder(input.components) : undefined;
  const result: TestFilesResult = { facts: [], problems: [], entries: [], helperFiles: 0, ...(input.keepTests ? { tests: [] } : {}) };
  const reader = new FileReader();
  const seen = new Map<string, TestEntry>();
  // A test whose id came earlier is dropped, with a problem saying where the first one is.
  const keep = (entry: TestEntry, locate: Locate): boolean => {
    const earlier = seen.get(entry.id);
    if (earlier) {
      const at = `${earlier.source.file}:${earlier.source.line}`;
      result.problems.push({ ...locate([...entry.source.path, 'id']), rule: 'ID-DUPLICATE', message: `test id "${entry.id}" is already used at ${at}` });
      return false;
    }
    seen.set(entry.id, entry);
    result.entries.push(entry);
    return true;
  };
  const unreadable = (file: string, error: string) => {
    result.facts.push(undefined);
    result.problems.push({ file, line: 1, col: 1, rule: 'FILE', message: `cannot read: ${error}` });
  };
  // Entries, index documents and JSON lines compiled before this file's turn, taken as they are.
  const takeOver = (fileIndex: number, { path, file }: CatalogFile, done: Precompiled) => {
    result.facts.push(done.facts);
    result.problems.push(...done.problems);
    let source: YamlSource | undefined;
    const locate: Locate = (at) => (source ??= parseYamlSource(file, readFileSync(path, 'utf8')).source).locate(at);
    done.entries.forEach((entry, k) => {
      if (!keep({ ...entry, file: fileIndex }, locate)) return;
      builder?.copyDoc(done.part(), done.first + k);
      const line = done.line(done.first + k);
      if (line) sink?.addLine(line);
      else sink?.fail();
    });
  };

  const earlier = input.files.map(({ path, file }) => (input.keepTests || !reuse ? undefined : reuse.file(file, path)));
  const todo = input.files.filter((_, i) => !earlier[i]);
  const helper = input.keepTests ? undefined : startHelper?.(todo, input.components);
  let next = 0;
  try {
    input.files.forEach((catalogFile, fileIndex) => {
      const before = earlier[fileIndex];
      if (before && reuse) return takeOver(fileIndex, catalogFile, { ...before, part: reuse.part, line: reuse.line });
      const at = next++;
      if (helper && !helper.claim(at)) {
        const done = helper.take(at);
        if (done) result.helperFiles++;
        if (done && 'error' in done) return unreadable(catalogFile.file, done.error);
        // A helper that failed leaves its files to this thread.
        if (done) return takeOver(fileIndex, catalogFile, done);
      }
      const { path, file } = catalogFile;
      const read = reader.read(path);
      if ('error' in read) return unreadable(file, read.error);
      result.facts.push(read.facts);
      compileTestFile(file, read.bytes, result.problems, (test, span, locate) => {
        if (!keep({ id: detach(test.id), component: detach(test.component), source: test.source, file: fileIndex, span }, locate)) return;
        builder?.addTest(test);
        result.tests?.push(test);
        sink?.add(test);
      });
    });
  } finally {
    helper?.stop();
  }
  if (builder) result.part = builder.part();
  return result;
}

/** Tests of one file compiled before its turn: by an earlier compile, or by a helper thread. */
export type Precompiled = {
  facts: FileFacts;
  problems: Problem[];
  entries: Omit<TestEntry, 'file'>[];
  /** The first entry's document in part() and line in line(). */
  first: number;
  part(): IndexPart;
  line(i: number): Uint8Array | undefined;
};

/** A second thread compiling the same files from the other end (see helper.ts). */
export type Helper = {
  /** Whether this thread may compile file `at` of the files the helper was given. */
  claim(at: number): boolean;
  /** Files the helper has compiled so far. */
  progress(): number;
  /** The helper's compile of file `at` (waiting for it), or undefined if the helper failed. */
  take(at: number): Precompiled | { error: string } | undefined;
  stop(): void;
};

export type StartHelper = (files: CatalogFile[], components: Component[]) => Helper | undefined;

/** Where each kept test goes as it is compiled (the cache's tests.jsonl), in order. */
export type TestSink = {
  add(test: CatalogTest): void;
  /** A test's line as an earlier compile wrote it. */
  addLine(line: Uint8Array): void;
  /** A test could not be written: what was written is incomplete. */
  fail(): void;
};
