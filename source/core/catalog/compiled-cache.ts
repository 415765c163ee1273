import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_ARRAYS, INDEX_VERSION, type SearchIndex } from '../search/index-format.js';
import type { CompiledData } from './compile/compile.js';
import type { Problem } from './problem.js';
import type { CatalogTest, Component, Hypothesis } from './schema.js';

/**
 * A catalogue compiled once (YAML parsed, validated, indexed) and cached on disk, keyed by the
 * names, sizes and modification times of its files: opening it again costs a few stats, one small
 * JSON file and one binary read. Tests are read from disk one by one, only when asked for, as
 * JSON: neither the YAML parser nor zod is loaded.
 */
export type CompiledCatalog = {
  version: string;
  files: string[];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  index: SearchIndex;
  testIds: string[];
  getTest(id: string): CatalogTest | undefined;
  allTests(): CatalogTest[];
};

type ArrayName = (typeof INDEX_ARRAYS)[number] | 'testOffsets';

type Meta = {
  format: number;
  key: string;
  version: string;
  files: string[];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  testIds: string[];
  index: Omit<SearchIndex, (typeof INDEX_ARRAYS)[number]>;
  /** Where each typed array sits in arrays.bin (in elements of 4 bytes); testOffsets has each test's line start in tests.jsonl, then the file's length. */
  arrays: Record<ArrayName, { offset: number; length: number }>;
};

const FORMAT = 3;
const KEEP = 4;
/** A staging folder this old was left by a process that died while writing. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** The cache key: what would change the compiled result, read from file metadata only. */
export function catalogKey(dirs: readonly string[], salt: string): string {
  const hash = createHash('sha1').update(`${FORMAT}:${INDEX_VERSION}:${salt}`);
  for (const dir of dirs) {
    hash.update(`\u0000dir:${dir}`);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      hash.update('\u0000missing');
      continue;
    }
    for (const name of names) {
      try {
        const stat = statSync(join(dir, name));
        hash.update(`\u0000${name}:${stat.size}:${stat.mtimeMs}`);
      } catch {
        hash.update(`\u0000${name}:gone`);
      }
    }
  }
  return hash.digest('hex').slice(0, 20);
}

/** Reads a compiled catalogue from the cache, or undefined when it is missing or stale. */
export function readCompiled(cacheRoot: string, key: string): CompiledCatalog | undefined {
  const dir = join(cacheRoot, `catalog-${key}`);
  let meta: Meta;
  let arrayBytes: Buffer;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
    if (meta.format !== FORMAT || meta.key !== key || meta.index.version !== INDEX_VERSION) return undefined;
    arrayBytes = readFileSync(join(dir, 'arrays.bin'));
  } catch {
    return undefined;
  }
  const { testOffsets: offsets, ...indexArrays } = viewArrays(meta, arrayBytes);
  const testsPath = join(dir, 'tests.jsonl');
  const tests = lazyTests(meta.testIds, (i) => readJsonLine(testsPath, offsets[i] as number, offsets[i + 1] as number));
  return {
    version: meta.version,
    files: meta.files,
    problems: meta.problems,
    components: meta.components,
    hypotheses: meta.hypotheses,
    index: { ...meta.index, ...(indexArrays as Pick<SearchIndex, (typeof INDEX_ARRAYS)[number]>) },
    testIds: meta.testIds,
    getTest: tests.getTest,
    // Every test at once is cheaper from one read of the whole file than line by line.
    allTests: () => {
      const lines = readFileSync(testsPath, 'utf8').split('\n');
      return meta.testIds.map((_, i) => JSON.parse(lines[i] as string) as CatalogTest);
    },
  };
}

/** getTest and allTests over a reader of the i-th test; each test is read at most once. */
export function lazyTests(ids: readonly string[], read: (i: number) => CatalogTest | undefined): Pick<CompiledCatalog, 'getTest' | 'allTests'> {
  const position = new Map(ids.map((id, i) => [id, i]));
  const loaded = new Map<number, CatalogTest | undefined>();
  const at = (i: number) => {
    if (!loaded.has(i)) loaded.set(i, read(i));
    return loaded.get(i);
  };
  return {
    getTest: (id) => {
      const i = position.get(id);
      return i === undefined ? undefined : at(i);
    },
    allTests: () => ids.flatMap((_, i) => at(i) ?? []),
  };
}

function readJsonLine(path: string, from: number, to: number): CatalogTest | undefined {
  const buffer = Buffer.alloc(to - from);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buffer, 0, buffer.length, from);
    return JSON.parse(buffer.toString('utf8')) as CatalogTest;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function viewArrays(meta: Meta, bytes: Buffer): Record<ArrayName, Int32Array | Float32Array> {
  // Typed arrays need 4-byte alignment: a large read normally has its own aligned buffer, so the
  // arrays are views into it; otherwise one aligned copy.
  let words = bytes.buffer;
  let base = bytes.byteOffset;
  if (base % 4 !== 0) {
    words = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(words).set(bytes);
    base = 0;
  }
  const views = {} as Record<ArrayName, Int32Array | Float32Array>;
  for (const [name, place] of Object.entries(meta.arrays) as [ArrayName, { offset: number; length: number }][]) {
    views[name] = name === 'postings' ? new Float32Array(words, base + place.offset * 4, place.length) : new Int32Array(words, base + place.offset * 4, place.length);
  }
  return views;
}

/**
 * Writes a compiled catalogue into the cache while it is being compiled: each test goes to
 * tests.jsonl as it comes (so a large catalogue is never held in memory to be written), the rest
 * once compiling is done, and the folder appears under its key atomically. A failure anywhere
 * leaves no cache and costs nothing else.
 */
export class CompiledWriter {
  private readonly offsets: number[] = [0];
  /** Encoded lines not yet written: one buffer, reused, so writing allocates nothing per test. */
  private readonly pending = Buffer.allocUnsafe(1 << 20);
  private pendingBytes = 0;
  private failed = false;

  private constructor(
    private readonly cacheRoot: string,
    private readonly key: string,
    private readonly staging: string,
    private fd: number | undefined,
  ) {}

  static start(cacheRoot: string, key: string): CompiledWriter | undefined {
    const staging = join(cacheRoot, `catalog-${key}.tmp-${process.pid}-${Date.now()}`);
    try {
      mkdirSync(staging, { recursive: true });
      return new CompiledWriter(cacheRoot, key, staging, openSync(join(staging, 'tests.jsonl'), 'w'));
    } catch {
      remove(staging);
      return undefined;
    }
  }

  /** One test, as it is compiled. */
  readonly add = (test: CatalogTest): void => {
    if (this.failed) return;
    const line = `${JSON.stringify(test)}\n`;
    // UTF-8 takes at most three bytes per UTF-16 unit: make sure the line fits before encoding it.
    if (this.pendingBytes + line.length * 3 > this.pending.length) this.flush();
    let bytes: number;
    if (line.length * 3 > this.pending.length) {
      bytes = Buffer.byteLength(line);
      this.writeOut(Buffer.from(line));
    } else {
      bytes = this.pending.write(line, this.pendingBytes);
      this.pendingBytes += bytes;
    }
    this.offsets.push((this.offsets[this.offsets.length - 1] as number) + bytes);
  };

  /** Everything else; `compiled.entries` must be the tests added, in order. */
  finish(compiled: CompiledData & { index: SearchIndex }): void {
    const dir = join(this.cacheRoot, `catalog-${this.key}`);
    try {
      this.flush();
      this.close();
      if (this.failed || this.offsets.length !== compiled.entries.length + 1) throw new Error('tests.jsonl is incomplete');
      const named = {} as Record<ArrayName, Int32Array | Float32Array>;
      for (const name of INDEX_ARRAYS) named[name] = compiled.index[name];
      named.testOffsets = Int32Array.from(this.offsets);
      const { arrays, bytes } = packArrays(named);
      writeFileSync(join(this.staging, 'arrays.bin'), bytes);
      const index = { ...compiled.index } as Partial<SearchIndex>;
      for (const name of INDEX_ARRAYS) delete index[name];
      const meta: Meta = {
        format: FORMAT,
        key: this.key,
        version: compiled.version,
        files: compiled.files,
        problems: compiled.problems,
        components: compiled.components,
        hypotheses: compiled.hypotheses,
        testIds: compiled.entries.map((e) => e.id),
        index: index as Meta['index'],
        arrays,
      };
      writeFileSync(join(this.staging, 'meta.json'), JSON.stringify(meta));
      rmSync(dir, { recursive: true, force: true });
      renameSync(this.staging, dir);
      pruneOld(this.cacheRoot, dir);
    } catch {
      this.abandon();
    }
  }

  /** Drops what was written. */
  abandon(): void {
    this.close();
    remove(this.staging);
  }

  private flush(): void {
    if (this.pendingBytes > 0) this.writeOut(this.pending.subarray(0, this.pendingBytes));
    this.pendingBytes = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.failed || this.fd === undefined) return;
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
    } catch {
      this.failed = true;
    }
  }

  private close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      this.failed = true;
    }
    this.fd = undefined;
  }
}

/** Lays typed arrays of 4-byte elements end to end in one buffer. */
function packArrays(named: Record<ArrayName, Int32Array | Float32Array>): { arrays: Meta['arrays']; bytes: Buffer } {
  const arrays = {} as Meta['arrays'];
  let offset = 0;
  for (const [name, array] of Object.entries(named) as [ArrayName, Int32Array | Float32Array][]) {
    arrays[name] = { offset, length: array.length };
    offset += array.length;
  }
  const bytes = Buffer.alloc(offset * 4);
  for (const [name, array] of Object.entries(named) as [ArrayName, Int32Array | Float32Array][]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), arrays[name].offset * 4);
  }
  return { arrays, bytes };
}

/** Removes a folder if it can; a cache that cannot be cleaned is no reason to fail. */
function remove(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* not ours to fix: the next write tries again */
  }
}

function pruneOld(cacheRoot: string, keep: string): void {
  const now = Date.now();
  const entries = readdirSync(cacheRoot)
    .filter((name) => name.startsWith('catalog-'))
    .map((name) => ({ path: join(cacheRoot, name), staging: name.includes('.tmp-'), mtime: statSync(join(cacheRoot, name)).mtimeMs }))
    .filter((entry) => entry.path !== keep);
  for (const entry of entries) if (entry.staging && now - entry.mtime > STALE_STAGING_MS) remove(entry.path);
  const kept = entries.filter((entry) => !entry.staging).sort((a, b) => b.mtime - a.mtime);
  for (const entry of kept.slice(KEEP - 1)) remove(entry.path);
}
