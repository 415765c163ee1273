import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../source/core/runner/run.js';

/** Running, not a zombie left for a parent that never reaps (PID 1 in some containers). */
function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runCommand stdin and background children', () => {
  it('writes input to the command and closes stdin, so a reader sees the end', async () => {
    const result = await runCommand({ argv: ['wc', '-c'], input: 'héllo\n', timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(result.stdout.trim()).toBe('7');
  });

  it('without input, stdin is closed: a reader ends at once instead of waiting', async () => {
    const result = await runCommand({ argv: ['cat'], timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'exited', exitCode: 0, stdout: '' });
  });

  it('kills what a command left in the background, unless asked to leave it running', async () => {
    // A daemon closes the pipes it inherited, as xclip does once it owns the selection.
    const script = 'sleep 30 >/dev/null 2>&1 & echo $!';
    const killed = await runCommand({ argv: ['bash', '-c', script], timeoutMs: 5000 });
    const left = await runCommand({ argv: ['bash', '-c', script], timeoutMs: 5000, leaveBackground: true });
    expect([killed.status, left.status]).toEqual(['exited', 'exited']);
    const killedPid = Number(killed.stdout.trim());
    const leftPid = Number(left.stdout.trim());
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isAlive(killedPid)).toBe(false);
      expect(isAlive(leftPid)).toBe(true);
    } finally {
      if (isAlive(leftPid)) process.kill(leftPid, 'SIGKILL');
    }
  });
});
