import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_RULES, LINT_RULES, LOAD_RULES, lintCatalog } from '../../source/core/catalog/lint/lint.js';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { formatProblem } from '../../source/core/catalog/problem.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtureRules = readdirSync(FIXTURES).sort();

describe('lint rules', () => {
  it('every rule has a failing fixture', () => {
    const ruleIds = [...LINT_RULES, ...EXTERNAL_RULES].map((r) => r.id);
    const withoutFixture = [...ruleIds, ...LOAD_RULES.filter((r) => r !== 'FILE' && r !== 'CATALOG-DIR')].filter((id) => !fixtureRules.includes(id));
    expect(withoutFixture).toEqual([]);
  });

  it.each(fixtureRules)('%s reports its fixture with file:line:col', async (rule) => {
    const dir = join(FIXTURES, rule);
    const report = await lintCatalog(loadCatalog([dir], dir), { external: true });
    const lines = report.problems.filter((p) => p.rule === rule).map(formatProblem);
    expect(lines.length, `no ${rule} problem; got: ${report.problems.map(formatProblem).join(' | ')}`).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^[\\w.-]+\\.yaml:\\d+:\\d+ ${rule} \\S`));
  });
});
