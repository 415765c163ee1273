/**
 * Values as JSON lines in one growing byte buffer, with where each line starts: how a compile
 * helper hands its tests.jsonl lines to the main thread in one transferable piece.
 */
export class JsonLines {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  private readonly starts: number[] = [0];

  add(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    // UTF-8 takes at most three bytes per UTF-16 unit: make room for the worst case first.
    const room = this.length + line.length * 3;
    if (room > this.buffer.length) {
      const next = Buffer.allocUnsafe(Math.max(room, this.buffer.length * 2));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    this.length += this.buffer.write(line, this.length);
    this.starts.push(this.length);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /**
   * The bytes and the line starts (count + 1 of them). The bytes are a view of a buffer of their
   * own (never Node's shared pool: the first is a megabyte), so it can be transferred, not copied.
   */
  done(): { bytes: Uint8Array; starts: Int32Array } {
    return { bytes: this.buffer.subarray(0, this.length), starts: Int32Array.from(this.starts) };
  }
}
