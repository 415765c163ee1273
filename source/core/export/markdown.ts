import type { Report, ReportHypothesis, ReportRun } from './report-schema.js';
import { blockReasonLabel, formatDuration, formatWindow, outcomeSymbol, verdictLabel } from './labels.js';

/** A fence longer than any backtick run inside, so output can never close it early. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Text safe inside a Markdown table cell or a line of prose: markup characters are escaped. */
export function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>#|&~])/g, '\\$1')
    .trim();
}

/** A code span that holds any text, pipes included (GFM tables split cells on unescaped pipes). */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

/** GitHub- and GitLab-flavoured Markdown. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${inline(report.title)}`, ''];
  if (report.practice) out.push(`> **PRACTICE** session on scenario ${code(report.practice)}: not a real cluster.`, '');
  out.push(
    '| | |',
    '|---|---|',
    `| Context | ${report.context ? code(report.context) : 'none (no cluster)'} |`,
    `| Namespaces | ${report.namespaces.map(code).join(', ') || '—'} |`,
    `| Time window | ${formatWindow(report.startedAt, report.endedAt)} |`,
    `| Session | ${code(report.sessionId)} |`,
    `| hunch | ${inline(report.hunchVersion)}, catalogue ${code(report.catalogVersion)} |`,
    `| Secrets | ${report.redacted ? 'redacted' : '**not redacted** (local copy only)'} |`,
    '',
  );
  out.push(...renderSummary(report));
  report.hypotheses.forEach((h, i) => out.push(...renderHypothesis(h, i + 1)));
  if (report.forSre.length > 0) {
    out.push('## For the SRE to run', '', 'These tests could not run in this session. Each command is exactly what hunch would have run.', '');
    for (const b of report.forSre) out.push(`- **${inline(b.title)}** (${code(b.testId)}), ${blockReasonLabel(b.reason)}: ${inline(b.detail)}`, '', indent(fenced(b.command, 'sh')), '');
  }
  if (report.nextSteps.length > 0) {
    out.push('## Suggested next steps', '');
    for (const s of report.nextSteps) {
      out.push(`- **${inline(s.title)}** (${code(s.testId)}), after the anomaly in “${inline(s.after)}”`);
      if (s.command) out.push('', indent(fenced(s.command, 'sh')));
      else out.push(`  (a script: ${code(`hunch show ${s.testId}`)} prints it, ${code(`hunch run ${s.testId}`)} runs it)`);
      out.push('');
    }
  }
  if (report.reproduce.length > 0) {
    const lines = report.reproduce.flatMap((r) => [`# ${r.testId}`, r.command]);
    out.push('## Appendix: commands to reproduce', '', fenced(lines.join('\n'), 'sh'), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function renderSummary(report: Report): string[] {
  const { summary } = report;
  const out = ['## Summary', '', `**Problem as first stated:** ${inline(summary.problem) || '—'}`, ''];
  out.push('| # | Hypothesis | Verdict | Tests | Conclusion |', '|---|---|---|---|---|');
  summary.hypotheses.forEach((h, i) => out.push(`| ${i + 1} | ${inline(h.text)} | ${verdictLabel(h.status)} | ${h.tests} | ${inline(h.conclusion ?? '')} |`));
  out.push('', '**Anomalies found**', '');
  if (summary.anomalies.length === 0) out.push('- none');
  else out.push(...summary.anomalies.map((a) => `- **${inline(a.title)}** (${code(a.testId)}): ${inline(a.finding)}`));
  out.push('', '**Ruled out**', '');
  if (summary.ruledOut.length === 0) out.push('- no hypothesis was refuted');
  else out.push(...summary.ruledOut.map((r) => `- ${inline(r.text)}${r.conclusion ? `: ${inline(r.conclusion)}` : ''}`));
  if (summary.healthy.length > 0) {
    out.push('', '**Checked and healthy**', '', ...summary.healthy.map((c) => `- ${inline(c.title)} (${code(c.testId)}): ${inline(c.finding)}`));
  }
  if (summary.interrupted > 0) out.push('', `${summary.interrupted} run${summary.interrupted === 1 ? ' was' : 's were'} interrupted before finishing (hunch stopped); see below.`);
  out.push('');
  return out;
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
  const heading = `### ${runLabel(run)} ${inline(run.title)} — ${run.state === 'interrupted' ? 'interrupted' : run.outcome}`;
  if (run.repeatOf) {
    const notes = run.notes.map((note) => `- Note: ${inline(note)}`);
    return [heading, '', `Same finding as an earlier run of ${code(run.testId)}, not repeated: ${inline(run.finding)}`, '', fenced(run.command, 'sh'), '', ...notes, ''];
  }
  const exit = run.exitCode ?? (run.state === 'interrupted' ? 'none (interrupted)' : 'none');
  const facts = [`- Test: ${code(run.testId)} (${inline(run.component)}) · exit code ${exit} · ${formatDuration(run.durationMs)}`, `- Finding: ${inline(run.finding)}`];
  if (run.originalOutcome) facts.push(`- Outcome set by the user (the rules said ${run.originalOutcome})${run.overrideReason ? `: ${inline(run.overrideReason)}` : ''}`);
  if (run.state === 'interrupted') facts.push('- The run was interrupted before it finished; the output below is what it printed until then.');
  facts.push(...run.notes.map((note) => `- Note: ${inline(note)}`));
  const out = [heading, '', fenced(run.command, 'sh'), '', ...facts, ''];
  if (run.output !== '') {
    const label = outputLabel(run);
    out.push('<details>', `<summary>${label}</summary>`, '', fenced(run.output, 'text'), '');
    if (run.fullOutput && run.outputTrimmed) out.push(`Full output: ${code(run.fullOutput)}`, '');
    out.push('</details>', '');
  }
  return out;
}

/** ⏹ for a run hunch never saw finish, the outcome's symbol otherwise. */
export function runLabel(run: ReportRun): string {
  return run.state === 'interrupted' ? '⏹' : outcomeSymbol(run.outcome);
}

/** "Output (last 40 of 1200 lines)": says how much of it the report shows. */
export function outputLabel(run: ReportRun): string {
  if (!run.outputTrimmed) return 'Output';
  const shown = run.output.split('\n').length;
  return shown < run.outputLines ? `Output (last ${shown} of ${run.outputLines} lines)` : 'Output (long lines cut)';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
