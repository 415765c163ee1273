import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where sessions, spilled output and exports live. HUNCH_HOME moves everything (tests, CI). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUNCH_HOME) return join(env.HUNCH_HOME, 'data');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'hunch');
}

/** Rebuildable things: the compiled catalogue and search index. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUNCH_CACHE_DIR) return env.HUNCH_CACHE_DIR;
  if (env.HUNCH_HOME) return join(env.HUNCH_HOME, 'cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hunch');
}

/** Small settings only (conf). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUNCH_HOME) return join(env.HUNCH_HOME, 'config');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'hunch');
}

export function sessionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'sessions');
}

export function outputsDir(sessionId: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'outputs', sessionId);
}
