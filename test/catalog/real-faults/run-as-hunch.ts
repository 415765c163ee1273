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
