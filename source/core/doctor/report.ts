import { checkAccess, checkIdentity, checkKubeconfig, checkKubectl, checkNode, checkOtherTools, checkProductionContext, checkReachability, mustFix, type CheckStatus, type DoctorCheck } from './checks.js';
import type { DoctorFacts } from './facts.js';

export type DoctorReport = { ok: boolean; checks: DoctorCheck[] };

/** Every check, in the order a person would fix things: machine, kubeconfig, cluster, access. */
export function doctorReport(facts: DoctorFacts, production: boolean): DoctorReport {
  const checks = [
    checkNode(facts.nodeVersion),
    checkKubectl(facts.tools),
    checkOtherTools(facts.tools),
    checkKubeconfig(facts.kubeconfig),
    checkReachability(facts.reachability, facts.kubeconfig.context),
    checkIdentity(facts.identity),
    checkAccess(facts.access),
    checkProductionContext(facts.kubeconfig.context, production),
  ];
  return { ok: !mustFix(checks), checks };
}

const SYMBOLS: Record<CheckStatus, { unicode: string; ascii: string }> = {
  ok: { unicode: '✔', ascii: 'ok' },
  warn: { unicode: '!', ascii: '!' },
  fail: { unicode: '✖', ascii: 'FAIL' },
  skip: { unicode: '–', ascii: '-' },
};

/** The report as text: one line per check (the word says the state, the symbol helps the eye), then what to fix. */
export function formatDoctorReport(report: DoctorReport, unicode = true): string {
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines = report.checks.flatMap((check) => {
    const symbol = unicode ? SYMBOLS[check.status].unicode : SYMBOLS[check.status].ascii;
    const head = `${symbol} ${check.title.padEnd(width)}  ${check.status === 'ok' ? '' : `${check.status}: `}${check.detail}`;
    return check.fix && check.status !== 'ok' ? [head, `  ${' '.repeat(width)}  fix: ${check.fix}`] : [head];
  });
  const failing = report.checks.filter((c) => c.status === 'fail').length;
  const warnings = report.checks.filter((c) => c.status === 'warn').length;
  const summary = failing > 0 ? `${failing} thing${failing === 1 ? '' : 's'} to fix before hunch can run cluster tests` : warnings > 0 ? `ready; ${warnings} warning${warnings === 1 ? '' : 's'}` : 'ready';
  return `${lines.join('\n')}\n\n${summary}\n`;
}
