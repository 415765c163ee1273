import { renderJira } from './jira.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './report-model.js';

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
      return `${JSON.stringify({ schema: 'hunch-report/1', ...report }, null, 2)}\n`;
  }
}

export function extensionFor(format: ExportFormat): string {
  return format === 'md' ? 'md' : format === 'jira' ? 'jira.txt' : 'json';
}
