import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The catalogue shipped with hunch. Found by walking up from this module, so it works from
 * source (tests), from dist/ (built) and from an npm install alike; HUNCH_CATALOG_DIR overrides.
 */
export function builtinCatalogDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUNCH_CATALOG_DIR) return resolve(env.HUNCH_CATALOG_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'catalog');
    if (existsSync(join(candidate, 'components.yaml'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'catalog');
}
