import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { startPractice, type Practice } from '../../helpers/practice.js';
import { runAsHunch } from './run-as-hunch.js';

type Outcome = 'anomaly' | 'healthy' | 'inconclusive' | 'error';

/** One catalogue test run against a practice scenario, and how it must read. */
export type PracticeCase = { test: string; values?: Record<string, string>; outcome: Outcome; finding?: RegExp };

/**
 * For each scenario, starts its practice cluster once and runs every case as hunch runs it (the
 * real kubectl and tools), expecting the outcome and, where given, a finding that matches.
 */
export function describePracticeCases(area: string, scenarios: Record<string, PracticeCase[]>): void {
  const catalog = loadCatalog([builtinCatalogDir()]);
  const byId = new Map(catalog.tests.map((t) => [t.id, t]));

  describe.each(Object.entries(scenarios))(`${area} tests against the practice scenario "%s"`, (scenario, cases) => {
    let practice: Practice;

    beforeAll(async () => {
      practice = await startPractice(scenario);
    });
    afterAll(async () => {
      await practice.stop();
    });

    it.each(cases.map((c) => [`${c.test} ${JSON.stringify(c.values ?? {})} reads ${c.outcome}`, c] as const))('%s', async (_label, c) => {
      const test = byId.get(c.test);
      if (!test) throw new Error(`no test ${c.test} in the catalogue`);
      const reading = await runAsHunch(test, c.values ?? {}, practice.env);
      const seen = { outcome: reading.outcome, finding: reading.finding, stdout: reading.stdout.slice(0, 800), stderr: reading.stderr.slice(0, 400) };
      expect(seen.outcome, `${reading.display}\n${JSON.stringify(seen, null, 2)}`).toBe(c.outcome);
      if (c.finding) expect(reading.finding).toMatch(c.finding);
    }, 60_000);
  });
}
