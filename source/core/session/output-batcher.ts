import type { OutputStream } from '../runner/run.js';

/** Output journaled per run; the spill file and the final tails hold the rest. */
export const JOURNAL_OUTPUT_LIMIT = 64 * 1024;
/** How often streamed output reaches the journal: what a SIGKILL can lose at most. */
export const JOURNAL_FLUSH_MS = 250;

/**
 * Groups output into one journal event per stream every quarter second, up to a cap per run, so
 * a chatty test costs a few fsyncs a second rather than one per chunk.
 */
export class OutputBatcher {
  private pending: { stream: OutputStream; text: string }[] = [];
  private written = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (stream: OutputStream, text: string) => void,
    private readonly flushMs = JOURNAL_FLUSH_MS,
  ) {}

  push(stream: OutputStream, text: string): void {
    if (this.written >= JOURNAL_OUTPUT_LIMIT || text === '') return;
    const room = JOURNAL_OUTPUT_LIMIT - this.written;
    const kept = text.length > room ? text.slice(0, room) : text;
    this.written += kept.length;
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += kept;
    else this.pending.push({ stream, text: kept });
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const chunk of pending) this.write(chunk.stream, chunk.text);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
