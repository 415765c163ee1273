import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
  return resolve(options.cwd, expandHome(options.directory ?? '.'), reportFileName(options.sessionId, options.format));
}

/**
 * A destination typed by the user: `~` is the home folder; a folder (one that exists, or a name
 * ending in `/`) gets the report under its default name; anything else is the file itself.
 */
export function resolveReportDestination(typed: string, options: { sessionId: string; format: ExportFormat; cwd: string; home?: string }): string {
  const trimmed = typed.trim();
  const expanded = expandHome(trimmed, options.home);
  const path = resolve(options.cwd, expanded || '.');
  const isFolder = /[/\\]$/.test(trimmed) || trimmed === '' || isDirectory(path);
  return isFolder ? join(path, reportFileName(options.sessionId, options.format)) : path;
}

/** `~` and `~/…` as the shell reads them (settings and typed destinations use them). */
function expandHome(path: string, home = homedir()): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes a report readable by its owner only (it may hold cluster details even when redacted). */
export function writeReportFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}

