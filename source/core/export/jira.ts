import type { Report, ReportRun } from './report-schema.js';
import { blockReasonLabel, formatDuration, formatWindow, verdictLabel } from './labels.js';
import { outputLabel, runLabel } from './markdown.js';

/** Text safe in Jira wiki markup: one line, and the characters that start markup are escaped. */
export function jiraText(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/([{}[\]|*_^~+\-#!?\\])/g, '\\$1').trim();
}

/** {noformat} cannot be closed by its content once every "{noformat}" inside is broken up. */
export function jiraNoformat(value: string): string {
  return `{noformat}\n${value.replace(/\{noformat\}/gi, '{ noformat}')}\n{noformat}`;
}

function codeBlock(value: string): string {
  return `{code:bash}\n${value.replace(/\{code(:[^}]*)?\}/gi, '{ code}')}\n{code}`;
}

function monospace(value: string): string {
  return `{{${jiraText(value).replace(/\}\}/g, '\\}\\}')}}}`;
}

/** Jira wiki markup (Jira Server and Data Center, and Cloud's wiki renderer). */
export function renderJira(report: Report): string {
  const t = jiraText;
  const { summary } = report;
  const out: string[] = [`h1. ${t(report.title)}`, ''];
  if (report.practice) out.push(`{panel:title=PRACTICE}Session on the practice scenario ${monospace(report.practice)}: not a real cluster.{panel}`, '');
  out.push(
    `||Context|${report.context ? monospace(report.context) : 'none (no cluster)'}|`,
    `||Namespaces|${report.namespaces.map(monospace).join(', ') || '-'}|`,
    `||Time window|${t(formatWindow(report.startedAt, report.endedAt))}|`,
    `||Session|${monospace(report.sessionId)}|`,
    `||hunch|${t(report.hunchVersion)}, catalogue ${monospace(report.catalogVersion)}|`,
    `||Secrets|${report.redacted ? 'redacted' : '*not redacted* (local copy only)'}|`,
    '',
    'h2. Summary',
    '',
    `*Problem as first stated:* ${t(summary.problem) || '-'}`,
    '',
    '||#||Hypothesis||Verdict||Tests||Conclusion||',
    ...summary.hypotheses.map((h, i) => `|${i + 1}|${t(h.text)}|${verdictLabel(h.status)}|${h.tests}|${t(h.conclusion ?? '') || ' '}|`),
    '',
    '*Anomalies found*',
    ...(summary.anomalies.length === 0 ? ['* none'] : summary.anomalies.map((a) => `* *${t(a.title)}* (${monospace(a.testId)}): ${t(a.finding)}`)),
    '',
    '*Ruled out*',
    ...(summary.ruledOut.length === 0 ? ['* no hypothesis was refuted'] : summary.ruledOut.map((r) => `* ${t(r.text)}${r.conclusion ? `: ${t(r.conclusion)}` : ''}`)),
    '',
  );
  if (summary.healthy.length > 0) out.push('*Checked and healthy*', ...summary.healthy.map((c) => `* ${t(c.title)} (${monospace(c.testId)}): ${t(c.finding)}`), '');
  if (summary.interrupted > 0) out.push(`${summary.interrupted} run(s) were interrupted before finishing (hunch stopped).`, '');
  report.hypotheses.forEach((h, i) => {
    out.push(`h2. ${i + 1}. ${t(h.text)}: ${verdictLabel(h.status)}`, '');
    if (h.conclusion) out.push(`*Conclusion:* ${t(h.conclusion)}`, '');
    for (const note of h.notes) out.push(`bq. ${t(note)}`, '');
    if (h.runs.length === 0) out.push('No tests were run for this hypothesis.', '');
    for (const run of h.runs) out.push(...renderRun(run));
  });
  if (report.forSre.length > 0) {
    out.push('h2. For the SRE to run', '', 'These tests could not run in this session. Each command is exactly what hunch would have run.', '');
    for (const b of report.forSre) out.push(`* *${t(b.title)}* (${monospace(b.testId)}), ${blockReasonLabel(b.reason)}: ${t(b.detail)}`, codeBlock(b.command), '');
  }
  if (report.nextSteps.length > 0) {
    out.push('h2. Suggested next steps', '');
    for (const s of report.nextSteps) {
      out.push(`* *${t(s.title)}* (${monospace(s.testId)}), after the anomaly in "${t(s.after)}"`);
      if (s.command) out.push(codeBlock(s.command));
      else out.push(`(a script: ${monospace(`hunch show ${s.testId}`)} prints it, ${monospace(`hunch run ${s.testId}`)} runs it)`);
      out.push('');
    }
  }
  if (report.reproduce.length > 0) {
    out.push('h2. Appendix: commands to reproduce', '', codeBlock(report.reproduce.flatMap((r) => [`# ${r.testId}`, r.command]).join('\n')), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderRun(run: ReportRun): string[] {
  const heading = `h3. ${runLabel(run)} ${jiraText(run.title)}: ${run.state === 'interrupted' ? 'interrupted' : run.outcome}`;
  if (run.repeatOf) {
    return [heading, '', codeBlock(run.command), `Same finding as an earlier run, not repeated: ${jiraText(run.finding)}`, ...run.notes.map((note) => `* Note: ${jiraText(note)}`), ''];
  }
  const out = [heading, '', codeBlock(run.command), ''];
  out.push(
    `* Test: ${monospace(run.testId)} (${jiraText(run.component)}), exit code ${run.exitCode ?? (run.state === 'interrupted' ? 'none (interrupted)' : 'none')}, ${formatDuration(run.durationMs)}`,
    `* Finding: ${jiraText(run.finding)}`,
  );
  if (run.originalOutcome) out.push(`* Outcome set by the user (the rules said ${run.originalOutcome})${run.overrideReason ? `: ${jiraText(run.overrideReason)}` : ''}`);
  if (run.state === 'interrupted') out.push('* The run was interrupted before it finished; the output below is what it printed until then.');
  out.push(...run.notes.map((note) => `* Note: ${jiraText(note)}`), '');
  if (run.output !== '') {
    out.push(`${outputLabel(run)}:`, jiraNoformat(run.output));
    if (run.fullOutput && run.outputTrimmed) out.push(`Full output: ${monospace(run.fullOutput)}`);
    out.push('');
  }
  return out;
}
