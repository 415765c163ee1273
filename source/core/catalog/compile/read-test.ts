import { readFileSync, statSync } from 'node:fs';
import { parseItem } from '../fast-yaml.js';
import { parseTest } from '../parse-test.js';
import { readRange } from '../read-range.js';
import type { CatalogTest } from '../schema.js';
import { compileTestFile } from './test-files.js';
import type { TestEntry } from './types.js';

/** A compiled file: its name in sources and problems, where it is, and its size and time then. */
export type CompiledFile = { name: string; path: string; size: number; mtimeMs: number };

/** Files compiled whole to read a test back, by path: a file whose tests share anchors is read once. */
const wholeFiles = new Map<string, { size: number; mtimeMs: number; tests: Map<string, CatalogTest> }>();

/**
 * One test, read from the bytes of its YAML when its file is as it was compiled, else by
 * compiling its whole file again and taking the test with its id (undefined if it is gone).
 */
export function readTest(file: CompiledFile, entry: TestEntry): CatalogTest | undefined {
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(file.path);
  } catch {
    return undefined;
  }
  const { span } = entry;
  if (stat.size === file.size && stat.mtimeMs === file.mtimeMs && span.start >= 0) {
    const bytes = readRange(file.path, span.start, span.end);
    const parsed = bytes ? parseTest(parseItem(file.name, bytes)) : undefined;
    if (parsed?.success && parsed.data.id === entry.id) return { ...parsed.data, component: entry.component, source: entry.source };
  }
  let whole = wholeFiles.get(file.path);
  if (!whole || whole.size !== stat.size || whole.mtimeMs !== stat.mtimeMs) {
    const tests = new Map<string, CatalogTest>();
    try {
      compileTestFile(file.name, readFileSync(file.path), [], (test) => {
        if (!tests.has(test.id)) tests.set(test.id, test);
      });
    } catch {
      return undefined;
    }
    whole = { size: stat.size, mtimeMs: stat.mtimeMs, tests };
    wholeFiles.set(file.path, whole);
  }
  return whole.tests.get(entry.id);
}
