import type { IndexPart } from '../../search/index-builder.js';
import type { Problem } from '../problem.js';
import type { CatalogTest, Component, TestSource } from '../schema.js';

/** A catalogue file to read: where it is, and the name problems and sources give it. */
export type CatalogFile = { path: string; file: string };

/**
 * Where a test's YAML sits, so it can be read again without the rest: bytes start … end of its
 * file when it parses on its own, else (start -1) item `item` of the whole file's tests.
 */
export type TestSpan = { start: number; end: number; item: number };

/** A valid test as the catalogue knows it before the test itself is needed. */
export type TestEntry = { id: string; component: string; source: TestSource; file: number; span: TestSpan };

/** Test files to compile, and what to hand back. */
export type TestFilesInput = {
  files: CatalogFile[];
  components: Component[];
  /** Tokenise the tests into an index part. */
  index: boolean;
  /** Hand back the validated tests themselves, not only their entries. */
  keepTests: boolean;
};

/** A file as it was read: its content digest, and the size and time that key the cache. */
export type FileFacts = { digest: string; size: number; mtimeMs: number } | undefined;

export type TestFilesResult = {
  facts: FileFacts[];
  problems: Problem[];
  /** Valid tests in file order; `file` indexes the input's files. */
  entries: TestEntry[];
  part?: IndexPart;
  tests?: CatalogTest[];
};
