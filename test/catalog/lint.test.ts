import { describe, expect, it } from 'vitest';
import { lintCatalog } from '../../source/core/catalog/lint/lint.js';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import { formatProblem } from '../../source/core/catalog/problem.js';
import { isOnPath } from '../../source/core/tools.js';

describe('built-in catalogue lint, with the real kubectl and shellcheck', () => {
  it('has no problems', async () => {
    for (const tool of ['kubectl', 'shellcheck']) expect(isOnPath(tool), `${tool} must be installed for the catalogue checks`).toBe(true);
    const report = await lintCatalog(loadCatalog([builtinCatalogDir()]), { external: true, concurrency: 4 });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.skipped).toEqual([]);
  }, 300_000);
});
