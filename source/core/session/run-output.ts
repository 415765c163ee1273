import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StreamRedactor } from '../redact/stream-redactor.js';
import type { OutputStream } from '../runner/run.js';

/** Characters of each stream kept for the run's final journal event and the report. */
export const RUN_TAIL_LIMIT = 64 * 1024;

export type OutputPiece = { stream: OutputStream; text: string };

/**
 * Where a run's output goes once it leaves the process: through a redactor per stream (unless the
 * session is unredacted), then to the spill file that keeps all of it and to bounded tails. Callers
 * get the redacted pieces to journal and show, so no raw secret reaches the screen or the disk.
 */
export class RunOutput {
  private readonly redactors: Record<OutputStream, StreamRedactor> | undefined;
  // Each tail is a list of pieces, whole pieces dropped from the front once the rest covers the
  // limit: joining on every chunk would copy ~128 KB per chunk, which under gigabytes of output is
  // enough garbage to push memory past 200 MB before the collector catches up.
  private readonly tails: Record<OutputStream, { pieces: string[]; length: number }> = { stdout: { pieces: [], length: 0 }, stderr: { pieces: [], length: 0 } };
  private dropped = false;
  private fd: number | undefined;

  constructor(
    private readonly options: { redact: boolean; spillFile?: string | undefined },
  ) {
    this.redactors = options.redact ? { stdout: new StreamRedactor(), stderr: new StreamRedactor() } : undefined;
    if (options.spillFile) {
      mkdirSync(dirname(options.spillFile), { recursive: true, mode: 0o700 });
      this.fd = openSync(options.spillFile, 'w', 0o600);
    }
  }

  /** Takes raw text from the process; returns what can be shown and stored now. */
  push(stream: OutputStream, raw: string): OutputPiece[] {
    const text = this.redactors ? this.redactors[stream].push(raw) : raw;
    return this.accept(stream, text);
  }

  /** Releases whatever the redactors still hold; closes the spill file. */
  end(): OutputPiece[] {
    const pieces = this.redactors ? (['stdout', 'stderr'] as const).flatMap((stream) => this.accept(stream, this.redactors?.[stream].end() ?? '')) : [];
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    return pieces;
  }

  tail(stream: OutputStream): string {
    const joined = this.tails[stream].pieces.join('');
    if (joined.length <= RUN_TAIL_LIMIT) return joined;
    this.dropped = true;
    // Cut at a line start so the tail never begins mid-token.
    const cut = joined.length - RUN_TAIL_LIMIT;
    const lineStart = joined.indexOf('\n', cut);
    return lineStart === -1 ? joined.slice(cut) : joined.slice(lineStart + 1);
  }

  /** True when the tails lost their beginning (the spill file still has everything). */
  get truncated(): boolean {
    return this.dropped;
  }

  get spillFile(): string | undefined {
    return this.options.spillFile;
  }

  private accept(stream: OutputStream, text: string): OutputPiece[] {
    if (text === '') return [];
    if (this.fd !== undefined) writeSync(this.fd, text);
    const tail = this.tails[stream];
    tail.pieces.push(text);
    tail.length += text.length;
    while (tail.pieces.length > 1 && tail.length - (tail.pieces[0] as string).length >= RUN_TAIL_LIMIT) {
      tail.length -= (tail.pieces.shift() as string).length;
      this.dropped = true;
    }
    return [{ stream, text }];
  }
}
