import type { ExportFormat } from '../export/render.js';

/**
 * The settings file's layout version (conf's "project version"). Bump it with a new entry in
 * SETTINGS_MIGRATIONS whenever a key changes shape.
 */
export const SETTINGS_VERSION = '1.0.0';

/** Contexts whose name looks like production: `prod`, `production`, `prd` or `live` as a word. */
export const DEFAULT_PRODUCTION_PATTERN = '(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)';

/** How many recently used namespaces are remembered. */
export const RECENT_NAMESPACES_KEPT = 20;

export type RecentNamespace = { namespace: string; context: string | null; at: string };

/** hunch's settings: small preferences only, never session data. */
export type Settings = {
  /** Extra catalogue folders, read after the built-in catalogue. */
  catalogDirs: string[];
  /** Contexts matching this regular expression (case-insensitive) are treated as production. */
  productionContextPattern: string;
  /** Export preferences: the default format, and the folder reports are saved in (null: the current folder). */
  export: { format: ExportFormat; directory: string | null };
  /** Namespaces used recently, most recent first, per kubeconfig context. */
  recentNamespaces: RecentNamespace[];
};

export type SettingsKey = keyof Settings;

export const SETTINGS_KEY_NAMES: readonly SettingsKey[] = ['catalogDirs', 'productionContextPattern', 'export', 'recentNamespaces'];

export const DEFAULT_SETTINGS: Settings = {
  catalogDirs: [],
  productionContextPattern: DEFAULT_PRODUCTION_PATTERN,
  export: { format: 'md', directory: null },
  recentNamespaces: [],
};
