import type { MessagePort } from 'node:worker_threads';
import type { IndexPart } from '../../search/index-builder.js';
import type { Problem } from '../problem.js';
import type { Component } from '../schema.js';
import type { CatalogFile, FileFacts, TestEntry } from './types.js';

/**
 * The two sides of a compile shared between the main thread and one helper thread. The files to
 * compile are claimed one by one in a shared array, the main thread from the first file forward,
 * the helper from the last one back, so each file is compiled exactly once and the helper's files
 * are always the tail: the main thread takes them over, in order, once it reaches them.
 */
export const UNCLAIMED = 0;
export const BY_MAIN = 1;
export const BY_HELPER = 2;

/** Slots of the shared signal array. */
export const DONE = 0;
export const PROGRESS = 1;

export type HelperInput = {
  files: CatalogFile[];
  components: Component[];
  /** One Int32 per file: UNCLAIMED, BY_MAIN or BY_HELPER. */
  claims: Int32Array;
  /** DONE (1 once the result is posted) and PROGRESS (files compiled so far). */
  signal: Int32Array;
  port: MessagePort;
};

/** One file as the helper compiled it; entries have no `file` yet (the main thread numbers files). */
export type HelperFile = {
  /** Position in the input's files. */
  at: number;
  facts: FileFacts;
  /** Why the file could not be read, when it could not. */
  error?: string;
  problems: Problem[];
  entries: Omit<TestEntry, 'file'>[];
  /** Its first test's document in `part` and line in `lines`. */
  first: number;
};

export type HelperResult =
  | { files: HelperFile[]; part: IndexPart; lines: Uint8Array; lineStarts: Int32Array }
  | { failed: string };
