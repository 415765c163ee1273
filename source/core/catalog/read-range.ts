import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes start … end of a file, or undefined when it cannot be read or is shorter than that. */
export function readRange(path: string, start: number, end: number): Buffer | undefined {
  const buffer = Buffer.alloc(end - start);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, buffer, 0, buffer.length, start);
    return n === buffer.length ? buffer : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
