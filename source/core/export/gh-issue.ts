import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../runner/run.js';
import { isOnPath } from '../tools.js';
import { FIELD_LIMITS, renderReportWithin } from './render.js';
import type { Report } from './report-schema.js';

/** GitHub refuses issue titles longer than this. */
export const GH_TITLE_MAX = 256;

export type GhIssueRequest = { title: string; bodyFile: string; repo?: string | undefined; labels?: readonly string[] };

/** The gh command that opens the issue; the body travels in a file, never on the command line. */
export function ghIssueArgv(request: GhIssueRequest): string[] {
  const title = request.title.length > GH_TITLE_MAX ? `${request.title.slice(0, GH_TITLE_MAX - 1)}…` : request.title;
  const argv = ['gh', 'issue', 'create', '--title', title, '--body-file', request.bodyFile];
  if (request.repo) argv.push('--repo', request.repo);
  for (const label of request.labels ?? []) argv.push('--label', label);
  return argv;
}

export type GhIssueResult =
  | { ok: true; url: string; shortened: boolean }
  | { ok: false; reason: 'not-installed' | 'failed'; message: string };

/**
 * Opens a GitHub issue with the report as its Markdown body through the GitHub CLI, which brings
 * the user's own login and repository. The report must already be redacted.
 */
export async function createGhIssue(report: Report, options: { repo?: string | undefined; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<GhIssueResult> {
  const env = options.env ?? process.env;
  if (!report.redacted) return { ok: false, reason: 'failed', message: 'refusing to post an unredacted report' };
  if (!isOnPath('gh', env)) {
    return { ok: false, reason: 'not-installed', message: 'the GitHub CLI (gh) is not installed: get it from https://cli.github.com, or export with --out and attach the file' };
  }
  const body = renderReportWithin(report, 'md', FIELD_LIMITS['github-issue']);
  const dir = mkdtempSync(join(tmpdir(), 'hunch-issue-'));
  const bodyFile = join(dir, 'report.md');
  try {
    writeFileSync(bodyFile, body.text, { mode: 0o600 });
    const result = await runCommand({ argv: ghIssueArgv({ title: report.title, bodyFile, repo: options.repo }), timeoutMs: options.timeoutMs ?? 60_000, env: env as Record<string, string> });
    if (result.status === 'exited' && result.exitCode === 0) {
      const url = result.stdout.trim().split('\n').filter(Boolean).pop() ?? '';
      return { ok: true, url, shortened: body.shortened };
    }
    const why = result.spawnError ?? (result.stderr.trim().split('\n').filter(Boolean).pop() || `exit code ${result.exitCode ?? 'none'} (${result.status})`);
    return { ok: false, reason: 'failed', message: `gh issue create failed: ${why}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
