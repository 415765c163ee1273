import { EXPORT_FORMATS } from '../export/render.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY_NAMES, type Settings, type SettingsKey } from './defaults.js';
import { expandHome } from './migrations.js';

type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyString = (value: unknown) => typeof value === 'string' && value.length > 0;

/**
 * Each key's check, written out by hand so reading the settings never loads zod (every command
 * reads them). A test proves these agree with the zod schemas conf validates with.
 */
export const SETTINGS_CHECKS: Record<SettingsKey, Check> = {
  catalogDirs: (value) => (Array.isArray(value) && value.every(nonEmptyString) ? undefined : 'must be a list of folder paths'),
  productionContextPattern: (value) => {
    if (typeof value !== 'string') return 'must be a regular expression in a string';
    try {
      new RegExp(value, 'i');
      return undefined;
    } catch {
      return 'must be a valid regular expression';
    }
  },
  export: (value) => {
    if (!isObject(value)) return 'must be an object with format and directory';
    if (!(EXPORT_FORMATS as readonly unknown[]).includes(value.format)) return `format must be one of ${EXPORT_FORMATS.join(', ')}`;
    if (!(value.directory === null || nonEmptyString(value.directory))) return 'directory must be a folder path or null';
    return undefined;
  },
  recentNamespaces: (value) => {
    const ok =
      Array.isArray(value) &&
      value.every((entry) => isObject(entry) && nonEmptyString(entry.namespace) && (entry.context === null || typeof entry.context === 'string') && typeof entry.at === 'string');
    return ok ? undefined : 'must be a list of {namespace, context, at}';
  },
};

/** Checks each known key; unknown keys are left alone (a newer hunch may have written them). */
export function checkSettingsValues(values: Record<string, unknown>): { settings: Settings; invalid: { key: SettingsKey; message: string }[] } {
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingsKey, unknown>;
  const invalid: { key: SettingsKey; message: string }[] = [];
  for (const key of SETTINGS_KEY_NAMES) {
    if (!(key in values)) continue;
    const problem = SETTINGS_CHECKS[key](values[key]);
    if (problem) invalid.push({ key, message: problem });
    else settings[key] = values[key];
  }
  return { settings: withHomeExpanded(settings as Settings), invalid };
}

/** Folder paths a person edited by hand may start with `~/`; hunch reads them without a shell. */
function withHomeExpanded(settings: Settings): Settings {
  const directory = settings.export.directory;
  return {
    ...settings,
    catalogDirs: settings.catalogDirs.map(expandHome),
    export: { ...settings.export, directory: directory === null ? null : expandHome(directory) },
  };
}
