import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_ARRAYS, INDEX_VERSION, type SearchIndex } from '../search/build-index.js';
import type { Problem } from './problem.js';
import type { CatalogTest, Component, Hypothesis } from './schema.js';

/**
 * A catalogue compiled once (YAML parsed, validated, indexed) and cached on disk, keyed by the
 * names, sizes and modification times of its files: opening it again costs a few stats, one small
 * JSON file and one binary read. Tests are read from disk one by one, only when asked for.
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

type Meta = {
  format: number;
  key: string;
  version: string;
  files: string[];
  problems: Problem[];
  components: Component[];
  hypotheses: Hypothesis[];
  testIds: string[];
  /** Byte offset of each test's line in tests.jsonl, plus the file's length at the end. */
  testOffsets: number[];
  index: Omit<SearchIndex, IndexArray>;
  /** Where each typed array of the index sits in arrays.bin (in elements of 4 bytes). */
  arrays: Record<IndexArray, { offset: number; length: number }>;
};

type IndexArray = (typeof INDEX_ARRAYS)[number];

const FORMAT = 2;
const KEEP = 4;

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
  // Typed arrays need 4-byte alignment: a large read normally has its own aligned buffer, so the
  // arrays are views into it; otherwise one aligned copy.
  let words = arrayBytes.buffer;
  let base = arrayBytes.byteOffset;
  if (base % 4 !== 0) {
    words = new ArrayBuffer(arrayBytes.byteLength);
    new Uint8Array(words).set(arrayBytes);
    base = 0;
  }
  const view = (name: IndexArray) => {
    const { offset, length } = meta.arrays[name];
    return name === 'postings' ? new Float32Array(words, base + offset * 4, length) : new Int32Array(words, base + offset * 4, length);
  };
  const arrays = Object.fromEntries(INDEX_ARRAYS.map((name) => [name, view(name)])) as unknown as Pick<SearchIndex, IndexArray>;
  const testsPath = join(dir, 'tests.jsonl');
  const position = new Map(meta.testIds.map((id, i) => [id, i]));
  const loaded = new Map<string, CatalogTest>();
  const readTest = (i: number): CatalogTest | undefined => {
    const id = meta.testIds[i] as string;
    const cached = loaded.get(id);
    if (cached) return cached;
    const from = meta.testOffsets[i] as number;
    const to = meta.testOffsets[i + 1] as number;
    const buffer = Buffer.alloc(to - from);
    const fd = openSync(testsPath, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, from);
    } finally {
      closeSync(fd);
    }
    const test = JSON.parse(buffer.toString('utf8')) as CatalogTest;
    loaded.set(id, test);
    return test;
  };
  return {
    version: meta.version,
    files: meta.files,
    problems: meta.problems,
    components: meta.components,
    hypotheses: meta.hypotheses,
    index: { ...meta.index, ...arrays },
    testIds: meta.testIds,
    getTest: (id) => {
      const i = position.get(id);
      return i === undefined ? undefined : readTest(i);
    },
    allTests: () => {
      if (loaded.size < meta.testIds.length) {
        const lines = readFileSync(testsPath, 'utf8').split('\n');
        meta.testIds.forEach((id, i) => {
          if (!loaded.has(id)) loaded.set(id, JSON.parse(lines[i] as string) as CatalogTest);
        });
      }
      return meta.testIds.map((id) => loaded.get(id) as CatalogTest);
    },
  };
}

/** Writes a compiled catalogue atomically (a temp folder renamed into place); failures are ignored. */
export function writeCompiled(cacheRoot: string, key: string, compiled: Omit<CompiledCatalog, 'getTest' | 'allTests' | 'testIds'> & { tests: CatalogTest[] }): void {
  const dir = join(cacheRoot, `catalog-${key}`);
  const staging = `${dir}.tmp-${process.pid}`;
  try {
    mkdirSync(staging, { recursive: true });
    const lines = compiled.tests.map((test) => JSON.stringify(test));
    const offsets: number[] = [];
    let at = 0;
    for (const line of lines) {
      offsets.push(at);
      at += Buffer.byteLength(line) + 1;
    }
    offsets.push(at);
    writeFileSync(join(staging, 'tests.jsonl'), lines.map((l) => `${l}\n`).join(''));
    const { index, arrays, bytes } = packArrays(compiled.index);
    writeFileSync(join(staging, 'arrays.bin'), bytes);
    const meta: Meta = {
      format: FORMAT,
      key,
      version: compiled.version,
      files: compiled.files,
      problems: compiled.problems,
      components: compiled.components,
      hypotheses: compiled.hypotheses,
      testIds: compiled.tests.map((t) => t.id),
      testOffsets: offsets,
      index,
      arrays,
    };
    writeFileSync(join(staging, 'meta.json'), JSON.stringify(meta));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    pruneOld(cacheRoot, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Lays every typed array of the index end to end in one buffer (all are 4-byte elements). */
function packArrays(full: SearchIndex): { index: Omit<SearchIndex, IndexArray>; arrays: Meta['arrays']; bytes: Buffer } {
  const arrays = {} as Meta['arrays'];
  let offset = 0;
  for (const name of INDEX_ARRAYS) {
    arrays[name] = { offset, length: full[name].length };
    offset += full[name].length;
  }
  const bytes = Buffer.alloc(offset * 4);
  for (const name of INDEX_ARRAYS) {
    const array = full[name];
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), arrays[name].offset * 4);
  }
  const index = { ...full } as Partial<SearchIndex>;
  for (const name of INDEX_ARRAYS) delete index[name];
  return { index: index as Omit<SearchIndex, IndexArray>, arrays, bytes };
}

function pruneOld(cacheRoot: string, keep: string): void {
  const entries = readdirSync(cacheRoot)
    .filter((name) => name.startsWith('catalog-') && !name.includes('.tmp-'))
    .map((name) => ({ path: join(cacheRoot, name), mtime: statSync(join(cacheRoot, name)).mtimeMs }))
    .filter((entry) => entry.path !== keep)
    .sort((a, b) => b.mtime - a.mtime);
  for (const entry of entries.slice(KEEP - 1)) rmSync(entry.path, { recursive: true, force: true });
}
