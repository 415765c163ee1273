import type { BlockReason } from '../session/events.js';
import type { RunState } from '../session/reducer.js';

// What kubectl, the API server and common CLIs print when the caller lacks a permission.
const ACCESS_DENIED =
  /\b(Error from server \(Forbidden\)|forbidden:|is forbidden|Unauthorized|cannot (get|list|watch|create|update|patch|delete|exec) resource|permission denied|access denied|not authorized|AccessDenied|PERMISSION_DENIED)\b/i;
const TOOL_MISSING = /\b(is not installed|not on PATH|command not found|executable file not found|No such file or directory \(os error 2\))/i;

/**
 * Whether a run that errored did so because the user lacks access or a tool, so the report can
 * hand its exact command to someone who has them. A test that ran and found a fault is not one.
 */
export function blockedByAccessOrTool(run: RunState): { reason: BlockReason; detail: string } | undefined {
  if (run.outcome !== 'error' || run.state !== 'finished') return undefined;
  const evidence = `${run.finding ?? ''}\n${run.stderr}`;
  if (run.status === 'spawn-error' || TOOL_MISSING.test(evidence)) return { reason: 'tool', detail: firstLine(run.finding ?? 'a tool it needs is missing') };
  const denied = ACCESS_DENIED.exec(evidence);
  if (denied) return { reason: 'access', detail: firstLine(lineContaining(evidence, denied.index)) };
  return undefined;
}

function lineContaining(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
