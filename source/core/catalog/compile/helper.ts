import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Component } from '../schema.js';
import { BY_MAIN, DONE, PROGRESS, UNCLAIMED, type HelperFile, type HelperInput, type HelperResult } from './helper-protocol.js';
import type { Helper, Precompiled } from './test-files.js';
import type { CatalogFile } from './types.js';

/** Below this much YAML a second thread costs more to start than it saves. */
const MIN_HELPER_BYTES = 256 * 1024;
/** The main thread waits for the helper in slices of this length, checking that it progresses. */
const WAIT_SLICE_MS = 250;
/** A helper that compiles no file for this long is given up on: its files are compiled here. */
const STALL_MS = 10_000;

export type HelperOptions = { env?: NodeJS.ProcessEnv; stallMs?: number };

/**
 * Starts a compile helper thread for these files when there are enough of them to be worth it
 * and its script is found (dist/compile-worker.js beside the bundle; HUNCH_COMPILE_HELPER names
 * another, or "off"). Undefined otherwise: the files are then compiled in this thread alone.
 */
export function startCompileHelper(files: CatalogFile[], components: Component[], options: HelperOptions = {}): Helper | undefined {
  const script = helperScript(options.env ?? process.env);
  if (!script || files.length < 2 || totalBytes(files) < MIN_HELPER_BYTES) return undefined;
  const claims = new Int32Array(new SharedArrayBuffer(4 * files.length));
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const workerData: HelperInput = { files, components, claims, signal, port: port2 };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData, transferList: [port2], stdout: true, stderr: true });
  } catch {
    port1.close();
    return undefined;
  }
  // Never keeps the process alive; a helper that dies shows as one that stopped progressing.
  worker.unref();
  worker.on('error', () => {});
  return new ThreadHelper(worker, port1, claims, signal, options.stallMs ?? STALL_MS);
}

class ThreadHelper implements Helper {
  private result: Map<number, HelperFile> | undefined;
  private shared: Omit<Precompiled, 'facts' | 'problems' | 'entries' | 'first'> | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly claims: Int32Array,
    private readonly signal: Int32Array,
    private readonly stallMs: number,
  ) {}

  claim(at: number): boolean {
    return Atomics.compareExchange(this.claims, at, UNCLAIMED, BY_MAIN) === UNCLAIMED;
  }

  progress(): number {
    return Atomics.load(this.signal, PROGRESS);
  }

  take(at: number): Precompiled | { error: string } | undefined {
    if (!this.result) this.receive(this.wait());
    const file = this.result?.get(at);
    if (!file || !this.shared) return undefined;
    if (file.error !== undefined) return { error: file.error };
    return { facts: file.facts, problems: file.problems, entries: file.entries, first: file.first, ...this.shared };
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Blocks until the helper has posted its result, or has made no progress for stallMs. */
  private wait(): HelperResult {
    let progress = Atomics.load(this.signal, PROGRESS);
    let still = 0;
    while (Atomics.load(this.signal, DONE) === 0) {
      if (Atomics.wait(this.signal, DONE, 0, Math.min(WAIT_SLICE_MS, this.stallMs)) !== 'timed-out') continue;
      const now = Atomics.load(this.signal, PROGRESS);
      if (now !== progress) {
        progress = now;
        still = 0;
      } else if ((still += Math.min(WAIT_SLICE_MS, this.stallMs)) >= this.stallMs) return { failed: 'the compile helper stopped making progress' };
    }
    // The helper posts before raising DONE, so the message is already in the port's queue.
    return (receiveMessageOnPort(this.port)?.message as HelperResult | undefined) ?? { failed: 'the compile helper posted nothing' };
  }

  private receive(result: HelperResult): void {
    this.result = new Map();
    if ('failed' in result) return;
    for (const file of result.files) this.result.set(file.at, file);
    const { part, lines, lineStarts } = result;
    this.shared = {
      part: () => part,
      line: (i) => (i + 1 < lineStarts.length ? lines.subarray(lineStarts[i] as number, lineStarts[i + 1] as number) : undefined),
    };
  }
}

/**
 * The helper's script: HUNCH_COMPILE_HELPER, else compile-worker.js beside this bundle or its
 * chunks folder (dist/), or compile-worker.mjs beside it (the bench's bundle, in a folder with no
 * package.json to say its .js files are modules).
 */
function helperScript(env: NodeJS.ProcessEnv): URL | undefined {
  const named = env.HUNCH_COMPILE_HELPER;
  if (named === 'off') return undefined;
  if (named) return existsSync(named) ? pathToFileURL(named) : undefined;
  for (const candidate of ['../compile-worker.js', './compile-worker.js', './compile-worker.mjs']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return undefined;
}

function totalBytes(files: CatalogFile[]): number {
  let bytes = 0;
  for (const { path } of files) {
    try {
      bytes += statSync(path).size;
    } catch {
      /* unreadable: the compile reports it */
    }
  }
  return bytes;
}
