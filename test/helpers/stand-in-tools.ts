import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

// Programs a script needs to work at all (text tools, the shell): these stay real.
const REAL = new Set([
  'bash', 'sh', 'env', 'awk', 'sed', 'grep', 'printf', 'echo', 'cat', 'head', 'tail', 'sort', 'uniq', 'wc', 'cut', 'tr', 'paste',
  'date', 'base64', 'jq', 'xargs', 'seq', 'tee', 'basename', 'dirname', 'test', 'expr', 'sleep', 'timeout', 'column', 'numfmt',
  'od', 'true', 'false', 'mktemp', 'rm', 'ls', 'find', 'stat', 'comm', 'join', 'fold', 'rev', 'nl',
]);

/**
 * A folder of stand-ins for the programs a catalogue runs (kubectl, psql, curl …). Each records its
 * argv (NUL-separated, one file per call) in `log` (or $STANDIN_LOG) and prints `output`, the way a hostile or broken
 * cluster could answer. The kubectl stand-in also plays the container for `kubectl exec … --`: it
 * runs what follows `--` here, so a pod test's own code meets the values too.
 */
export function standInTools(tools: Iterable<string>, output: string): { bin: string; log: string; calls(log?: string): string[][] } {
  const bin = tempDir({}, 'hunch-stand-ins-');
  const log = tempDir({}, 'hunch-stand-in-log-');
  const outputFile = join(bin, '.output');
  writeFileSync(outputFile, output);
  for (const tool of new Set(tools)) {
    if (REAL.has(tool) || tool.includes('/')) continue;
    const path = join(bin, tool);
    writeFileSync(
      path,
      `#!/bin/bash
printf '%s\\0' "\${0##*/}" "$@" > "\${STANDIN_LOG:-${log}}/$(date +%s%N)-$$"
if [ "\${0##*/}" = kubectl ]; then
  for ((i = 1; i <= $#; i++)); do
    if [ "\${!i}" = exec ]; then
      for ((j = i; j <= $#; j++)); do
        if [ "\${!j}" = -- ]; then shift "$j"; exec "$@"; fi
      done
    fi
  done
fi
cat "${outputFile}"
`,
    );
    chmodSync(path, 0o755);
  }
  return {
    bin,
    log,
    /** Every call recorded in `log` (or the folder a run named in STANDIN_LOG), oldest first. */
    calls: (dir = log) =>
      existsSync(dir)
        ? readdirSync(dir)
            .sort()
            .map((f) => readFileSync(join(dir, f), 'utf8').split('\0').slice(0, -1))
        : [],
  };
}
