import { homedir } from 'node:os';
import { join } from 'node:path';

/** The part of conf a migration touches. */
export type MigrationStore = { get(key: string): unknown; set(key: string, value: unknown): void; has(key: string): boolean };

/** `~/my-tests` → an absolute path: hunch reads folders without a shell to expand them. */
export function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

/**
 * conf migrations, keyed by settings layout version. Version 1.0.0 runs on any file without a
 * recorded version, which means a file the user wrote by hand from the README: it accepts the
 * forms people naturally write (one folder as a string, `~/` paths) and stores the canonical ones.
 */
export const SETTINGS_MIGRATIONS: Record<string, (store: MigrationStore) => void> = {
  '1.0.0': (store) => {
    const dirs = store.get('catalogDirs');
    if (typeof dirs === 'string') store.set('catalogDirs', [expandHome(dirs)]);
    else if (Array.isArray(dirs)) store.set('catalogDirs', dirs.map((d) => (typeof d === 'string' ? expandHome(d) : d)));
    const directory = store.get('export.directory');
    if (typeof directory === 'string') store.set('export.directory', expandHome(directory));
  },
};
