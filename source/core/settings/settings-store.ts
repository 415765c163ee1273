import type Conf from 'conf';
import { resolve } from 'node:path';
import type { ExportFormat } from '../export/render.js';
import { configDir } from '../paths.js';
import { SETTINGS_MIGRATIONS, type MigrationStore } from './migrations.js';
import { readSettings } from './read-settings.js';
import { checkSettingsValues } from './check.js';
import { DEFAULT_SETTINGS, RECENT_NAMESPACES_KEPT, SETTINGS_VERSION, type Settings } from './defaults.js';
import { settingsJsonSchema } from './schema.js';

export type SettingsStoreOptions = {
  env?: NodeJS.ProcessEnv;
  /** For tests of future layouts: the version and migrations to open the file with. */
  version?: string;
  migrations?: Record<string, (store: MigrationStore) => void>;
  now?: () => Date;
};

/**
 * hunch's small settings, kept by conf (schema, defaults, migrations) in the user's config folder.
 * Never session data: sessions live in their journals. Reading alone does not need this class
 * (readSettings is faster); open it to change something.
 */
export class SettingsStore {
  private constructor(
    private readonly conf: Conf<Settings>,
    /** One line about a damaged file found on opening, already repaired. */
    readonly problem: string | undefined,
    private readonly now: () => Date,
  ) {}

  static async open(options: SettingsStoreOptions = {}): Promise<SettingsStore> {
    const env = options.env ?? process.env;
    const read = readSettings(env, options.now?.());
    const { default: ConfClass } = await import('conf');
    const conf = new ConfClass<Settings>({
      cwd: configDir(env),
      configName: 'settings',
      projectVersion: options.version ?? SETTINGS_VERSION,
      migrations: (options.migrations ?? SETTINGS_MIGRATIONS) as never,
      schema: settingsJsonSchema() as never,
      defaults: DEFAULT_SETTINGS,
      configFileMode: 0o600,
      // Never clear the user's file silently: readSettings has already set bad parts aside.
      clearInvalidConfig: false,
    });
    return new SettingsStore(conf, read.problem, options.now ?? (() => new Date()));
  }

  get path(): string {
    return this.conf.path;
  }

  /** Every setting, each key checked (a value a newer hunch wrote in a shape we do not know falls back to its default). */
  get settings(): Settings {
    return checkSettingsValues(this.conf.store as unknown as Record<string, unknown>).settings;
  }

  /** Extra catalogue folders, read after the built-in catalogue. */
  catalogDirs(): string[] {
    return this.settings.catalogDirs;
  }

  addCatalogDir(dir: string, cwd = process.cwd()): void {
    const absolute = resolve(cwd, dir);
    const dirs = this.catalogDirs().filter((d) => d !== absolute);
    this.conf.set('catalogDirs', [...dirs, absolute]);
  }

  removeCatalogDir(dir: string, cwd = process.cwd()): void {
    const absolute = resolve(cwd, dir);
    this.conf.set('catalogDirs', this.catalogDirs().filter((d) => d !== absolute && d !== dir));
  }

  productionContextPattern(): string {
    return this.settings.productionContextPattern;
  }

  /** Changes the pattern; a bad regular expression is refused with the reason, nothing is stored. */
  setProductionContextPattern(source: string): { ok: true } | { ok: false; message: string } {
    try {
      new RegExp(source, 'i');
    } catch (error) {
      return { ok: false, message: `not a valid regular expression: ${(error as Error).message}` };
    }
    this.conf.set('productionContextPattern', source);
    return { ok: true };
  }

  isProductionContext(context: string | undefined): boolean {
    return isProductionContext(this.settings, context);
  }

  exportDefaults(): Settings['export'] {
    return this.settings.export;
  }

  setExportDefaults(change: { format?: ExportFormat; directory?: string | null }): void {
    this.conf.set('export', { ...this.exportDefaults(), ...change });
  }

  /** Remembers a namespace as just used in a context (most recent first, a bounded list). */
  recordNamespace(namespace: string, context?: string | undefined): void {
    const entry = { namespace, context: context ?? null, at: this.now().toISOString() };
    const others = this.settings.recentNamespaces.filter((n) => !(n.namespace === namespace && n.context === entry.context));
    this.conf.set('recentNamespaces', [entry, ...others].slice(0, RECENT_NAMESPACES_KEPT));
  }

  /** Namespaces used recently, most recent first; with a context, those of that context. */
  recentNamespaces(context?: string | undefined): string[] {
    return recentNamespaces(this.settings, context);
  }
}

/** Whether a kubeconfig context looks like production by the settings' pattern. */
export function isProductionContext(settings: Pick<Settings, 'productionContextPattern'>, context: string | undefined): boolean {
  if (!context) return false;
  try {
    return new RegExp(settings.productionContextPattern, 'i').test(context);
  } catch {
    return new RegExp(DEFAULT_SETTINGS.productionContextPattern, 'i').test(context);
  }
}

export function recentNamespaces(settings: Pick<Settings, 'recentNamespaces'>, context?: string | undefined): string[] {
  const matching = settings.recentNamespaces.filter((n) => context === undefined || n.context === context);
  return [...new Set(matching.map((n) => n.namespace))];
}
