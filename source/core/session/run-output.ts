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
  private readonly tails: Record<OutputStream, string> = { stdout: '', stderr: '' };
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
    return this.tails[stream];
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
    const joined = this.tails[stream] + text;
    if (joined.length > RUN_TAIL_LIMIT) {
      // Cut at a line start so the tail never begins mid-token.
      const cut = joined.length - RUN_TAIL_LIMIT;
      const lineStart = joined.indexOf('\n', cut);
      this.tails[stream] = lineStart === -1 ? joined.slice(cut) : joined.slice(lineStart + 1);
      this.dropped = true;
    } else {
      this.tails[stream] = joined;
    }
    return [{ stream, text }];
  }
}
