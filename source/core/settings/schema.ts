import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/render.js';
import type { SettingsKey } from './defaults.js';

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

/** The settings as zod schemas: the JSON Schema conf validates writes with is generated from these. */
export const SETTINGS_SCHEMAS = {
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
} satisfies Record<SettingsKey, z.ZodType>;

/** conf's `schema` option: one JSON Schema per key. */
export function settingsJsonSchema(): Record<SettingsKey, Record<string, unknown>> {
  const entries = Object.entries(SETTINGS_SCHEMAS).map(([key, schema]) => {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    return [key, json];
  });
  return Object.fromEntries(entries) as Record<SettingsKey, Record<string, unknown>>;
}
