import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveTimeout, runCommand } from '../../../source/core/runner/run.js';
import { tempDir } from '../../helpers/temp.js';

/** Alive and not a zombie waiting for its parent. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const pidsIn = (file: string, count: number) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []).length >= count;

/**
 * A command whose tree is hard to stop: a plain background child, a pipeline, a grandchild that
 * left the process group with setsid and ignores SIGTERM, and a daemon that double-forked away from
 * its parent. Each writes its pid to `pidFile`.
 */
function stubbornTree(pidFile: string): string[] {
  return [
    'bash',
    '-c',
    [
      `sleep 300 & echo $! >> ${pidFile}`,
      `(sleep 300 | cat) & echo $! >> ${pidFile}`,
      `setsid bash -c 'trap "" TERM; echo $$ >> ${pidFile}; while :; do sleep 1; done' &`,
      `( setsid bash -c 'echo $$ >> ${pidFile}; exec sleep 300' & ) &`,
      'wait',
    ].join('\n'),
  ];
}

describe('stopping a run stops everything it started', () => {
  it('given grandchildren, a setsid escapee that ignores SIGTERM and a double-forked daemon, cancel leaves none alive', async () => {
    const pidFile = join(tempDir(), 'pids');
    const abort = new AbortController();
    const running = runCommand({ argv: stubbornTree(pidFile), timeoutMs: 60_000, signal: abort.signal, graceMs: 500 });
    await expect.poll(() => pidsIn(pidFile, 4), { timeout: 10_000 }).toBe(true);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids.every(alive)).toBe(true);
    abort.abort();
    const result = await running;
    expect(result.status).toBe('cancelled');
    await expect.poll(() => pids.filter(alive), { timeout: 5000 }).toEqual([]);
  });

  it('given the same tree and a timeout, the timeout stops all of it too', async () => {
    const pidFile = join(tempDir(), 'pids');
    const running = runCommand({ argv: stubbornTree(pidFile), timeoutMs: 3000, graceMs: 300 });
    await expect.poll(() => pidsIn(pidFile, 4), { timeout: 10_000 }).toBe(true);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    const result = await running;
    expect(result.status).toBe('timeout');
    await expect.poll(() => pids.filter(alive), { timeout: 5000 }).toEqual([]);
  });

  it('given a command that ignores SIGTERM, kills it once the grace period is over', async () => {
    const started = performance.now();
    const result = await runCommand({ argv: ['bash', '-c', "trap '' TERM; while :; do sleep 0.1; done"], timeoutMs: 200, graceMs: 400 });
    expect(result.status).toBe('timeout');
    expect(result.signal).toBe('SIGKILL');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('every run has a timeout', () => {
  it('makes a missing, zero, negative or overflowing timeout finite, so no run can wait forever or fire at once by overflow', () => {
    expect(effectiveTimeout(Number.NaN)).toBe(30_000);
    expect(effectiveTimeout(Number.POSITIVE_INFINITY)).toBe(2 ** 31 - 1);
    expect(effectiveTimeout(1e12)).toBe(2 ** 31 - 1);
    expect(effectiveTimeout(0)).toBe(1);
    expect(effectiveTimeout(-5)).toBe(1);
    expect(effectiveTimeout(1500.4)).toBe(1500);
  });

  it('given a zero timeout, the run still ends, as a timeout', async () => {
    const result = await runCommand({ argv: ['sleep', '30'], timeoutMs: 0, graceMs: 100 });
    expect(result.status).toBe('timeout');
  });
});
