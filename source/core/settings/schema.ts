import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/render.js';

/**
 * The settings file's layout version (conf's "project version"). Bump it with a new entry in
 * SETTINGS_MIGRATIONS whenever a key changes shape.
 */
export const SETTINGS_VERSION = '1.0.0';

/** Contexts whose name looks like production: `prod`, `production`, `prd` or `live` as a word. */
export const DEFAULT_PRODUCTION_PATTERN = '(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)';

/** How many recently used namespaces are remembered. */
export const RECENT_NAMESPACES_KEPT = 20;

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);

/** Each key on its own, so a bad value resets that key alone and the rest of the file is kept. */
export const SETTINGS_KEYS = {
  catalogDirs: z.array(z.string().min(1)).describe('extra catalogue folders, read after the built-in catalogue'),
  productionContextPattern: regexSource.describe('kubeconfig contexts matching this regular expression (case-insensitive) are treated as production'),
  export: z
    .object({
      format: z.enum(EXPORT_FORMATS).describe('default report format'),
      directory: z.string().min(1).nullable().describe('folder reports are saved in; null: the current folder'),
    })
    .describe('export preferences'),
  recentNamespaces: z
    .array(z.object({ namespace: z.string().min(1), context: z.string().nullable(), at: z.string() }))
    .describe('namespaces used recently, most recent first, per kubeconfig context'),
} as const;

export type SettingsKey = keyof typeof SETTINGS_KEYS;
export type Settings = { [K in SettingsKey]: z.infer<(typeof SETTINGS_KEYS)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  catalogDirs: [],
  productionContextPattern: DEFAULT_PRODUCTION_PATTERN,
  export: { format: 'md', directory: null },
  recentNamespaces: [],
};

/** conf's `schema` option: one JSON Schema per key, generated from the zod schemas above. */
export function settingsJsonSchema(): Record<SettingsKey, Record<string, unknown>> {
  const entries = Object.entries(SETTINGS_KEYS).map(([key, schema]) => {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    return [key, json];
  });
  return Object.fromEntries(entries) as Record<SettingsKey, Record<string, unknown>>;
}

/** Checks each known key; unknown keys are left alone (a newer hunch may have written them). */
export function checkSettingsValues(values: Record<string, unknown>): { settings: Settings; invalid: { key: SettingsKey; message: string }[] } {
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingsKey, unknown>;
  const invalid: { key: SettingsKey; message: string }[] = [];
  for (const key of Object.keys(SETTINGS_KEYS) as SettingsKey[]) {
    if (!(key in values)) continue;
    const parsed = SETTINGS_KEYS[key].safeParse(values[key]);
    if (parsed.success) settings[key] = parsed.data;
    else invalid.push({ key, message: parsed.error.issues[0]?.message ?? 'has the wrong type' });
  }
  return { settings: settings as Settings, invalid };
}
