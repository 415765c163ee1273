import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { IndexBuilder } from '../../search/index-builder.js';
import { detach } from '../../text/detach.js';
import { parseWholeFile, streamSequenceFile } from '../fast-yaml.js';
import { parseTest } from '../parse-test.js';
import { emptyFile, type Problem } from '../problem.js';
import { catalogFileSchema, type CatalogTest, type SourceLocation } from '../schema.js';
import { parseYamlSource, type YamlSource } from '../yaml-source.js';
import { zodProblems } from '../zod-problems.js';
import type { Reuse } from './reuse.js';
import type { FileFacts, TestEntry, TestFilesInput, TestFilesResult } from './types.js';

/**
 * Reads, parses and validates test files in load order and tokenises their tests for the index,
 * one test at a time: nothing of a test is kept but its entry and its index terms, unless the
 * caller keeps the tests or takes each one as it comes (`sink`, to write it somewhere). A file
 * unchanged since an earlier compile (`reuse`) is not read at all. A later duplicate of an id is
 * dropped with a problem. Never throws for bad content.
 */
export function compileTestFiles(input: TestFilesInput, sink?: TestSink, reuse?: Reuse): TestFilesResult {
  const builder = input.index ? new IndexBuilder(input.components) : undefined;
  const result: TestFilesResult = { facts: [], problems: [], entries: [], ...(input.keepTests ? { tests: [] } : {}) };
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
  input.files.forEach(({ path, file }, fileIndex) => {
    const reused = input.keepTests ? undefined : reuse?.file(file, path);
    if (reused && reuse) {
      // Unchanged since the earlier compile: its entries, index documents and JSON lines as they were.
      result.facts.push(reused.facts);
      result.problems.push(...reused.problems);
      let source: YamlSource | undefined;
      const locate: Locate = (at) => (source ??= parseYamlSource(file, readFileSync(path, 'utf8')).source).locate(at);
      reused.entries.forEach((entry, k) => {
        if (!keep({ ...entry, file: fileIndex }, locate)) return;
        builder?.copyDoc(reuse.part(), reused.first + k);
        const line = reuse.line(reused.first + k);
        if (line) sink?.addLine(line);
        else sink?.fail();
      });
      return;
    }
    const read = reader.read(path);
    if ('error' in read) {
      result.facts.push(undefined);
      result.problems.push({ file, line: 1, col: 1, rule: 'FILE', message: `cannot read: ${read.error}` });
      return;
    }
    result.facts.push(read.facts);
    compileTestFile(file, read.bytes, result.problems, (test, span, locate) => {
      if (!keep({ id: detach(test.id), component: detach(test.component), source: test.source, file: fileIndex, span }, locate)) return;
      builder?.addTest(test);
      result.tests?.push(test);
      sink?.add(test);
    });
  });
  if (builder) result.part = builder.part();
  return result;
}

/** Finds where a path inside the file being compiled sits. */
type Locate = (path: readonly PropertyKey[]) => SourceLocation;

/** Where each kept test goes as it is compiled (the cache's tests.jsonl), in order. */
export type TestSink = {
  add(test: CatalogTest): void;
  /** A test's line as an earlier compile wrote it. */
  addLine(line: Uint8Array): void;
  /** A test could not be written: what was written is incomplete. */
  fail(): void;
};

/**
 * Validates every test of one file, handing each valid one to `accept` with where it sits; the
 * rest become problems at file:line:col. Duplicate ids are the caller's business: they span files.
 */
export function compileTestFile(file: string, bytes: Buffer, problems: Problem[], accept: (test: CatalogTest, span: TestEntry['span'], locate: Locate) => void): void {
  let source: YamlSource | undefined;
  const sourceOf = () => (source ??= parseYamlSource(file, bytes.toString('utf8')).source);
  const locate: Locate = (at) => sourceOf().locate(at);
  const stream = streamSequenceFile(file, bytes, 'tests');
  // Item by item: each test is parsed, validated and handed on before the next is read.
  if (stream) {
    const head = catalogFileSchema.safeParse(stream.head);
    if (!head.success) {
      problems.push(...zodProblems(head.error, sourceOf(), []));
      return;
    }
    stream.items.forEach((item, index) => {
      const parsed = stream.item(index);
      if ('problem' in parsed) {
        problems.push(parsed.problem);
        return;
      }
      const test = validateTest(parsed.value, index, head.data.component, { file, line: item.line, col: item.col }, sourceOf, problems);
      if (test) accept(test, { start: item.start, end: item.end, item: index }, locate);
    });
    return;
  }
  const parsed = parseWholeFile(file, bytes, 'tests');
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return;
  }
  if (parsed.value === undefined || parsed.value === null) {
    problems.push(emptyFile(file, '`component:` and `tests:`'));
    return;
  }
  const fileResult = catalogFileSchema.safeParse(parsed.value);
  if (!fileResult.success) {
    problems.push(...zodProblems(fileResult.error, sourceOf(), []));
    return;
  }
  const { component, tests } = fileResult.data;
  const items = parsed.items?.length === tests.length ? parsed.items : undefined;
  tests.forEach((raw, index) => {
    const item = items?.[index];
    const where = item ? { file, line: item.line, col: item.col } : undefined;
    const test = validateTest(raw, index, component, where, sourceOf, problems);
    if (test) accept(test, { start: -1, end: -1, item: index }, locate);
  });
}

/** One test's value checked against the schema: the test, or its problems at file:line:col. */
function validateTest(raw: unknown, index: number, component: string, where: SourceLocation | undefined, sourceOf: () => YamlSource, problems: Problem[]): CatalogTest | undefined {
  const path = ['tests', index];
  const result = parseTest(raw);
  if (!result.success) {
    problems.push(...zodProblems(result.error, sourceOf(), path));
    return undefined;
  }
  // Completed in place rather than copied: the parsed value is this test's own, and the keys come
  // out in the order a copy would give them (component where it was, else last; then source).
  const test = result.data as CatalogTest;
  test.component ??= component;
  const at = where ?? sourceOf().locate(path);
  test.source = { file: at.file, line: at.line, col: at.col, path };
  return test;
}

/**
 * Reads whole files into one reused buffer: on this kind of machine fresh memory costs more than
 * the read itself (every new page is a fault), so only the file's bytes are copied out.
 */
class FileReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  read(path: string): { bytes: Buffer; facts: NonNullable<FileFacts> } | { error: string } {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const stat = fstatSync(fd);
      if (stat.size > this.buffer.length) this.buffer = Buffer.allocUnsafe(stat.size);
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) this.buffer = Buffer.concat([this.buffer, Buffer.allocUnsafe(this.buffer.length)]);
        const n = readSync(fd, this.buffer, length, this.buffer.length - length, length);
        if (n === 0) break;
        length += n;
      }
      const bytes = this.buffer.subarray(0, length);
      const digest = createHash('sha1').update(bytes).digest('hex');
      return { bytes, facts: { digest, size: stat.size, mtimeMs: stat.mtimeMs } };
    } catch (error) {
      return { error: (error as Error).message };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
