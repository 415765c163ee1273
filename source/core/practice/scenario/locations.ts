import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The scenarios shipped with hunch, found by walking up from this module like the catalogue is,
 * so it works from source, from dist/ and from an npm install; HUNCH_SCENARIOS_DIR overrides.
 */
export function builtinScenariosDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUNCH_SCENARIOS_DIR) return resolve(env.HUNCH_SCENARIOS_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const candidate = join(dir, 'scenarios');
    if (existsSync(join(candidate, 'healthy.yaml'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'scenarios');
}
