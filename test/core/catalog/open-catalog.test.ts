import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { openCatalog, type OpenCatalog } from '../../../source/core/catalog/open-catalog.js';
import { harmlessTestYaml } from '../../helpers/catalog-yaml.js';
import { tempDir } from '../../helpers/temp.js';

const test = (id: string, title = 'A harmless test') => harmlessTestYaml(id, title);

/** Opens a catalogue with its own cache, and lets the cache be written before the next open. */
async function open(cache: string, extraDirs: string[] = []): Promise<OpenCatalog> {
  const opened = await openCatalog({ env: { HUNCH_CACHE_DIR: cache }, extraDirs, cwd: '/' });
  await new Promise((resolve) => setImmediate(resolve));
  return opened;
}

/** Everything the index holds, in plain arrays, to compare two indexes. */
function indexOf(opened: OpenCatalog) {
  const index = opened.searcher.index;
  return Object.fromEntries(Object.entries(index).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));
}

describe('openCatalog', () => {
  it('gives the same tests, problems and index fresh and from the cache, and the same tests as lint loads', async () => {
    const cache = tempDir();
    const fresh = await open(cache);
    const cached = await open(cache);
    expect([fresh.fromCache, cached.fromCache]).toEqual([false, true]);
    const loaded = loadCatalog([builtinCatalogDir()], '/');
    // Read back one by one: from their bytes in the YAML when fresh, from tests.jsonl when cached.
    const ids = loaded.tests.map((t) => t.id);
    expect(ids.map((id) => fresh.testById.get(id))).toEqual(loaded.tests);
    expect(ids.map((id) => cached.testById.get(id))).toEqual(loaded.tests);
    expect(cached.catalog.tests).toEqual(loaded.tests);
    expect(cached.catalog.problems).toEqual(fresh.catalog.problems);
    expect(cached.catalog.version).toBe(fresh.catalog.version);
    expect(indexOf(cached)).toEqual(indexOf(fresh));
    expect(cached.searcher.search('postgres too many clients').tests[0]?.id).toBe(fresh.searcher.search('postgres too many clients').tests[0]?.id);
  });

  it('compiles again when a file changes, and drops a duplicate id with a problem', async () => {
    const cache = tempDir();
    const mine = tempDir({ 'mine.yaml': `component: mine\ntests:\n${test('mine-one')}${test('mine-two')}` });
    const first = await open(cache, [mine]);
    expect(first.testById.get('mine-two')?.title).toBe('A harmless test');
    writeFileSync(join(mine, 'mine.yaml'), `component: mine\ntests:\n${test('mine-one')}${test('mine-two', 'Renamed test')}${test('mine-one')}`);
    const second = await open(cache, [mine]);
    expect(second.fromCache).toBe(false);
    expect(second.testById.get('mine-two')?.title).toBe('Renamed test');
    expect(second.catalog.problems.map((p) => `${p.rule} ${p.message}`)).toContain('ID-DUPLICATE test id "mine-one" is already used at ' + join(mine, 'mine.yaml').slice(1) + ':4');
    const third = await open(cache, [mine]);
    expect(third.fromCache).toBe(true);
    expect(third.catalog.problems).toEqual(second.catalog.problems);
  });

  it('reads a test edited after the compile from its file as it is now, and finds nothing for one removed', async () => {
    const mine = tempDir({ 'mine.yaml': `component: mine\ntests:\n${test('mine-one')}${test('mine-two')}` });
    const opened = await openCatalog({ extraDirs: [mine], cache: false, cwd: '/' });
    writeFileSync(join(mine, 'mine.yaml'), `component: mine\ntests:\n${test('mine-two', 'Edited meanwhile')}`);
    // A different size, so the edit shows even where modification times are coarse.
    expect(opened.testById.get('mine-two')?.title).toBe('Edited meanwhile');
    expect(opened.testById.get('mine-one')).toBeUndefined();
  });

  it('works, uncached, when the cache folder cannot be written', async () => {
    const blocked = join(tempDir({ 'file': 'not a folder' }), 'file');
    const first = await open(join(blocked, 'cache'));
    const second = await open(join(blocked, 'cache'));
    expect([first.fromCache, second.fromCache]).toEqual([false, false]);
    expect(second.testById.get('pg-connections-usage')?.id).toBe('pg-connections-usage');
  });

  it('removes what a writer that died long ago left behind, and keeps a recent one', async () => {
    const cache = tempDir();
    const old = join(cache, 'catalog-0123.tmp-1-1');
    const recent = join(cache, 'catalog-4567.tmp-2-2');
    mkdirSync(old);
    mkdirSync(recent);
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, longAgo, longAgo);
    await open(cache);
    const left = readdirSync(cache);
    expect(left).not.toContain('catalog-0123.tmp-1-1');
    expect(left).toContain('catalog-4567.tmp-2-2');
    expect(left.filter((name) => !name.includes('.tmp-'))).toHaveLength(1);
    expect(readFileSync(join(cache, left.find((n) => !n.includes('.tmp-')) as string, 'tests.jsonl'), 'utf8').split('\n').length).toBeGreaterThan(400);
  });
});

describe('openCatalog after a change', () => {
  const base = () => ({
    'a.yaml': `component: a\ntests:\n${test('a-one')}${test('a-two')}`,
    'b.yaml': `component: b\ntests:\n${test('b-one')}${test('b-two')}`,
    'c.yaml': `component: c\ntests:\n${test('c-one')}`,
    'components.yaml': 'components:\n  - {id: a, name: Alpha, aliases: [first]}\n',
    'hypotheses.yaml': 'hypotheses:\n  - id: alpha-broken\n    statement: Alpha is broken\n    symptoms: [alpha down]\n    tests: [a-one, c-one]\n',
  });
  const changes: [string, (dir: string) => void][] = [
    ['one file edited', (dir) => writeFileSync(join(dir, 'b.yaml'), `component: b\ntests:\n${test('b-one', 'Renamed')}${test('b-three')}`)],
    ['a file added', (dir) => writeFileSync(join(dir, 'bb.yaml'), `component: bb\ntests:\n${test('bb-one')}`)],
    ['a file removed', (dir) => rmSync(join(dir, 'b.yaml'))],
    ['an earlier file taking the id of a later one', (dir) => writeFileSync(join(dir, 'a.yaml'), `component: a\ntests:\n${test('a-one')}${test('c-one')}`)],
    ['a YAML error in one test', (dir) => writeFileSync(join(dir, 'b.yaml'), `component: b\ntests:\n${test('b-one', '"Unclosed')}${test('b-two')}`)],
    ['the components changed', (dir) => writeFileSync(join(dir, 'components.yaml'), 'components:\n  - {id: a, name: Alpha, aliases: [first, primary]}\n')],
  ];

  it.each(changes)('gives exactly what a compile from nothing gives, given %s', async (_, change) => {
    const dir = tempDir(base());
    const cache = tempDir();
    const env = { HUNCH_CATALOG_DIR: dir, HUNCH_CACHE_DIR: cache };
    await openCatalog({ env, cwd: '/' });
    await new Promise((resolve) => setImmediate(resolve));
    change(dir);
    const reusing = await openCatalog({ env, cwd: '/' });
    await new Promise((resolve) => setImmediate(resolve));
    const fresh = await openCatalog({ env, cwd: '/', cache: false });
    const again = await openCatalog({ env, cwd: '/' });
    expect([reusing.fromCache, again.fromCache]).toEqual([false, true]);
    for (const opened of [reusing, again]) {
      expect(opened.catalog.problems).toEqual(fresh.catalog.problems);
      expect(opened.catalog.version).toBe(fresh.catalog.version);
      expect(indexOf(opened)).toEqual(indexOf(fresh));
      expect(opened.catalog.tests).toEqual(fresh.catalog.tests);
    }
  });

  it('does not read a file again whose size and time are as they were', async () => {
    const dir = tempDir(base());
    const env = { HUNCH_CATALOG_DIR: dir, HUNCH_CACHE_DIR: tempDir() };
    // A whole second, so that putting it back below is exact.
    const c = join(dir, 'c.yaml');
    utimesSync(c, 1_700_000_000, 1_700_000_000);
    await openCatalog({ env, cwd: '/' });
    await new Promise((resolve) => setImmediate(resolve));
    // c.yaml rewritten with a same-length title and its time put back: an unchanged file by the cache's rule.
    writeFileSync(c, readFileSync(c, 'utf8').replace('A harmless test', 'A hidden change'));
    utimesSync(c, 1_700_000_000, 1_700_000_000);
    writeFileSync(join(dir, 'b.yaml'), `component: b\ntests:\n${test('b-one', 'Renamed')}`);
    const reusing = await openCatalog({ env, cwd: '/' });
    expect(reusing.testById.get('b-one')?.title).toBe('Renamed');
    expect(reusing.searcher.search('harmless').tests.map((hit) => hit.id)).toContain('c-one');
    expect(reusing.searcher.search('hidden change').tests.map((hit) => hit.id)).not.toContain('c-one');
  });
});
