import { redactText } from '../../core/redact/redact.js';
import { sanitizeText } from '../../core/text/sanitize.js';

const MAX_LINE = 2000;

/**
 * Output as lines for the screen: sanitized (no escape sequences reach the terminal), redacted,
 * long lines cut, only the last `limit` lines kept while counting them all.
 */
export class LineBuffer {
  private lines: string[] = [];
  private partial = '';
  total = 0;

  constructor(private readonly limit = 2000) {}

  push(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.add(line);
  }

  /** Flushes a last line without a newline (at the end of a run). */
  end(): void {
    if (this.partial !== '') this.add(this.partial);
    this.partial = '';
  }

  private add(line: string): void {
    this.total++;
    const clean = redactText(sanitizeText(line));
    this.lines.push(clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}… (${clean.length - MAX_LINE} more characters)` : clean);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
  }

  /** The last `count` lines, plus the partial line being written. */
  tail(count: number): string[] {
    const all = this.partial ? [...this.lines, redactText(sanitizeText(this.partial))] : this.lines;
    return all.slice(-count);
  }

  all(): string[] {
    return this.lines;
  }
}
