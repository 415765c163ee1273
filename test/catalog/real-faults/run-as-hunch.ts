import { expect } from 'vitest';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import type { Interpretation } from '../../../source/core/interpret/interpret.js';
import { durationMs, readRun } from '../../../source/core/interpret/read-run.js';
import { renderCommand } from '../../../source/core/params/render.js';
import { runCommand } from '../../../source/core/runner/run.js';

/** The built-in catalogue's tests of one component, in file order. */
export function catalogTestsOf(component: string): CatalogTest[] {
  return loadCatalog([builtinCatalogDir()]).tests.filter((test) => test.component === component);
}

export type Reading = Interpretation & { stdout: string; stderr: string; exitCode: number | null; display: string };

/**
 * Runs a catalogue test exactly as hunch does: render with validation, run the argv with no shell,
 * read the result with the test's own rules. `env` adds what a user's shell would hold (KUBECONFIG).
 */
export async function runAsHunch(test: CatalogTest, values: Record<string, string>, env: Record<string, string> = {}): Promise<Reading> {
  const rendered = renderCommand(test, values, { target: 'local' });
  if (!rendered.ok) throw new Error(`${test.id}: ${rendered.errors.map((e) => `${e.param} ${e.message}`).join('; ')}`);
  const result = await runCommand({ argv: rendered.command.argv, env: { ...rendered.command.env, ...env }, timeoutMs: durationMs(test.timeout) });
  return { ...readRun(test, result), stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, display: rendered.command.display };
}

type Values = Record<string, string>;
/** Values that point a test at a setup, and how to undo the setup. */
export type FaultStep = { values: Values; cleanup?: () => Promise<void> };
export type FaultCase = {
  /** The clean reading; the main server with default parameters unless said otherwise. */
  healthy?: () => Promise<FaultStep>;
  /** Injects the fault and says which values point the test at it. */
  fault: () => Promise<FaultStep>;
  /** What the anomaly's finding must name, so the right rule fired for the right reason. */
  finding: RegExp;
};

/** The whole reading, for a failure message that shows what the test printed. */
export function explainReading(reading: { outcome: string; finding: string; stdout: string; stderr: string }): string {
  return `read ${reading.outcome}: ${reading.finding}\n--- stdout\n${reading.stdout}--- stderr\n${reading.stderr}`;
}

/**
 * The proof of one test against a real server: the clean setup (or `cleanValues`) reads healthy,
 * the injected fault reads anomaly with the expected finding, and the fault is undone either way.
 */
export async function expectHealthyThenAnomaly(test: CatalogTest, fault: FaultCase, cleanValues: Values, run: (test: CatalogTest, values: Values) => Promise<Reading> = runAsHunch): Promise<void> {
  const clean = fault.healthy ? await fault.healthy() : { values: cleanValues };
  const healthy = await run(test, clean.values);
  expect(healthy.outcome, explainReading(healthy)).toBe('healthy');

  const injected = await fault.fault();
  try {
    const reading = await run(test, injected.values);
    expect(reading.outcome, explainReading(reading)).toBe('anomaly');
    expect(reading.finding).toMatch(fault.finding);
  } finally {
    await injected.cleanup?.();
  }
}
