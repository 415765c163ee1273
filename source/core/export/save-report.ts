import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { extensionFor, type ExportFormat } from './render.js';

/** The file name a report gets when the user does not choose one. */
export function reportFileName(sessionId: string, format: ExportFormat): string {
  return `hunch-report-${sessionId}.${extensionFor(format)}`;
}

/**
 * Where a report goes: the path asked for, else the export folder from the settings, else the
 * current folder, under its default name.
 */
export function reportPath(options: { sessionId: string; format: ExportFormat; out?: string | undefined; directory?: string | null | undefined; cwd: string }): string {
  if (options.out) return resolve(options.cwd, options.out);
  return resolve(options.cwd, options.directory ?? '.', reportFileName(options.sessionId, options.format));
}

/** Writes a report readable by its owner only (it may hold cluster details even when redacted). */
export function writeReportFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}

