import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __HUNCH_VERSION__: string | undefined;

/** hunch's version: injected by the bundler, read from package.json when running from source. */
export function hunchVersion(): string {
  if (typeof __HUNCH_VERSION__ === 'string') return __HUNCH_VERSION__;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      dir = dirname(dir);
    }
  }
  return '0.0.0';
}
