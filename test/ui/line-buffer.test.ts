import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../source/ui/state/line-buffer.js';

describe('LineBuffer: the run screen’s bounded view of output', () => {
  it('counts every line, shows the last ones, and the line still being written', () => {
    const buffer = new LineBuffer();
    buffer.push('one\ntwo\nthr');
    expect(buffer.tail(5)).toEqual(['one', 'two', 'thr']);
    buffer.push('ee\n');
    expect(buffer.total).toBe(3);
    expect(buffer.tail(2)).toEqual(['two', 'three']);
  });

  it('given 200 MB of output, keeps a bounded tail and stays fast', () => {
    const buffer = new LineBuffer();
    const chunk = `${'x'.repeat(99)}\n`.repeat(655);
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    for (let i = 0; i < 3200; i++) buffer.push(chunk);
    buffer.push('the last line\n');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(buffer.total).toBe(3200 * 655 + 1);
    expect(buffer.tail(1)).toEqual(['the last line']);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('given one endless line, memory stays bounded and the line is shown cut with a count', () => {
    const buffer = new LineBuffer();
    for (let i = 0; i < 1000; i++) buffer.push('y'.repeat(65536));
    const [line] = buffer.tail(1);
    expect(buffer.total).toBe(1);
    expect(line).toMatch(/^…y{2000}… \(\d+ more characters\)$/);
  });

  it('never draws escape sequences, bidi overrides or secrets; a progress bar shows its last state', () => {
    const buffer = new LineBuffer();
    buffer.push('\u001b]52;c;aGk=\u0007ok\u001b[2J\n');
    buffer.push('evil\u202etxt\n');
    buffer.push('password=hunter2hunter2\n');
    buffer.push('10%\r50%\r100%\r\n');
    expect(buffer.tail(4)).toEqual(['ok', 'evil\ufffdtxt', 'password=[REDACTED:password]', '100%']);
  });
});
