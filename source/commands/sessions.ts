import { summarizeSession, type SessionSummary } from '../core/session/summary.js';
import { listSessionIds, loadSession } from '../core/session/store.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './registry.js';

/** Lists sessions, newest first: when each started, its hypotheses, tests run and state. */
export async function run(context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('sessions', context.args, { json: { type: 'boolean' } });
  const rows = listSessionIds(context.env).flatMap((id) => {
    const loaded = loadSession(id, context.env);
    return loaded ? [summarizeSession(id, loaded, context.env)] : [];
  });
  if (values.json) {
    context.print.json(rows);
    return 0;
  }
  if (rows.length === 0) {
    context.print.err('no sessions yet: run hunch (or hunch run <test-id>) to start one');
    return 0;
  }
  context.print.out(formatTable(rows));
  for (const row of rows.filter((r) => r.damaged)) context.print.err(`hunch: ${row.damaged}`);
  const interrupted = rows.filter((r) => r.status === 'interrupted');
  if (interrupted.length > 0) context.print.err(`${interrupted.length} session(s) stopped mid-run: hunch resume <id> marks the run interrupted and carries on`);
  return 0;
}

function formatTable(rows: SessionSummary[]): string {
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const header = `${'ID'.padEnd(idWidth)}  STARTED (UTC)        HYP  RUN  ANOM  STATE        PROBLEM`;
  const lines = rows.map((r) =>
    [
      r.id.padEnd(idWidth),
      r.started.slice(0, 19).replace('T', ' ').padEnd(19),
      String(r.hypotheses).padStart(3),
      String(r.testsRun).padStart(3),
      String(r.anomalies).padStart(4),
      `${r.status}${r.damaged ? '*' : ''}`.padEnd(11),
      oneLine(r.problem, 50) || '—',
    ].join('  '),
  );
  return [header, ...lines].join('\n');
}
