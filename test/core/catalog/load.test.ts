import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { formatProblem } from '../../../source/core/catalog/problem.js';
import { harmlessTestYaml } from '../../helpers/catalog-yaml.js';
import { tempDir } from '../../helpers/temp.js';

const GOOD_TEST = harmlessTestYaml('good-test');

describe('loadCatalog', () => {
  it('given a file with one bad and one good test, loads the good one and locates the bad one by line', () => {
    const dir = tempDir({
      'x.yaml': `component: x\ntests:\n${GOOD_TEST}\n  - id: Bad_Id\n    title: nope\n`,
    });
    const catalog = loadCatalog([dir], dir);
    expect(catalog.tests.map((t) => t.id)).toEqual(['good-test']);
    const lines = catalog.problems.map(formatProblem);
    expect(lines.some((l) => /^x\.yaml:20:\d+ SCHEMA id: must be kebab-case/.test(l))).toBe(true);
    expect(lines.every((l) => /^x\.yaml:\d+:\d+ SCHEMA /.test(l))).toBe(true);
  });

  it('given malformed YAML, reports file:line and still loads the other files', () => {
    const dir = tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST}`, 'b.yaml': 'component: b\ntests: [\n  - oops: {\n' });
    const catalog = loadCatalog([dir], dir);
    expect(catalog.tests).toHaveLength(1);
    expect(catalog.problems[0]).toMatchObject({ file: 'b.yaml', rule: 'YAML' });
    expect(catalog.problems[0]?.line).toBeGreaterThan(1);
  });

  it('given a YAML error inside one test, loads the tests around it and points at the error', () => {
    const broken = GOOD_TEST.replace('good-test', 'broken-test').replace('title: A good test', 'title: "A good test');
    const dir = tempDir({ 'x.yaml': `component: x\ntests:\n${GOOD_TEST}${broken}${GOOD_TEST.replace('good-test', 'third-test')}` });
    const catalog = loadCatalog([dir], dir);
    expect(catalog.tests.map((t) => t.id)).toEqual(['good-test', 'third-test']);
    expect(catalog.problems).toHaveLength(1);
    // Within the broken test (lines 23 to 41), where js-yaml notices the string never closes.
    expect(catalog.problems[0]).toMatchObject({ file: 'x.yaml', rule: 'YAML' });
    expect(catalog.problems[0]?.line).toBeGreaterThanOrEqual(23);
    expect(catalog.problems[0]?.line).toBeLessThanOrEqual(41);
  });

  it('given an empty file, or one of comments only, says so and what it needs', () => {
    const dir = tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST}`, 'b.yaml': '', 'hypotheses.yaml': '# nothing yet\n' });
    const catalog = loadCatalog([dir], dir);
    expect(catalog.tests).toHaveLength(1);
    expect(catalog.problems.map(formatProblem)).toEqual([
      'b.yaml:1:1 SCHEMA the file is empty: it needs `component:` and `tests:`',
      'hypotheses.yaml:1:1 SCHEMA the file is empty: it needs `hypotheses:`',
    ]);
  });

  it('given the same id twice, keeps the first and says where it was', () => {
    const dir = tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST}`, 'b.yaml': `component: b\ntests:\n${GOOD_TEST}` });
    const catalog = loadCatalog([dir], dir);
    expect(catalog.tests).toHaveLength(1);
    expect(catalog.tests[0]?.component).toBe('a');
    expect(formatProblem(catalog.problems[0]!)).toMatch(/^b\.yaml:4:\d+ ID-DUPLICATE test id "good-test" is already used at a\.yaml:4/);
  });

  it('given a folder that does not exist, reports it and loads the others', () => {
    const dir = tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST}` });
    const catalog = loadCatalog([dir, `${dir}/missing`], dir);
    expect(catalog.tests).toHaveLength(1);
    expect(catalog.problems[0]).toMatchObject({ rule: 'CATALOG-DIR', message: 'catalogue folder does not exist' });
  });

  it('changes its version when any file changes', () => {
    const a = loadCatalog([tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST}` })]);
    const b = loadCatalog([tempDir({ 'a.yaml': `component: a\ntests:\n${GOOD_TEST.replace('fine', 'ok')}` })]);
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
    expect(a.version).not.toBe(b.version);
  });
});
