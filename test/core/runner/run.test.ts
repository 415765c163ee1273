import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../source/core/runner/run.js';
import { tempDir } from '../../helpers/temp.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]?.startsWith('Z');
  } catch {
    return false;
  }
}

describe('runCommand', () => {
  it('returns exit code and both streams of a real process', async () => {
    const result = await runCommand({ argv: ['bash', '-c', 'echo out; echo err >&2; exit 3'], timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'exited', exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('says which tool is missing instead of throwing', async () => {
    const result = await runCommand({ argv: ['hunch-no-such-tool'], timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'spawn-error', missingTool: 'hunch-no-such-tool' });
  });

  it('on cancel stops the whole process tree, grandchildren included', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'pids');
    const abort = new AbortController();
    const running = runCommand({
      argv: ['bash', '-c', `sleep 300 & echo $! > ${pidFile}; sleep 300 & echo $! >> ${pidFile}; wait`],
      timeoutMs: 60_000,
      signal: abort.signal,
    });
    await expect.poll(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim().split('\n').length === 2).toBe(true);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids.every(alive)).toBe(true);
    abort.abort();
    const result = await running;
    expect(result.status).toBe('cancelled');
    await expect.poll(() => pids.some(alive)).toBe(false);
  });

  it('kills a command that ignores SIGTERM after the grace period', async () => {
    const result = await runCommand({ argv: ['bash', '-c', "trap '' TERM; sleep 30"], timeoutMs: 200, graceMs: 300 });
    expect(result.status).toBe('timeout');
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('keeps only a bounded tail in memory and spills everything to a file', async () => {
    const dir = tempDir();
    const spill = join(dir, 'out.log');
    const result = await runCommand({ argv: ['bash', '-c', 'for i in $(seq 1 20000); do echo "line $i"; done'], timeoutMs: 10_000, keepChars: 1000, spillFile: spill });
    expect(result.stdout.length).toBeLessThanOrEqual(1000);
    expect(result.stdout.trimEnd().endsWith('line 20000')).toBe(true);
    expect(result.truncated).toBe(true);
    expect(result.totalLines).toBe(20000);
    expect(statSync(spill).size).toBe(result.totalChars);
  });
});
