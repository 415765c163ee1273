import type { Report, ReportRun } from './report-model.js';
import { formatDuration, verdictLabel } from './labels.js';

/** Text safe in Jira wiki markup: the characters that start markup are escaped. */
function text(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/([{}[\]|*_^~+\-#!?])/g, '\\$1').trim();
}

/** {noformat} cannot be closed by its content once every "{noformat}" inside is broken up. */
function noformat(value: string): string {
  return `{noformat}\n${value.replace(/\{noformat\}/gi, '{ noformat}')}\n{noformat}`;
}

function codeBlock(value: string): string {
  return `{code:bash}\n${value.replace(/\{code(:[^}]*)?\}/gi, '{ code}')}\n{code}`;
}

/** Jira wiki markup (Jira Server and Data Center, and Cloud's legacy editor). */
export function renderJira(report: Report): string {
  const out: string[] = [`h1. ${text(report.title)}`, ''];
  if (report.practice) out.push(`{panel}PRACTICE session on scenario ${text(report.practice)}, not a real cluster.{panel}`, '');
  out.push(
    `||Context|${report.context ? text(report.context) : 'none'}|`,
    `||Namespaces|${report.namespaces.map(text).join(', ') || '-'}|`,
    `||Time window|${text(`${report.startedAt} to ${report.endedAt}`)}|`,
    `||Session|${text(report.sessionId)}|`,
    `||hunch|${text(`${report.hunchVersion}, catalogue ${report.catalogVersion}`)}|`,
    `||Secrets|${report.redacted ? 'redacted' : '*not redacted*'}|`,
    '',
    'h2. Summary',
    '',
    `*Problem as first stated:* ${text(report.problem)}`,
    '',
    '||#||Hypothesis||Verdict||Conclusion||',
    ...report.hypotheses.map((h, i) => `|${i + 1}|${text(h.text)}|${verdictLabel(h.status)}|${text(h.conclusion ?? '') || ' '}|`),
    '',
    '*Anomalies found*',
    ...(report.anomalies.length === 0 ? ['* none'] : report.anomalies.map((a) => `* *${text(a.title)}* ({{${a.testId}}}): ${text(a.finding)}`)),
    '',
    '*Ruled out*',
    ...(report.ruledOut.length === 0 ? ['* nothing yet'] : report.ruledOut.map((r) => `* ${text(r.text)}${r.conclusion ? `: ${text(r.conclusion)}` : ''}`)),
    '',
  );
  report.hypotheses.forEach((h, i) => {
    out.push(`h2. ${i + 1}. ${text(h.text)}: ${verdictLabel(h.status)}`, '');
    if (h.conclusion) out.push(`*Conclusion:* ${text(h.conclusion)}`, '');
    for (const note of h.notes) out.push(`bq. ${text(note)}`, '');
    for (const run of h.runs) out.push(...renderRun(run));
  });
  if (report.blocked.length > 0) {
    out.push('h2. For the SRE to run', '');
    for (const b of report.blocked) out.push(`* *${text(b.title)}* ({{${b.testId}}}): ${text(b.detail)}`, codeBlock(b.command), '');
  }
  if (report.nextSteps.length > 0) {
    out.push('h2. Suggested next steps', '', ...report.nextSteps.map((s) => `* ${text(s.title)} ({{${s.testId}}}), after ${text(s.after)}`), '');
  }
  if (report.reproduce.length > 0) out.push('h2. Appendix: commands to reproduce', '', codeBlock(report.reproduce.join('\n')), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function renderRun(run: ReportRun): string[] {
  const out = [`h3. ${text(run.title)}: ${run.outcome}`, '', codeBlock(run.command), ''];
  if (run.repeatOf) return [...out, `Same finding as an earlier run: ${text(run.finding)}`, ''];
  out.push(
    `* Test: {{${run.testId}}} (${text(run.component)})`,
    `* Exit code: ${run.exitCode ?? 'none'}`,
    `* Duration: ${formatDuration(run.durationMs)}`,
    `* Finding: ${text(run.finding)}`,
  );
  if (run.originalOutcome) out.push(`* Outcome set by the user (the rules said ${run.originalOutcome})${run.overrideReason ? `: ${text(run.overrideReason)}` : ''}`);
  if (run.state === 'interrupted') out.push('* The run was interrupted before it finished.');
  out.push(...run.notes.map((note) => `* Note: ${text(note)}`), '');
  if (run.output !== '') out.push(run.outputTrimmed ? `Output (last lines of ${run.outputLines}):` : 'Output:', noformat(run.output), '');
  return out;
}
