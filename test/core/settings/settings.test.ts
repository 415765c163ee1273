import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, settingsPath } from '../../../source/core/settings/read-settings.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../source/core/settings/defaults.js';
import { isProductionContext, SettingsStore } from '../../../source/core/settings/settings-store.js';
import { tempDir } from '../../helpers/temp.js';

function freshEnv(settingsText?: string): NodeJS.ProcessEnv {
  const env = { ...process.env, HUNCH_HOME: tempDir({}, 'hunch-settings-') };
  if (settingsText !== undefined) {
    mkdirSync(dirname(settingsPath(env)), { recursive: true });
    writeFileSync(settingsPath(env), settingsText);
  }
  return env;
}

const backupsOf = (env: NodeJS.ProcessEnv) => readdirSync(dirname(settingsPath(env))).filter((name) => name.startsWith('settings.json.'));

describe('settings', () => {
  it('with no file, reads the defaults; opening writes them privately with the layout version', async () => {
    const env = freshEnv();
    expect(readSettings(env)).toEqual({ settings: DEFAULT_SETTINGS, path: settingsPath(env) });
    const store = await SettingsStore.open({ env });
    expect(store.problem).toBeUndefined();
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ ...DEFAULT_SETTINGS, __internal__: { migrations: { version: SETTINGS_VERSION } } });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('remembers namespaces most recent first, per context, bounded, across processes', async () => {
    const env = freshEnv();
    let clock = 0;
    const store = await SettingsStore.open({ env, now: () => new Date(Date.UTC(2026, 10, 28, 0, 0, clock++)) });
    store.recordNamespace('shop', 'prod-eu');
    store.recordNamespace('payments', 'prod-eu');
    store.recordNamespace('dev-sandbox', 'kind');
    store.recordNamespace('shop', 'prod-eu');
    expect(store.recentNamespaces('prod-eu')).toEqual(['shop', 'payments']);
    expect(store.recentNamespaces()).toEqual(['shop', 'dev-sandbox', 'payments']);
    for (let i = 0; i < 30; i++) store.recordNamespace(`ns-${i}`, 'kind');
    const reopened = await SettingsStore.open({ env });
    expect(reopened.recentNamespaces('kind')[0]).toBe('ns-29');
    expect(reopened.settings.recentNamespaces).toHaveLength(20);
    expect(readSettings(env).settings.recentNamespaces[0]?.namespace).toBe('ns-29');
  });

  it('keeps extra catalogue folders and export defaults; the file holds settings only', async () => {
    const env = freshEnv();
    const store = await SettingsStore.open({ env });
    store.addCatalogDir('team-tests', '/srv');
    store.addCatalogDir('/srv/team-tests');
    store.setExportDefaults({ format: 'jira', directory: '/srv/reports' });
    expect(readSettings(env).settings).toMatchObject({ catalogDirs: ['/srv/team-tests'], export: { format: 'jira', directory: '/srv/reports' } });
    expect(Object.keys(JSON.parse(readFileSync(store.path, 'utf8'))).sort()).toEqual(['__internal__', 'catalogDirs', 'export', 'productionContextPattern', 'recentNamespaces']);
  });

  it('recognises production contexts by the pattern, and refuses a broken pattern', async () => {
    for (const context of ['prod', 'prod-eu', 'gke_shop_europe-west1_production', 'arn:aws:eks:eu-west-1:1:cluster/prd-main', 'live']) {
      expect(isProductionContext(DEFAULT_SETTINGS, context), context).toBe(true);
    }
    for (const context of ['kind-shop', 'product-dev', 'delivery-staging', 'preprod2']) expect(isProductionContext(DEFAULT_SETTINGS, context), context).toBe(false);
    const store = await SettingsStore.open({ env: freshEnv() });
    expect(store.setProductionContextPattern('(')).toMatchObject({ ok: false });
    expect(store.setProductionContextPattern('^customer-')).toEqual({ ok: true });
    expect(store.isProductionContext('customer-acme')).toBe(true);
    expect(store.isProductionContext('prod-eu')).toBe(false);
  });

  it('given a file that is not JSON, says where in one line, keeps a copy and uses defaults', async () => {
    const broken = '{\n\t"catalogDirs": ["/srv/tests"],\n\t"export": {"format": "md",,}\n}\n';
    const env = freshEnv(broken);
    const read = readSettings(env, new Date('2026-11-28T03:00:00Z'));
    expect(read.problem).toMatch(new RegExp(`^${settingsPath(env).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:\\d+: not valid JSON \\(.+\\); using defaults, the file was kept as settings\\.json\\.corrupt-2026-11-28T03-00-00-000Z$`));
    expect(read.problem?.split('\n')).toHaveLength(1);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(join(dirname(settingsPath(env)), backupsOf(env)[0] ?? ''), 'utf8')).toBe(broken);
    const store = await SettingsStore.open({ env });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('given one bad value, resets that key only and keeps everything else, unknown keys included', async () => {
    const env = freshEnv(
      JSON.stringify({ catalogDirs: ['/srv/tests'], productionContextPattern: '([', recentNamespaces: [{ namespace: 'shop', context: null, at: 'x' }], fromANewerHunch: { a: 1 } }, null, 2),
    );
    const read = readSettings(env);
    expect(read.problem).toMatch(/settings\.json:5: "productionContextPattern" must be a valid regular expression; using the default, the other settings are kept and the file was kept as settings\.json\.invalid-/);
    expect(read.settings).toMatchObject({ catalogDirs: ['/srv/tests'], productionContextPattern: DEFAULT_SETTINGS.productionContextPattern, recentNamespaces: [{ namespace: 'shop' }] });
    expect(backupsOf(env)).toHaveLength(1);
    const store = await SettingsStore.open({ env });
    expect(store.catalogDirs()).toEqual(['/srv/tests']);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({ fromANewerHunch: { a: 1 } });
    expect(readSettings(env).problem).toBeUndefined();
  });

  it('migrates a hand-written file: one folder as a string and ~/ paths become the canonical form', async () => {
    const env = freshEnv('{ "catalogDirs": "~/team-tests", "export": { "format": "json", "directory": "~/reports" } }');
    expect(readSettings(env).settings.catalogDirs).toEqual([join(homedir(), 'team-tests')]);
    expect(existsSync(settingsPath(env))).toBe(true);
    const store = await SettingsStore.open({ env });
    expect(store.problem).toBeUndefined();
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as { catalogDirs: string[]; export: { directory: string }; __internal__: unknown };
    expect(onDisk.catalogDirs).toEqual([join(homedir(), 'team-tests')]);
    expect(onDisk.export.directory).toBe(join(homedir(), 'reports'));
    expect(onDisk.__internal__).toEqual({ migrations: { version: SETTINGS_VERSION } });
  });

  it('expands ~/ in folders a person adds by hand to a file hunch already wrote', async () => {
    const env = freshEnv();
    const store = await SettingsStore.open({ env });
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as Record<string, unknown>;
    writeFileSync(store.path, JSON.stringify({ ...onDisk, catalogDirs: ['~/more-tests'] }));
    expect(readSettings(env).settings.catalogDirs).toEqual([join(homedir(), 'more-tests')]);
  });
});
