import type { CatalogTest } from '../catalog/schema.js';
import type { RunResult } from '../runner/run.js';
import { interpretOutput, type Interpretation } from './interpret.js';

/**
 * Reads a finished run: the runner's own failures (missing tool, timeout, stop) are errors before
 * any rule is asked; otherwise the test's rules decide.
 */
export function readRun(test: CatalogTest, result: RunResult): Interpretation {
  switch (result.status) {
    case 'spawn-error':
      return { outcome: 'error', finding: result.spawnError ?? 'the command could not start' };
    case 'timeout':
      return { outcome: 'error', finding: `timed out after ${test.timeout}; the command was stopped` };
    case 'cancelled':
      return { outcome: 'error', finding: 'stopped by the user before it finished' };
    case 'exited':
      if (result.exitCode === 127 && /command not found|not found/.test(result.stderr)) {
        return { outcome: 'error', finding: `a program the test needs is missing: ${result.stderr.trim().split('\n').pop() ?? ''}` };
      }
      return interpretOutput(test.interpret, result);
  }
}

/** Milliseconds of a catalogue duration ("30s", "2m"). */
export function durationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text);
  if (!match) return 30_000;
  const value = Number(match[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return value * unit;
}
