import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';
import { readRun } from '../../source/core/interpret/read-run.js';
import { renderCommand } from '../../source/core/params/render.js';
import { materializeObjects } from '../../source/core/practice/materialize.js';
import { globMatches } from '../../source/core/practice/scenario/glob.js';
import { listScenarios } from '../../source/core/practice/scenario/load.js';
import { builtinScenariosDir } from '../../source/core/practice/scenario/locations.js';
import type { RevealTest } from '../../source/core/practice/scenario/schema.js';
import { runCommand } from '../../source/core/runner/run.js';
import { startPractice, type Practice } from '../helpers/practice.js';

// For every incident: the catalogue tests that reveal its root cause, run by the real kubectl,
// find an anomaly there and nothing on the healthy baseline with the same parameters.
const catalog = loadCatalog([builtinCatalogDir()]);
const incidents = listScenarios(builtinScenariosDir()).scenarios.filter((s) => s.name !== 'healthy');

/** Reveal parameters may name pods by glob (`checkout-*`): each scenario has its own pod names. */
function resolveParams(practice: Practice, params: Record<string, string>): Record<string, string> {
  const objects = materializeObjects(practice.scenario, Date.now());
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (!value.includes('*')) return [name, value];
      const match = objects.find((o) => o.kind === 'Pod' && o.metadata.namespace === params.namespace && globMatches(value, o.metadata.name));
      return [name, match?.metadata.name ?? value];
    }),
  );
}

async function outcomeOf(practice: Practice, reveal: RevealTest): Promise<{ outcome: string; finding: string; stderr: string }> {
  const test = catalog.tests.find((t) => t.id === reveal.id);
  if (!test) throw new Error(`reveal test ${reveal.id} is not in the catalogue`);
  const rendered = renderCommand(test, resolveParams(practice, reveal.params), { context: practice.context, namespace: practice.namespace });
  if (!rendered.ok) throw new Error(`${reveal.id}: ${JSON.stringify(rendered.errors)}`);
  const result = await runCommand({ argv: rendered.command.argv, env: { ...practice.env, ...rendered.command.env }, timeoutMs: 40_000 });
  return { ...readRun(test, result), stderr: result.stderr };
}

describe.each(incidents.map((s) => [s.name] as const))('practice scenario %s', (name) => {
  let incident: Practice;
  let healthy: Practice;
  beforeAll(async () => {
    [incident, healthy] = await Promise.all([startPractice(name), startPractice('healthy')]);
  });
  afterAll(async () => {
    await Promise.all([incident.stop(), healthy.stop()]);
  });

  it('names catalogue tests that reveal its root cause', () => {
    const reveal = incident.scenario.reveal?.tests ?? [];
    expect(reveal.length).toBeGreaterThan(0);
    for (const test of reveal) expect(catalog.tests.map((t) => t.id), `${name} reveals with ${test.id}`).toContain(test.id);
  });

  it('its revealing tests find an anomaly here and none on the healthy cluster', async () => {
    for (const reveal of incident.scenario.reveal?.tests ?? []) {
      const broken = await outcomeOf(incident, reveal);
      expect(broken.outcome, `${reveal.id} on ${name}: ${broken.finding} ${broken.stderr}`).toBe('anomaly');
      const fine = await outcomeOf(healthy, reveal);
      expect(fine.outcome, `${reveal.id} on healthy: ${fine.finding} ${fine.stderr}`).toBe('healthy');
    }
  }, 120_000);
});
