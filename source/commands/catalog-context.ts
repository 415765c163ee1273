import { openCatalog, type OpenCatalog } from '../core/catalog/open-catalog.js';
import { formatProblem } from '../core/catalog/problem.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { readSettings } from '../core/settings/read-settings.js';
import type { CommandContext } from './registry.js';

/**
 * Opens the catalogue for a command. Problems do not stop it: they are summarised on stderr in
 * one line (hunch catalog lint shows them all) and everything else loads.
 */
export async function catalogFor(context: CommandContext, extraDirs: readonly string[] | undefined): Promise<OpenCatalog> {
  requireFolders(context, extraDirs);
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

/**
 * A folder named with --catalog that is not there is a mistyped command, not a broken catalogue:
 * say so and stop (exit 2) rather than carry on with the built-in tests alone. Folders from the
 * settings only warn, through the catalogue's own problems.
 */
export function requireFolders(context: Pick<CommandContext, 'cwd'>, dirs: readonly string[] | undefined): void {
  for (const dir of dirs ?? []) {
    let isFolder = false;
    try {
      isFolder = statSync(resolve(context.cwd, dir)).isDirectory();
    } catch {
      /* missing or unreadable: reported below */
    }
    if (!isFolder) throw new UsageError(`--catalog ${dir}: no such folder`, 'give a folder that holds catalogue YAML files, e.g. --catalog ./my-tests');
  }
}
