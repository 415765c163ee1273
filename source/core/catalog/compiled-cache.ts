import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_ARRAYS, INDEX_VERSION, type SearchDocs, type SearchIndex } from '../search/index-format.js';
import { NEWLINE } from './char-codes.js';
import type { CompiledData } from './compile/compile.js';
import type { TestEntry } from './compile/types.js';
import type { Problem } from './problem.js';
import { readRange } from './read-range.js';
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
  hasTest(id: string): boolean;
  getTest(id: string): CatalogTest | undefined;
  allTests(): CatalogTest[];
};

export type ArrayName = (typeof INDEX_ARRAYS)[number] | 'testOffsets' | 'testSpans';

export type Meta = {
  format: number;
  key: string;
  /** The same for every compile of the same folders by the same hunch: what a later compile may reuse from. */
  lineage: string;
  version: string;
  files: string[];
  fileFacts: CompiledData['fileFacts'];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  /** How many tests: the index's first documents, in order, are they. */
  tests: number;
  index: Omit<SearchIndex, (typeof INDEX_ARRAYS)[number] | 'docs'>;
  /** The index's documents as three strings, one line or letter per document (t test, h hypothesis): a few splits to load, not thousands of objects. */
  docs: { ids: string; components: string; kinds: string };
  /**
   * Where each typed array sits in arrays.bin (in elements of 4 bytes). testOffsets: each test's
   * line start in tests.jsonl, then the file's length; testSpans: SPAN_FIELDS per test.
   */
  arrays: Record<ArrayName, { offset: number; length: number }>;
};

/** Per test in testSpans: file, line, col, item, start, end. */
export const SPAN_FIELDS = 6;

const FORMAT = 6;
const KEEP = 4;
/** A staging folder this old was left by a process that died while writing. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** What a compile of these folders by this hunch may reuse from: the key without the files. */
export function catalogLineage(dirs: readonly string[], salt: string): string {
  return createHash('sha1').update(`${FORMAT}:${INDEX_VERSION}:${salt}\u0000${dirs.join('\u0000')}`).digest('hex').slice(0, 20);
}

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
  const found = readCacheDir(join(cacheRoot, `catalog-${key}`), (meta) => meta.key === key);
  if (!found) return undefined;
  const { meta, arrays, testsPath } = found;
  const { testOffsets: offsets, testSpans: _spans, ...indexArrays } = arrays;
  const docs = docsOf(meta);
  const testIds = docs.ids.slice(0, meta.tests);
  const tests = lazyTests(testIds, (i) => readJsonLine(testsPath, offsets[i] as number, offsets[i + 1] as number));
  return {
    version: meta.version,
    files: meta.files,
    problems: meta.problems,
    components: meta.components,
    hypotheses: meta.hypotheses,
    index: { ...meta.index, docs, ...(indexArrays as Pick<SearchIndex, (typeof INDEX_ARRAYS)[number]>) },
    testIds,
    hasTest: tests.hasTest,
    getTest: tests.getTest,
    // Every test at once is cheaper from one read of the whole file than line by line.
    allTests: () => {
      const lines = readFileSync(testsPath, 'utf8').split('\n');
      return testIds.map((_, i) => JSON.parse(lines[i] as string) as CatalogTest);
    },
  };
}

/**
 * hasTest, getTest and allTests over a reader of the i-th test; each test is read at most once.
 * The id → position map is made on first use: opening a catalogue only to search makes none.
 */
export function lazyTests(ids: readonly string[], read: (i: number) => CatalogTest | undefined): Pick<CompiledCatalog, 'hasTest' | 'getTest' | 'allTests'> {
  let position: Map<string, number> | undefined;
  const positionOf = (id: string) => {
    if (!position) {
      position = new Map();
      for (let i = 0; i < ids.length; i++) position.set(ids[i] as string, i);
    }
    return position.get(id);
  };
  const loaded = new Map<number, CatalogTest | undefined>();
  const at = (i: number) => {
    if (!loaded.has(i)) loaded.set(i, read(i));
    return loaded.get(i);
  };
  return {
    hasTest: (id) => positionOf(id) !== undefined,
    getTest: (id) => {
      const i = positionOf(id);
      return i === undefined ? undefined : at(i);
    },
    allTests: () => ids.flatMap((_, i) => at(i) ?? []),
  };
}

/** A cache folder as written: its meta, its typed arrays, where its tests.jsonl is. */
export type CacheDir = { meta: Meta; arrays: Record<ArrayName, Int32Array | Float32Array>; testsPath: string };

/** Reads a cache folder, or undefined when it is missing, unreadable, of another format or not `wanted`. */
export function readCacheDir(dir: string, wanted: (meta: Meta) => boolean = () => true): CacheDir | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
    if (meta.format !== FORMAT || meta.index.version !== INDEX_VERSION || !wanted(meta)) return undefined;
    return { meta, arrays: viewArrays(meta, readFileSync(join(dir, 'arrays.bin'))), testsPath: join(dir, 'tests.jsonl') };
  } catch {
    return undefined;
  }
}

/** The newest cache folder of a lineage other than `key`: what a compile after a change may reuse. */
export function readPreviousCompile(cacheRoot: string, lineage: string, key: string): CacheDir | undefined {
  let names: string[];
  try {
    names = readdirSync(cacheRoot).filter((name) => name.startsWith('catalog-') && !name.includes('.tmp-') && name !== `catalog-${key}`);
  } catch {
    return undefined;
  }
  const newest = names
    .map((name) => {
      try {
        return { dir: join(cacheRoot, name), mtime: statSync(join(cacheRoot, name)).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => b.mtime - a.mtime);
  for (const { dir } of newest) {
    const found = readCacheDir(dir, (meta) => meta.lineage === lineage);
    if (found) return found;
  }
  return undefined;
}

function readJsonLine(path: string, from: number, to: number): CatalogTest | undefined {
  const bytes = readRange(path, from, to);
  try {
    return bytes ? (JSON.parse(bytes.toString('utf8')) as CatalogTest) : undefined;
  } catch {
    return undefined;
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
    private readonly lineage: string,
    private readonly staging: string,
    private fd: number | undefined,
  ) {}

  static start(cacheRoot: string, key: string, lineage: string): CompiledWriter | undefined {
    const staging = join(cacheRoot, `catalog-${key}.tmp-${process.pid}-${Date.now()}`);
    try {
      mkdirSync(staging, { recursive: true });
      return new CompiledWriter(cacheRoot, key, lineage, staging, openSync(join(staging, 'tests.jsonl'), 'w'));
    } catch {
      remove(staging);
      return undefined;
    }
  }

  /** One test, as it is compiled. */
  readonly add = (test: CatalogTest): void => {
    if (this.failed) return;
    // The newline is written as a byte of its own: appending it to the JSON would make V8 copy
    // the whole line into a new string first.
    const json = JSON.stringify(test);
    // UTF-8 takes at most three bytes per UTF-16 unit: make sure the line fits before encoding it.
    if (this.pendingBytes + json.length * 3 + 1 > this.pending.length) this.flush();
    let bytes: number;
    if (json.length * 3 + 1 > this.pending.length) {
      bytes = Buffer.byteLength(json) + 1;
      this.writeOut(Buffer.from(`${json}\n`));
    } else {
      bytes = this.pending.write(json, this.pendingBytes) + 1;
      this.pending[this.pendingBytes + bytes - 1] = NEWLINE;
      this.pendingBytes += bytes;
    }
    this.offsets.push((this.offsets[this.offsets.length - 1] as number) + bytes);
  };

  /** One test's line as an earlier compile wrote it (newline included), for a file that has not changed. */
  readonly addLine = (line: Uint8Array): void => {
    if (this.failed) return;
    if (this.pendingBytes + line.length > this.pending.length) this.flush();
    if (line.length > this.pending.length) this.writeOut(line);
    else {
      this.pending.set(line, this.pendingBytes);
      this.pendingBytes += line.length;
    }
    this.offsets.push((this.offsets[this.offsets.length - 1] as number) + line.length);
  };

  /** Marks tests.jsonl incomplete: finish then writes nothing. */
  readonly fail = (): void => {
    this.failed = true;
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
      named.testSpans = packSpans(compiled.entries);
      const arrays = writeArrays(join(this.staging, 'arrays.bin'), named);
      const index = { ...compiled.index } as Partial<SearchIndex>;
      for (const name of INDEX_ARRAYS) delete index[name];
      delete index.docs;
      const { docs } = compiled.index;
      const meta: Meta = {
        format: FORMAT,
        key: this.key,
        lineage: this.lineage,
        version: compiled.version,
        files: compiled.files,
        fileFacts: compiled.fileFacts,
        problems: compiled.problems,
        components: compiled.components,
        hypotheses: compiled.hypotheses,
        tests: compiled.entries.length,
        index: index as Meta['index'],
        docs: { ids: docs.ids.join('\n'), components: docs.components.join('\n'), kinds: Array.from(docs.hypothesis, (h) => (h ? 'h' : 't')).join('') },
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

function packSpans(entries: readonly TestEntry[]): Int32Array {
  const spans = new Int32Array(entries.length * SPAN_FIELDS);
  entries.forEach((entry, i) => {
    spans.set([entry.file, entry.source.line, entry.source.col, entry.span.item, entry.span.start, entry.span.end], i * SPAN_FIELDS);
  });
  return spans;
}

/** The test entries a cache folder holds, as the compile that wrote it had them (`docs`: its documents, if already read). */
export function entriesOf(found: CacheDir, docs = docsOf(found.meta)): TestEntry[] {
  const { meta } = found;
  const spans = found.arrays.testSpans as Int32Array;
  return docs.ids.slice(0, meta.tests).map((id, i) => {
    const s = spans.subarray(i * SPAN_FIELDS, (i + 1) * SPAN_FIELDS);
    return {
      id,
      component: docs.components[i] as string,
      source: { file: meta.files[s[0] as number] as string, line: s[1] as number, col: s[2] as number, path: ['tests', s[3] as number] },
      file: s[0] as number,
      span: { item: s[3] as number, start: s[4] as number, end: s[5] as number },
    };
  });
}

/** The index's documents from their three strings (ids and components never hold a line break: they are kebab-case). */
export function docsOf(meta: Meta): SearchDocs {
  const { kinds } = meta.docs;
  const hypothesis = new Uint8Array(kinds.length);
  for (let i = 0; i < kinds.length; i++) hypothesis[i] = kinds[i] === 'h' ? 1 : 0;
  const split = (text: string) => (kinds.length === 0 ? [] : text.split('\n'));
  return { ids: split(meta.docs.ids), components: split(meta.docs.components), hypothesis };
}

/**
 * Writes typed arrays of 4-byte elements end to end into one file, each straight from its own
 * memory (packing them into one buffer first cost a fresh zeroed buffer and a copy of each), and
 * says where each sits.
 */
function writeArrays(path: string, named: Record<ArrayName, Int32Array | Float32Array>): Meta['arrays'] {
  const arrays = {} as Meta['arrays'];
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    for (const [name, array] of Object.entries(named) as [ArrayName, Int32Array | Float32Array][]) {
      arrays[name] = { offset, length: array.length };
      offset += array.length;
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
  return arrays;
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
