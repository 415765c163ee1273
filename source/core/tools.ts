import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const cache = new Map<string, boolean>();

/** Whether a program is on PATH, without starting it. */
export function isOnPath(tool: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const key = `${env.PATH ?? ''}\u0000${tool}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const found = (env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  cache.set(key, found);
  return found;
}

/** Tools a test needs that are not installed here. */
export function missingTools(tools: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return tools.filter((tool) => !isOnPath(tool, env));
}
