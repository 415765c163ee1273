import { sanitizeText } from '../text/sanitize.js';

/** How much of a run's output a report shows; the full output file has the rest. */
export type OutputLimits = { lines: number; lineChars: number; totalChars: number };

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { lines: 40, lineChars: 400, totalChars: 8 * 1024 };

export type TrimmedOutput = { text: string; lines: number; trimmed: boolean };

/**
 * The end of a run's output as a report shows it: control sequences removed, stderr after stdout
 * under a marker line, the last lines kept, each line and the whole capped.
 */
export function trimOutput(stdout: string, stderr: string, limits: OutputLimits = DEFAULT_OUTPUT_LIMITS): TrimmedOutput {
  const out = sanitizeText(stdout).replace(/\n+$/, '');
  const err = sanitizeText(stderr).replace(/\n+$/, '');
  const all = [...(out.trim() ? out.split('\n') : []), ...(err.trim() ? [...(out.trim() ? ['--- stderr ---'] : []), ...err.split('\n')] : [])];
  let trimmed = all.length > limits.lines;
  const kept: string[] = [];
  let size = 0;
  for (const line of (limits.lines === 0 ? [] : all.slice(-limits.lines)).reverse()) {
    const cut = line.length > limits.lineChars ? `${line.slice(0, limits.lineChars)}… (${line.length - limits.lineChars} more characters)` : line;
    if (cut !== line) trimmed = true;
    if (size + cut.length + 1 > limits.totalChars && kept.length > 0) {
      trimmed = true;
      break;
    }
    kept.push(cut);
    size += cut.length + 1;
  }
  return { text: kept.reverse().join('\n'), lines: all.length, trimmed };
}
