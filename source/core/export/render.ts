import { renderJira } from './jira.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report-schema.js';

export const EXPORT_FORMATS = ['md', 'jira', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** One report, three renderings. JSON is the report model itself (schema: docs/report.schema.json). */
export function renderReport(report: Report, format: ExportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'jira':
      return renderJira(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}

export function extensionFor(format: ExportFormat): string {
  return format === 'md' ? 'md' : format === 'jira' ? 'jira.txt' : 'json';
}

/** Jira's description and comment fields hold 32,767 characters; a GitHub issue body 65,536. */
export const FIELD_LIMITS = { jira: 32_767, 'github-issue': 65_536 } as const;

/**
 * Renders a report that must fit a field: outputs are shortened step by step (the full outputs
 * stay in the local files the report names) and, as a last resort, the text is cut with a note.
 */
export function renderReportWithin(report: Report, format: ExportFormat, maxChars: number): { text: string; shortened: boolean } {
  let text = renderReport(report, format);
  if (text.length <= maxChars) return { text, shortened: false };
  for (const lines of [20, 10, 5, 0]) {
    text = renderReport(withOutputLines(report, lines), format);
    if (text.length <= maxChars) return { text, shortened: true };
  }
  const note = '\n\n(report cut to fit; export it to a file for the whole of it)\n';
  return { text: `${text.slice(0, maxChars - note.length)}${note}`, shortened: true };
}

function withOutputLines(report: Report, lines: number): Report {
  return {
    ...report,
    hypotheses: report.hypotheses.map((h) => ({
      ...h,
      runs: h.runs.map((run) => {
        const kept = lines === 0 ? '' : run.output.split('\n').slice(-lines).join('\n');
        return { ...run, output: kept, outputTrimmed: run.outputTrimmed || kept !== run.output };
      }),
    })),
  };
}
