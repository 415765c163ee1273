import { copyToClipboard } from '../core/clipboard/copy.js';
import { HunchError, UsageError } from '../core/errors.js';
import { createGhIssue } from '../core/export/gh-issue.js';
import { buildReport } from '../core/export/report-model.js';
import { EXPORT_FORMATS, isExportFormat, renderReport, type ExportFormat } from '../core/export/render.js';
import { reportPath, writeReportFile } from '../core/export/save-report.js';
import { testLookup } from '../core/export/test-lookup.js';
import { readSettings } from '../core/settings/read-settings.js';
import { lockPath, appendToSession, loadSession, resolveSessionId } from '../core/session/store.js';
import { sessionHolder } from '../core/session/lock.js';
import { withDanglingRunsInterrupted } from '../core/session/summary.js';
import { parseCommandArgs } from './args.js';
import { catalogFor } from './catalog-context.js';
import type { CommandContext } from './registry.js';

/**
 * Writes a session as a triage report: to stdout, a file (--out, or --save into the export folder
 * from the settings), the clipboard (--copy) or a new GitHub issue (--gh-issue). Redacted unless
 * --no-redact, which only a local file may use.
 */
export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', context.args, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    save: { type: 'boolean' },
    'no-redact': { type: 'boolean' },
    copy: { type: 'boolean' },
    'gh-issue': { type: 'boolean' },
    repo: { type: 'string' },
    'output-lines': { type: 'string' },
    json: { type: 'boolean' },
  });
  // --json, as on every other command, is the JSON report.
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} disagree: use one of them`);
  if (positionals.length > 1) throw new UsageError(`export takes one session id; got ${positionals.join(' ')}`);
  const settings = readSettings(context.env);
  if (settings.problem) context.print.err(`hunch: settings: ${settings.problem}`);
  const format = checkFormat(values.format ?? (values.json ? 'json' : values['gh-issue'] ? 'md' : settings.settings.export.format));
  const redact = !values['no-redact'];
  const toFile = values.out !== undefined || values.save === true;
  if (!redact && !toFile) throw new UsageError('--no-redact is only allowed with --out FILE or --save (a local file), never to stdout');
  if (!redact && (values.copy || values['gh-issue'])) throw new UsageError('--copy and --gh-issue always redact; drop --no-redact');
  if (values['gh-issue'] && format !== 'md') throw new UsageError('a GitHub issue is Markdown: drop --format or use --format md with --gh-issue');
  if (values.repo && !values['gh-issue']) throw new UsageError('--repo goes with --gh-issue');
  if (values.out !== undefined && values.save) throw new UsageError('use either --out FILE or --save, not both');

  const lookup = resolveSessionId(positionals[0], context.env);
  if (!lookup.ok) throw new HunchError(lookup.message, { hint: lookup.hint });
  const id = lookup.id;
  const loaded = loadSession(id, context.env);
  if (!loaded) throw new HunchError(`no session "${id}"`, { hint: 'hunch sessions lists them' });
  if (loaded.damage) context.print.err(`hunch: ${loaded.damage.message}`);
  // A run that a dead hunch left dangling shows as interrupted; a live one as still running.
  const live = sessionHolder(lockPath(id, context.env)) !== undefined;
  const state = live ? loaded.state : withDanglingRunsInterrupted(loaded.state);

  const { testById } = await catalogFor(context, values.catalog);
  const outputLines = parseOutputLines(values['output-lines']);
  const report = buildReport(state, { redact, lookup: testLookup(testById), ...(outputLines !== undefined ? { outputLines } : {}) });
  const text = renderReport(report, format);
  const record = (path?: string) => {
    const { repair } = appendToSession(id, { type: 'session-exported', format, path }, { redact: true, env: context.env });
    if (repair) context.print.err(`hunch: line ${repair.line} of the journal was cut off mid-write; the file as it was is kept in ${repair.backup}`);
  };

  let delivered = false;
  if (toFile) {
    const path = reportPath({ sessionId: id, format, out: values.out, directory: settings.settings.export.directory, cwd: context.cwd });
    writeReportFile(path, text);
    record(path);
    context.print.err(`wrote the ${format} report of session ${id} to ${path}${redact ? '' : ' (NOT redacted: keep it local)'}`);
    delivered = true;
  }
  if (values.copy) {
    const raw = context.print.raw;
    const copied = await copyToClipboard(text, { env: context.env, writeToTerminal: context.isInteractive && raw ? (sequence) => raw(sequence) : undefined });
    if (!copied.ok) throw new HunchError(`could not copy the report: ${copied.message}`, { hint: 'hunch export --out FILE writes it to a file instead' });
    record('clipboard');
    context.print.err(`${copied.message}: the ${format} report of session ${id}`);
    delivered = true;
  }
  if (values['gh-issue']) {
    const issue = await createGhIssue(report, { repo: values.repo, env: context.env });
    if (!issue.ok) throw new HunchError(issue.message, issue.reason === 'not-installed' ? {} : { hint: 'gh auth status shows whether gh is logged in; --repo owner/name picks the repository' });
    record(issue.url);
    context.print.out(issue.url);
    context.print.err(`opened a GitHub issue for session ${id}${issue.shortened ? ' (outputs shortened to fit; the full report: hunch export --out FILE)' : ''}`);
    delivered = true;
  }
  if (!delivered) {
    context.print.out(text);
    record();
  }
  return 0;
}

/** Lines of each run's output the report shows (the end of it); the full output stays in its file. */
function parseOutputLines(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 10_000) throw new UsageError(`--output-lines must be a whole number from 0 to 10000, got "${text}"`);
  return value;
}

function checkFormat(format: string): ExportFormat {
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  return format;
}
