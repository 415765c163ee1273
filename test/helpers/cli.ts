import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${ROOT}dist/cli.js`;

// One compiled-catalogue cache per test process: each CLI run still gets its own HUNCH_HOME.
const sharedCache = tempDir({}, 'hunch-cli-cache-');

export type CliResult = { stdout: string; stderr: string; exitCode: number };

/** Runs the built CLI as a real process with its own HUNCH_HOME and no terminal. */
export async function hunch(args: string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm test builds it first (npm run build)');
  const result = await execa('node', [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { HUNCH_HOME: tempDir({}, 'hunch-cli-home-'), HUNCH_CACHE_DIR: sharedCache, KUBECONFIG: '/nonexistent/kubeconfig', CI: '1', ...options.env },
    reject: false,
    timeout: options.timeoutMs ?? 30_000,
    stdin: 'ignore',
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
}
