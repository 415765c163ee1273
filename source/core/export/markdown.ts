import type { Report, ReportHypothesis, ReportRun } from './report-model.js';
import { formatDuration, outcomeSymbol, verdictLabel } from './labels.js';

/** A fence longer than any backtick run inside, so output can never close it early. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Text safe inside a Markdown table cell or a line of prose. */
export function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/([\\`*_[\]<>#])/g, '\\$1').trim();
}

function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${pad}${ticks}`;
}

/** GitHub- and GitLab-flavoured Markdown. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# ${inline(report.title)}`, '');
  if (report.practice) out.push(`> PRACTICE session on scenario \`${report.practice}\`, not a real cluster.`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Context | ${report.context ? code(report.context) : 'none (no cluster)'} |`);
  out.push(`| Namespaces | ${report.namespaces.map(code).join(', ') || '—'} |`);
  out.push(`| Time window | ${report.startedAt} → ${report.endedAt} |`);
  out.push(`| Session | ${code(report.sessionId)} |`);
  out.push(`| hunch | ${inline(report.hunchVersion)}, catalogue ${code(report.catalogVersion)} |`);
  out.push(`| Secrets | ${report.redacted ? 'redacted' : '**not redacted** (local copy only)'} |`, '');

  out.push('## Summary', '');
  out.push(`**Problem as first stated:** ${inline(report.problem)}`, '');
  out.push('| # | Hypothesis | Verdict | Conclusion |', '|---|---|---|---|');
  report.hypotheses.forEach((h, i) => out.push(`| ${i + 1} | ${inline(h.text)} | ${verdictLabel(h.status)} | ${inline(h.conclusion ?? '')} |`));
  out.push('');
  out.push('**Anomalies found**', '');
  if (report.anomalies.length === 0) out.push('- none', '');
  else out.push(...report.anomalies.map((a) => `- **${inline(a.title)}** (${code(a.testId)}): ${inline(a.finding)}`), '');
  out.push('**Ruled out**', '');
  if (report.ruledOut.length === 0) out.push('- nothing yet', '');
  else out.push(...report.ruledOut.map((r) => `- ${inline(r.text)}${r.conclusion ? ` — ${inline(r.conclusion)}` : ''}`), '');

  report.hypotheses.forEach((h, i) => out.push(...renderHypothesis(h, i + 1)));

  if (report.blocked.length > 0) {
    out.push('## For the SRE to run', '', 'These tests could not run in this session. Each command is exactly what hunch would have run.', '');
    for (const b of report.blocked) {
      out.push(`- **${inline(b.title)}** (${code(b.testId)}): ${inline(b.detail)}`, '', indent(fenced(b.command, 'sh')), '');
    }
  }
  if (report.nextSteps.length > 0) {
    out.push('## Suggested next steps', '');
    out.push(...report.nextSteps.map((s) => `- ${inline(s.title)} (${code(s.testId)}), after the anomaly in “${inline(s.after)}”`), '');
  }
  if (report.reproduce.length > 0) {
    out.push('## Appendix: commands to reproduce', '', fenced(report.reproduce.join('\n'), 'sh'), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function renderHypothesis(h: ReportHypothesis, n: number): string[] {
  const out = [`## ${n}. ${inline(h.text)} — ${verdictLabel(h.status)}`, ''];
  if (h.conclusion) out.push(`**Conclusion:** ${inline(h.conclusion)}`, '');
  if (h.notes.length > 0) out.push(...h.notes.map((note) => `> ${inline(note)}`), '');
  if (h.runs.length === 0) out.push('No tests were run for this hypothesis.', '');
  for (const run of h.runs) out.push(...renderRun(run));
  return out;
}

function renderRun(run: ReportRun): string[] {
  const heading = `### ${outcomeSymbol(run.outcome)} ${inline(run.title)} — ${run.outcome}`;
  if (run.repeatOf) {
    return [heading, '', `Same finding as an earlier run of ${code(run.testId)}: ${inline(run.finding)}`, '', fenced(run.command, 'sh'), ''];
  }
  const facts = [
    `- Test: ${code(run.testId)} (${inline(run.component)})`,
    `- Exit code: ${run.exitCode ?? (run.state === 'interrupted' ? 'none (interrupted)' : 'none')}`,
    `- Duration: ${formatDuration(run.durationMs)}`,
    `- Finding: ${inline(run.finding)}`,
  ];
  if (run.originalOutcome) facts.push(`- Outcome set by the user (the rules said ${run.originalOutcome})${run.overrideReason ? `: ${inline(run.overrideReason)}` : ''}`);
  if (run.state === 'interrupted') facts.push('- The run was interrupted before it finished.');
  const out = [heading, '', fenced(run.command, 'sh'), '', ...facts];
  if (run.notes.length > 0) out.push(...run.notes.map((note) => `- Note: ${inline(note)}`));
  out.push('');
  if (run.output !== '') {
    const label = run.outputTrimmed ? `Output (last lines of ${run.outputLines})` : 'Output';
    out.push('<details>', `<summary>${label}</summary>`, '', fenced(run.output, 'text'), '');
    if (run.outputTrimmed && run.spillFile) out.push(`Full output: ${code(run.spillFile)}`, '');
    out.push('</details>', '');
  }
  return out;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
