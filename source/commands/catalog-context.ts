import { openCatalog, type OpenCatalog } from '../core/catalog/open-catalog.js';
import { formatProblem } from '../core/catalog/problem.js';
import { readSettings } from '../core/settings/read-settings.js';
import type { CommandContext } from './registry.js';

/**
 * Opens the catalogue for a command. Problems do not stop it: they are summarised on stderr in
 * one line (hunch catalog lint shows them all) and everything else loads.
 */
export async function catalogFor(context: CommandContext, extraDirs: readonly string[] | undefined): Promise<OpenCatalog> {
  // The user's folders from the settings, then those given with --catalog (a duplicate id is a problem; the first one loaded stays).
  const settings = readSettings(context.env);
  if (settings.problem) context.print.err(`hunch: settings: ${settings.problem}`);
  const opened = await openCatalog({ extraDirs: [...settings.settings.catalogDirs, ...(extraDirs ?? [])], env: context.env, cwd: context.cwd });
  const problems = opened.catalog.problems;
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run "hunch catalog lint")` : '';
    if (first) context.print.err(`hunch: catalogue problem: ${formatProblem(first)}${more}`);
  }
  return opened;
}
