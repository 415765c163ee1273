import { HunchError } from '../core/errors.js';
import { formatDuration, outcomeSymbol, verdictLabel } from '../core/export/labels.js';
import type { SessionState } from '../core/session/reducer.js';
import { resolveSessionId, resumeSession } from '../core/session/store.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './registry.js';

/**
 * Reopens a session where it stopped. In a terminal the TUI takes over; without one the session is
 * still reopened (a run a crash left dangling is marked interrupted, a cut-off journal line is set
 * aside) and its state printed, with the command to continue in a terminal.
 */
export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('resume', context.args, { json: { type: 'boolean' } });
  const lookup = resolveSessionId(positionals[0], context.env);
  if (!lookup.ok) throw new HunchError(lookup.message, { hint: lookup.hint });
  const id = lookup.id;

  if (context.isInteractive && !values.json) {
    const { startTui } = await import('../ui/start.js');
    return startTui({ ...context, args: context.args.filter((arg) => arg !== positionals[0]) }, { resumeSessionId: id });
  }

  const resumed = resumeSession(id, { redact: true, env: context.env });
  if (!resumed.ok) {
    throw new HunchError(resumed.message, resumed.reason === 'in-use' ? { hint: `switch to that terminal, or wait for pid ${resumed.holder.pid} to exit` } : { hint: 'hunch sessions lists them' });
  }
  const { recorder, interrupted, repair, damage } = resumed;
  recorder.close();
  if (damage) context.print.err(`hunch: ${damage.message}`);
  if (repair) context.print.err(`hunch: line ${repair.line} of the journal was cut off mid-write; the file as it was is kept in ${repair.backup}`);
  const state = recorder.state;
  if (values.json) {
    context.print.json({
      id,
      context: state.context ?? null,
      problem: state.hypotheses[0]?.text ?? '',
      hypotheses: state.hypotheses.map((h) => ({ id: h.id, text: h.text, status: h.status, conclusion: h.conclusion ?? null })),
      runs: state.runs.map((r) => ({ runId: r.runId, hypothesisId: r.hypothesisId, testId: r.testId, command: r.command, state: r.state, outcome: r.outcome ?? null, finding: r.finding ?? null, exitCode: r.exitCode ?? null, durationMs: r.durationMs ?? null, output: r.stdout })),
      blocked: state.blocked.map((b) => ({ testId: b.testId, reason: b.reason, command: b.command })),
      interrupted,
      repairedJournal: repair?.backup ?? null,
    });
  } else {
    context.print.out(describeSession(state, interrupted));
  }
  context.print.err(`to continue session ${id}, run "hunch resume ${id}" in a terminal`);
  return 0;
}

function describeSession(state: SessionState, interrupted: readonly string[]): string {
  const lines = [`session ${state.id}, started ${state.startedAt.slice(0, 19).replace('T', ' ')} UTC${state.context ? `, context ${state.context}` : ''}`];
  if (state.hypotheses.length === 0) lines.push('no hypothesis stated yet');
  for (const h of state.hypotheses) {
    lines.push('', `${verdictLabel(h.status)}  ${oneLine(h.text, 100)}${h.conclusion ? ` — ${oneLine(h.conclusion, 80)}` : ''}`);
    for (const run of state.runs.filter((r) => r.hypothesisId === h.id)) {
      const symbol = run.state === 'interrupted' ? '⏹' : run.outcome ? outcomeSymbol(run.outcome) : '…';
      const what = run.state === 'interrupted' ? 'interrupted' : (run.outcome ?? 'running');
      lines.push(`  ${symbol} ${what.padEnd(12)} ${run.testId.padEnd(28)} ${formatDuration(run.durationMs).padStart(8)}  ${oneLine(run.finding ?? '', 70)}`);
    }
  }
  if (state.blocked.length > 0) lines.push('', 'could not run:', ...state.blocked.map((b) => `  ${b.testId} (${b.reason}): ${oneLine(b.detail, 80)}`));
  if (interrupted.length > 0) lines.push('', `${interrupted.length} run(s) were going when hunch stopped; they are now marked interrupted`);
  return lines.join('\n');
}
