import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintCatalog } from '../core/catalog/lint/lint.js';
import { loadCatalog } from '../core/catalog/load.js';
import { builtinCatalogDir } from '../core/catalog/locations.js';
import { catalogJsonSchemas } from '../core/catalog/json-schema.js';
import { formatProblem } from '../core/catalog/problem.js';
import { catalogStats, formatStats } from '../core/catalog/stats.js';
import { UsageError } from '../core/errors.js';
import { cacheDir } from '../core/paths.js';
import { isOnPath } from '../core/tools.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './registry.js';

export async function run(context: CommandContext): Promise<number> {
  const [sub, ...rest] = context.args;
  switch (sub) {
    case 'lint':
      return lint({ ...context, args: rest });
    case 'stats':
      return stats({ ...context, args: rest });
    case 'schema':
      return schema({ ...context, args: rest });
    default:
      throw new UsageError(sub ? `unknown catalog command "${sub}"` : 'catalog needs a subcommand', 'hunch catalog lint | stats | schema');
  }
}

/** Lints the built-in catalogue (or the folders given) and prints every problem as file:line:col RULE message. */
async function lint(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('catalog lint', context.args, {
    json: { type: 'boolean' },
    offline: { type: 'boolean' },
  });
  // Folders given alone are linted with the built-in catalogue's components and tests in view,
  // so a user test may name a built-in `next` or component.
  const dirs = positionals.length > 0 ? [builtinCatalogDir(context.env), ...positionals.map((p) => resolve(context.cwd, p))] : [builtinCatalogDir(context.env), ...(values.catalog ?? [])];
  const catalog = loadCatalog(dirs, context.cwd);
  const report = await lintCatalog(catalog, {
    external: !values.offline,
    hasTool: (tool) => isOnPath(tool, context.env),
    cacheDir: cacheDir(context.env),
  });
  const shown = positionals.length > 0 ? report.problems.filter((p) => !p.file.startsWith(relativeBuiltin(context))) : report.problems;
  if (values.json) {
    context.print.json({ problems: shown, skipped: report.skipped, tests: catalog.tests.length });
  } else {
    for (const problem of shown) context.print.out(formatProblem(problem));
    for (const skip of report.skipped) context.print.err(`hunch: skipped ${skip.rule}: ${skip.reason}`);
    context.print.err(shown.length === 0 ? `catalogue OK: ${catalog.tests.length} tests, no problems` : `${shown.length} problem(s) in ${catalog.files.length} file(s)`);
  }
  return shown.length === 0 ? 0 : 1;
}

function relativeBuiltin(context: CommandContext): string {
  const dir = builtinCatalogDir(context.env);
  return dir.startsWith(context.cwd) ? dir.slice(context.cwd.length + 1) : dir;
}

async function stats(context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('catalog stats', context.args, { json: { type: 'boolean' } });
  const catalog = loadCatalog([builtinCatalogDir(context.env), ...(values.catalog ?? [])], context.cwd);
  const counts = catalogStats(catalog);
  if (values.json) context.print.json(counts);
  else context.print.out(formatStats(counts));
  return 0;
}

async function schema(context: CommandContext): Promise<number> {
  // The schema is JSON already; --json is accepted so every non-interactive command takes it.
  const { values } = parseCommandArgs('catalog schema', context.args, { out: { type: 'string' }, json: { type: 'boolean' } });
  const schemas = catalogJsonSchemas();
  if (!values.out) {
    context.print.json(schemas);
    return 0;
  }
  const dir = resolve(context.cwd, values.out);
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(schemas)) writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  context.print.err(`wrote ${Object.keys(schemas).length} schema files to ${dir}`);
  return 0;
}
