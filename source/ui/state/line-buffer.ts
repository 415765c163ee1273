import { redactText } from '../../core/redact/redact.js';
import { TailBuffer } from '../../core/runner/tail-buffer.js';
import { sanitizeText } from '../../core/text/sanitize.js';

const MAX_LINE = 2000;
/** Characters read back per line drawn: a drawn line is cut well before this. */
const LINE_WINDOW = 4096;
/** Raw text kept for the screen; everything older is only counted (the spill file has it all). */
const KEEP_CHARS = 256 * 1024;

/**
 * Output as lines for the screen. Pushing only appends to a bounded raw tail and counts lines, so
 * a test printing gigabytes costs the same memory as one printing a page and never holds up the
 * UI; the few lines actually drawn are sanitized (no escape sequence reaches the terminal),
 * redacted and cut when they are asked for.
 */
export class LineBuffer {
  private readonly raw = new TailBuffer(KEEP_CHARS);
  private endsWithNewline = true;
  private version = 0;
  private cache: { version: number; count: number; lines: string[] } | undefined;

  constructor(private readonly limit = 2000) {}

  push(text: string): void {
    if (text === '') return;
    this.raw.push(text);
    this.endsWithNewline = text.endsWith('\n');
    this.version++;
  }

  /** Kept for callers that mark the end of a run; a last line without a newline is already shown. */
  end(): void {}

  /** Lines printed so far, the one still being written included. */
  get total(): number {
    return this.raw.totalLines + (this.endsWithNewline ? 0 : 1);
  }

  /** The last `count` lines, the one still being written included. */
  tail(count: number): string[] {
    const wanted = Math.max(0, Math.min(count, this.limit));
    if (this.cache && this.cache.version === this.version && this.cache.count >= wanted) return this.cache.lines.slice(-wanted || this.cache.lines.length);
    const lines = this.lastLines(wanted);
    this.cache = { version: this.version, count: wanted, lines };
    return lines;
  }

  /** Every line still kept (at most `limit`), for the full-output view. */
  all(): string[] {
    return this.tail(this.limit);
  }

  private lastLines(count: number): string[] {
    if (count === 0) return [];
    // Enough text for `count` lines as they are drawn (a drawn line shows at most ~3 KB of its own).
    const text = this.raw.lastLines(count + 1, count * LINE_WINDOW);
    const cutAtStart = text.length < this.raw.keptChars || this.raw.truncated;
    let end = this.endsWithNewline && text.endsWith('\n') ? text.length - 1 : text.length;
    const lines: string[] = [];
    while (lines.length < count && end >= 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      if (start === 0 && cutAtStart) {
        // The beginning of this line was dropped from memory.
        lines.push(`…${displayLine(text.slice(0, end))}`);
        break;
      }
      lines.push(displayLine(text.slice(start, end)));
      if (start === 0) break;
      end = start - 1;
    }
    return lines.reverse();
  }
}

/**
 * One line as drawn: sanitized and redacted, long lines cut (redacted before the cut, so no secret
 * is split). A line rewritten with carriage returns (a progress bar) shows its last state, as a
 * terminal would.
 */
function displayLine(line: string): string {
  const window = line.length > MAX_LINE + 1024 ? line.slice(0, MAX_LINE + 1024) : line;
  const sanitized = sanitizeText(window.replace(/\r+$/, ''));
  const clean = redactText(sanitized.slice(sanitized.lastIndexOf('\n') + 1));
  const more = line.length - window.length + Math.max(0, clean.length - MAX_LINE);
  return ownCopy(more > 0 ? `${clean.slice(0, MAX_LINE)}… (${more} more characters)` : clean);
}

/**
 * A copy that owns its characters. A V8 slice keeps its whole parent alive, and Ink caches the
 * texts it draws: a drawn line must not pin the 64 KB chunk it was cut from.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
