import { gatherDoctorFacts } from '../core/doctor/facts.js';
import { doctorReport, formatDoctorReport } from '../core/doctor/report.js';
import { isProductionContext } from '../core/params/mutation-guard.js';
import { readSettings } from '../core/settings/read-settings.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs } from './args.js';
import { catalogFor } from './catalog-context.js';
import type { CommandContext } from './registry.js';

/**
 * Checks what hunch needs, and says what to fix: Node, kubectl and the tools the catalogue names,
 * the kubeconfig, whether the cluster answers, who we are to it and what we may do. Exit 1 when
 * something must be fixed before cluster tests can run; warnings alone exit 0.
 */
export async function run(context: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('doctor', context.args, { json: { type: 'boolean' } });
  const { catalog } = await catalogFor(context, values.catalog);
  const facts = await gatherDoctorFacts({ env: context.env, tests: catalog.tests, kubeconfig: values.kubeconfig, context: values.context, namespace: values.namespace });
  const production = isProductionContext(readSettings(context.env).settings.productionContextPattern, facts.kubeconfig.context);
  const report = doctorReport(facts, production);
  // Server messages and context names are text from outside: one safe line each.
  const safe = { ...report, checks: report.checks.map((c) => ({ ...c, detail: oneLine(c.detail), ...(c.fix ? { fix: oneLine(c.fix) } : {}) })) };
  if (values.json) context.print.json(safe);
  else context.print.out(formatDoctorReport(safe, /utf-?8/i.test(`${context.env.LC_ALL ?? ''}${context.env.LC_CTYPE ?? ''}${context.env.LANG ?? ''}`)));
  return report.ok ? 0 : 1;
}
