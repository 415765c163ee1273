import { listSessionIds, loadSession } from '../core/session/store.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './registry.js';

export async function run(context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('sessions', context.args, { json: { type: 'boolean' } });
  const rows = listSessionIds(context.env).flatMap((id) => {
    const loaded = loadSession(id, context.env);
    if (!loaded) return [];
    const { state } = loaded;
    const open = state.hypotheses.filter((h) => h.status === 'open').length;
    return [{
      id,
      started: state.startedAt,
      updated: state.updatedAt,
      context: state.context ?? null,
      problem: state.hypotheses[0]?.text ?? '',
      hypotheses: state.hypotheses.length,
      testsRun: state.runs.length,
      anomalies: state.runs.filter((r) => r.outcome === 'anomaly').length,
      state: state.ended ? 'ended' : open > 0 ? 'open' : 'decided',
      damaged: loaded.damage?.message ?? null,
    }];
  });
  if (values.json) {
    context.print.json(rows);
    return 0;
  }
  if (rows.length === 0) {
    context.print.err('no sessions yet: run hunch to start one');
    return 0;
  }
  context.print.out('ID                      STARTED               HYP  RUN  ANOM  STATE    PROBLEM');
  for (const r of rows) {
    context.print.out(`${r.id.padEnd(23)} ${r.started.slice(0, 19).replace('T', ' ').padEnd(21)} ${String(r.hypotheses).padStart(3)}  ${String(r.testsRun).padStart(3)}  ${String(r.anomalies).padStart(4)}  ${r.state.padEnd(7)}  ${oneLine(r.problem, 50)}${r.damaged ? ' (damaged journal)' : ''}`);
  }
  return 0;
}
