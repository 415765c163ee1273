import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { partOfIndex } from '../../search/build-index.js';
import type { IndexPart } from '../../search/index-builder.js';
import { docsOf, entriesOf, type CacheDir } from '../compiled-cache.js';
import type { Problem } from '../problem.js';
import { fileKind, type SideFiles } from './side-files.js';
import type { FileFacts, TestEntry } from './types.js';

/** What an earlier compile knew of one test file that has not changed since. */
export type FileReuse = {
  facts: NonNullable<FileFacts>;
  problems: Problem[];
  entries: TestEntry[];
  /** The entries' positions in the earlier compile: their documents and their tests.jsonl lines. */
  first: number;
};

/** An earlier compile of the same folders, offered file by file to the compile after a change. */
export type Reuse = {
  file(name: string, path: string): FileReuse | undefined;
  /** The earlier compile's test documents, tokenised. */
  part(): IndexPart;
  /** The earlier tests.jsonl line of entry `i`, newline included. */
  line(i: number): Uint8Array | undefined;
};

/**
 * What can be reused from an earlier compile: the files whose name, size and time are unchanged,
 * provided the components and hypotheses are the same (a component's names are part of every one
 * of its tests' index entries) and no test of the file was dropped as a duplicate then (it might
 * not be one now). Undefined when nothing can be.
 */
export function reuseFrom(previous: CacheDir, side: SideFiles): Reuse | undefined {
  const { meta } = previous;
  const factsOf = new Map(meta.files.map((file, i) => [file, meta.fileFacts[i]]));
  const sideNames = [...side.facts.keys()];
  const previousSide = meta.files.filter((file) => fileKind(file) !== 'tests');
  if (sideNames.length !== previousSide.length) return undefined;
  for (const name of sideNames) if (side.facts.get(name)?.digest !== factsOf.get(name)?.digest) return undefined;

  const docs = docsOf(meta);
  const entries = entriesOf(previous, docs);
  const rangeOf = new Map<number, { first: number; count: number }>();
  entries.forEach((entry, i) => {
    const range = rangeOf.get(entry.file);
    if (range) range.count++;
    else rangeOf.set(entry.file, { first: i, count: 1 });
  });
  const problemsOf = new Map<string, Problem[]>();
  for (const problem of meta.problems) {
    const list = problemsOf.get(problem.file);
    if (list) list.push(problem);
    else problemsOf.set(problem.file, [problem]);
  }

  let part: IndexPart | undefined;
  let lines: LineReader | undefined;
  return {
    file: (name, path) => {
      const index = meta.files.indexOf(name);
      const facts = meta.fileFacts[index];
      if (index < 0 || !facts) return undefined;
      try {
        const stat = statSync(path);
        if (stat.size !== facts.size || stat.mtimeMs !== facts.mtimeMs) return undefined;
      } catch {
        return undefined;
      }
      const problems = problemsOf.get(name) ?? [];
      if (problems.some((p) => p.rule === 'ID-DUPLICATE')) return undefined;
      const range = rangeOf.get(index) ?? { first: 0, count: 0 };
      return { facts: { digest: facts.digest, size: facts.size, mtimeMs: facts.mtimeMs }, problems, entries: entries.slice(range.first, range.first + range.count), first: range.first };
    },
    part: () => (part ??= partOfIndex({ ...meta.index, docs, ...previous.arrays } as Parameters<typeof partOfIndex>[0], entries.length)),
    line: (i) => (lines ??= new LineReader(previous.testsPath, previous.arrays.testOffsets as Int32Array)).line(i),
  };
}

/** Reads the earlier tests.jsonl in large blocks into one buffer, handing out lines in order; each is valid until the next call. */
class LineReader {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private block = this.buffer.subarray(0, 0);
  private blockStart = 0;

  constructor(
    private readonly path: string,
    private readonly offsets: Int32Array,
  ) {}

  line(i: number): Uint8Array | undefined {
    const from = this.offsets[i] as number;
    const to = this.offsets[i + 1] as number;
    if (from < this.blockStart || to > this.blockStart + this.block.length) {
      if (to - from > this.buffer.length) this.buffer = Buffer.allocUnsafe(to - from);
      this.blockStart = from;
      let fd: number | undefined;
      try {
        fd = openSync(this.path, 'r');
        const n = readSync(fd, this.buffer, 0, this.buffer.length, from);
        this.block = this.buffer.subarray(0, n);
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
      if (to > this.blockStart + this.block.length) return undefined;
    }
    return this.block.subarray(from - this.blockStart, to - this.blockStart);
  }
}
