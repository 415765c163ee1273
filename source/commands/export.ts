import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, HunchError } from '../core/errors.js';
import { buildReport } from '../core/export/report-model.js';
import { isExportFormat, renderReport, EXPORT_FORMATS } from '../core/export/render.js';
import { testLookup } from '../core/export/test-lookup.js';
import { listSessionIds, loadSession } from '../core/session/store.js';
import { parseCommandArgs } from './args.js';
import { catalogFor } from './catalog-context.js';
import type { CommandContext } from './registry.js';

export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', context.args, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    'no-redact': { type: 'boolean' },
  });
  const format = values.format ?? 'md';
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  const redact = !values['no-redact'];
  if (!redact && !values.out) throw new UsageError('--no-redact is only allowed with --out FILE (a local file), never to stdout');

  const id = positionals[0] ?? listSessionIds(context.env)[0];
  if (!id) throw new HunchError('there are no sessions yet', { hint: 'run hunch (or hunch run <test-id>) first' });
  const loaded = loadSession(id, context.env);
  if (!loaded) throw new UsageError(`no session "${id}"`, 'hunch sessions lists them');
  if (loaded.damage) context.print.err(`hunch: ${loaded.path}: ${loaded.damage.message}`);

  const { testById } = catalogFor(context, values.catalog);
  const report = buildReport(loaded.state, { redact, lookup: testLookup(testById) });
  const text = renderReport(report, format);
  if (values.out) {
    const path = resolve(context.cwd, values.out);
    writeFileSync(path, text, { mode: 0o600 });
    context.print.err(`wrote ${format} report of session ${id} to ${path}`);
  } else {
    context.print.out(text);
  }
  return 0;
}
