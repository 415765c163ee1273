import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { configDir } from '../paths.js';
import { SETTINGS_MIGRATIONS, type MigrationStore } from './migrations.js';
import { checkSettingsValues } from './check.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './defaults.js';

export type SettingsRead = {
  settings: Settings;
  path: string;
  /** One line for stderr when the file was damaged: what was wrong, where, and where the original is. */
  problem?: string | undefined;
};

export function settingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'settings.json');
}

/**
 * Reads the settings without loading conf (every command reads them; conf and its validator cost
 * a tenth of a second). A file that is not JSON is set aside and replaced by defaults; a key with
 * a bad value is dropped (its default applies) while every other key is kept; either way the
 * original is copied next to it first and one line says so.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, now = new Date()): SettingsRead {
  const path = settingsPath(env);
  if (!existsSync(path)) return { settings: DEFAULT_SETTINGS, path };
  const text = readFileSync(path, 'utf8');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const backup = keepCopy(path, 'corrupt', now);
    writeAtomically(path, `${JSON.stringify(DEFAULT_SETTINGS, null, '\t')}\n`);
    return { settings: DEFAULT_SETTINGS, path, problem: `${path}:${parsed.line}:${parsed.col}: not valid JSON (${parsed.message}); using defaults, the file was kept as ${basename(backup)}` };
  }
  const values = migrated(parsed.value);
  const { settings, invalid } = checkSettingsValues(values);
  if (invalid.length === 0) return { settings, path };
  const backup = keepCopy(path, 'invalid', now);
  const repaired = { ...parsed.value };
  for (const { key } of invalid) delete repaired[key];
  writeAtomically(path, `${JSON.stringify(repaired, null, '\t')}\n`);
  const first = invalid[0] as (typeof invalid)[number];
  const more = invalid.length > 1 ? ` (and ${invalid.slice(1).map((i) => i.key).join(', ')})` : '';
  return { settings, path, problem: `${path}:${lineOfKey(text, first.key)}: "${first.key}" ${first.message}${more}; using the default, the other settings are kept and the file was kept as ${basename(backup)}` };
}

/** The values as the current layout expects them: migrations applied in memory, never written here. */
function migrated(values: Record<string, unknown>): Record<string, unknown> {
  const internal = values.__internal__ as { migrations?: { version?: unknown } } | undefined;
  if (internal?.migrations?.version === SETTINGS_VERSION) return values;
  const copy = structuredClone(values);
  const store = memoryStore(copy);
  for (const migrate of Object.values(SETTINGS_MIGRATIONS)) migrate(store);
  return copy;
}

function memoryStore(values: Record<string, unknown>): MigrationStore {
  const parentOf = (key: string, create: boolean): [Record<string, unknown> | undefined, string] => {
    const parts = key.split('.');
    let node: Record<string, unknown> | undefined = values;
    for (const part of parts.slice(0, -1)) {
      if (!node) break;
      if (create && (typeof node[part] !== 'object' || node[part] === null)) node[part] = {};
      node = node[part] as Record<string, unknown> | undefined;
    }
    return [node, parts.at(-1) as string];
  };
  return {
    get: (key) => {
      const [node, last] = parentOf(key, false);
      return node?.[last];
    },
    has: (key) => {
      const [node, last] = parentOf(key, false);
      return node !== undefined && last in node;
    },
    set: (key, value) => {
      const [node, last] = parentOf(key, true);
      if (node) node[last] = value;
    },
  };
}

type JsonParse = { ok: true; value: Record<string, unknown> } | { ok: false; line: number; col: number; message: string };

function parseJson(text: string): JsonParse {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
    return { ok: false, line: 1, col: 1, message: 'the file must hold one JSON object' };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const col = position - before.lastIndexOf('\n');
    return { ok: false, line, col, message: message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '') };
  }
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}

/** Copies the file aside before hunch changes it: the user's data is never only in memory. */
function keepCopy(path: string, why: string, now: Date): string {
  const backup = `${path}.${why}-${now.toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(path, backup);
  return backup;
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, path);
}
