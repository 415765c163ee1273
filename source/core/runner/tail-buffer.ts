/**
 * Keeps the last `limit` characters of a stream and counts everything that passed through, so a
 * test printing gigabytes costs a bounded amount of memory.
 */
export class TailBuffer {
  private chunks: string[] = [];
  private kept = 0;
  totalChars = 0;
  totalLines = 0;
  dropped = 0;

  constructor(private readonly limit: number) {}

  push(text: string): void {
    this.totalChars += text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.totalLines++;
    this.chunks.push(text);
    this.kept += text.length;
    while (this.kept > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0] as string;
      const excess = this.kept - this.limit;
      if (first.length <= excess) {
        this.chunks.shift();
        this.kept -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.slice(excess);
        this.kept -= excess;
        this.dropped += excess;
      }
    }
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }

  /**
   * The end of what is kept, long enough to hold the last `lines` lines (a line break before
   * them included) or `maxChars` characters, whichever is shorter. Joins only the chunks it spans:
   * a screen that redraws many times a second asks for a few lines, and copying the whole tail
   * each time would be garbage enough to swell memory under runaway output.
   */
  lastLines(lines: number, maxChars: number): string {
    const parts: string[] = [];
    let length = 0;
    let breaks = 0;
    for (let i = this.chunks.length - 1; i >= 0 && length < maxChars && breaks <= lines; i--) {
      const chunk = this.chunks[i] as string;
      parts.push(chunk);
      length += chunk.length;
      for (let at = chunk.indexOf('\n'); at !== -1 && breaks <= lines; at = chunk.indexOf('\n', at + 1)) breaks++;
    }
    const joined = parts.length === 1 ? (parts[0] as string) : parts.reverse().join('');
    return joined.length > maxChars ? joined.slice(joined.length - maxChars) : joined;
  }

  /** Characters kept in memory now. */
  get keptChars(): number {
    return this.kept;
  }
}
