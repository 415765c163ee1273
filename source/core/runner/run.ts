import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { newRunMarker, RUN_MARKER_ENV, signalGroup, signalTree, trackGroup } from './process-group.js';
import { TailBuffer } from './tail-buffer.js';

export type OutputStream = 'stdout' | 'stderr';

export type RunRequest = {
  argv: readonly string[];
  env?: Readonly<Record<string, string>>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Every byte of output goes here, however much there is. */
  spillFile?: string;
  /** Characters of each stream kept in memory for interpretation and display. */
  keepChars?: number;
  /** How long a stopped process gets between SIGTERM and SIGKILL. */
  graceMs?: number;
  onOutput?: (stream: OutputStream, text: string) => void;
  cwd?: string;
  /** Written to the command's stdin (then closed); without it stdin is closed from the start. */
  input?: string;
  /**
   * Leave processes the command started in the background running after it exits. Only for tools
   * whose job is to outlive their launcher (xclip keeps serving the clipboard it was given).
   */
  leaveBackground?: boolean;
};

export type RunStatus = 'exited' | 'timeout' | 'cancelled' | 'spawn-error';

export type RunResult = {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** True when the kept text is only the tail of what was printed. */
  truncated: boolean;
  totalChars: number;
  totalLines: number;
  spillFile?: string;
  /** Why the command could not start (missing tool, permission). */
  spawnError?: string;
  missingTool?: string;
};

const DEFAULT_KEEP = 1024 * 1024;
/** Node's timers overflow past this (and then fire at once): the longest timeout a run can have. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Every run ends: a timeout that is missing, zero, negative or too large for a timer is made finite. */
export function effectiveTimeout(ms: number): number {
  if (!Number.isFinite(ms)) return Number.isNaN(ms) ? DEFAULT_TIMEOUT_MS : MAX_TIMEOUT_MS;
  return Math.min(Math.max(Math.round(ms), 1), MAX_TIMEOUT_MS);
}

/**
 * Runs one argv with no shell. The process gets its own group so a stop reaches everything it
 * started; output is kept as a bounded tail and spilled whole to a file.
 */
export async function runCommand(request: RunRequest): Promise<RunResult> {
  const [file, ...args] = request.argv;
  if (file === undefined) throw new Error('runCommand needs a non-empty argv');
  const started = performance.now();
  const keep = request.keepChars ?? DEFAULT_KEEP;
  const buffers = { stdout: new TailBuffer(keep), stderr: new TailBuffer(keep) };
  const spill = openSpill(request.spillFile);
  const marker = newRunMarker();

  const child = execa(file, args, {
    env: { PAGER: 'cat', KUBECTL_PAGER: 'cat', NO_COLOR: '1', TERM: 'dumb', ...request.env, [RUN_MARKER_ENV]: marker },
    ...(request.input !== undefined ? { input: request.input } : { stdin: 'ignore' as const }),
    buffer: false,
    reject: false,
    detached: true,
    cleanup: false,
    cwd: request.cwd,
    encoding: 'buffer',
  });
  const untrack = trackGroup(child.pid, marker);

  let stopReason: 'timeout' | 'cancelled' | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stopReason) return;
    stopReason = reason;
    signalTree(child.pid, marker, 'SIGTERM');
    killTimer = setTimeout(() => signalTree(child.pid, marker, 'SIGKILL'), request.graceMs ?? 2000);
  };
  const timeout = setTimeout(() => stop('timeout'), effectiveTimeout(request.timeoutMs));
  const onAbort = () => stop('cancelled');
  if (request.signal?.aborted) onAbort();
  request.signal?.addEventListener('abort', onAbort, { once: true });

  const collect = (stream: Readable | null, name: OutputStream) => {
    if (!stream) return;
    const decoder = new TextDecoder('utf-8', { fatal: false });
    stream.on('data', (chunk: Buffer) => {
      if (spill && !spill.write(chunk)) {
        stream.pause();
        spill.once('drain', () => stream.resume());
      }
      const text = decoder.decode(chunk, { stream: true });
      buffers[name].push(text);
      request.onOutput?.(name, text);
    });
  };
  collect(child.stdout, 'stdout');
  collect(child.stderr, 'stderr');

  const result = await child;
  clearTimeout(timeout);
  if (killTimer) clearTimeout(killTimer);
  request.signal?.removeEventListener('abort', onAbort);
  // The leader is gone; make sure nothing it started lingers (unless that is the point). A stopped
  // run also loses what escaped its group: the user asked for everything to stop.
  if (stopReason) signalTree(child.pid, marker, 'SIGKILL');
  else if (!request.leaveBackground) signalGroup(child.pid, 'SIGKILL');
  untrack();
  await closeSpill(spill);

  const spawnFailed = result.exitCode === undefined && !result.signal && stopReason === undefined;
  const code = (result as { code?: string }).code;
  const base = {
    durationMs: Math.round(performance.now() - started),
    stdout: buffers.stdout.text(),
    stderr: buffers.stderr.text(),
    truncated: buffers.stdout.truncated || buffers.stderr.truncated,
    totalChars: buffers.stdout.totalChars + buffers.stderr.totalChars,
    totalLines: buffers.stdout.totalLines + buffers.stderr.totalLines,
    ...(request.spillFile ? { spillFile: request.spillFile } : {}),
  };
  if (spawnFailed) {
    const missing = code === 'ENOENT';
    return {
      ...base,
      status: 'spawn-error',
      exitCode: null,
      signal: null,
      spawnError: missing ? `${file} is not installed or not on PATH` : (result.shortMessage ?? 'could not start'),
      ...(missing ? { missingTool: file } : {}),
    };
  }
  return {
    ...base,
    status: stopReason ?? 'exited',
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
  };
}

function openSpill(path: string | undefined): WriteStream | undefined {
  if (!path) return undefined;
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: 'w', mode: 0o600 });
}

function closeSpill(spill: WriteStream | undefined): Promise<void> {
  if (!spill) return Promise.resolve();
  return new Promise((resolve) => spill.end(resolve));
}
