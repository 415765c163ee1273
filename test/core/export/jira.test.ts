import { describe, expect, it } from 'vitest';
import { jiraNoformat, jiraText, renderJira } from '../../../source/core/export/jira.js';
import { buildReport } from '../../../source/core/export/report-model.js';
import { FIELD_LIMITS, renderReportWithin } from '../../../source/core/export/render.js';
import { HOSTILE_OUTPUT, sampleSession } from './sample-session.js';

/** The blocks of a Jira text: what sits between an opening and a closing {noformat} line. */
function noformatBlocks(text: string): string[] {
  const blocks: string[] = [];
  let open: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line === '{noformat}') {
      if (open) blocks.push(open.join('\n'));
      open = open ? undefined : [];
    } else open?.push(line);
  }
  expect(open, 'every {noformat} is closed').toBeUndefined();
  return blocks;
}

describe('jira report', () => {
  const report = buildReport(sampleSession(), { redact: true, outputLimits: { lines: 100, lineChars: 5000 } });
  const jira = renderJira(report);

  it('has the same outline as the Markdown report', () => {
    expect(jira.split('\n').filter((l) => /^h[1-3]\. /.test(l))).toEqual([
      'h1. Triage: Postgres \\| is <b>down</b> `for` \\# everyone',
      'h2. Summary',
      'h2. 1. Postgres \\| is <b>down</b> `for` \\# everyone: CONFIRMED',
      'h3. ✖ Pods not running: anomaly',
      'h3. ✖ Pods not running: anomaly',
      'h3. ! Connections near max\\_connections: error',
      'h2. 2. DNS is broken: REFUTED',
      'h3. ✔ Service name resolves: healthy',
      'h3. ⏹ Slow lookups: interrupted',
      'h2. For the SRE to run',
      'h2. Appendix: commands to reproduce',
    ]);
  });

  it('keeps output that contains {noformat} inside one block', () => {
    const blocks = noformatBlocks(jira);
    expect(blocks[0]).toBe(HOSTILE_OUTPUT.replace('{noformat}', '{ noformat}'));
  });

  it('escapes markup in text so a table row keeps its cells', () => {
    const row = jira.split('\n').find((l) => l.startsWith('|1|'));
    expect(row?.split(/(?<!\\)\|/).filter(Boolean)).toHaveLength(5);
    expect(jiraText('a|b *c* {d}')).toBe('a\\|b \\*c\\* \\{d\\}');
    expect(jiraNoformat('x{noformat}y')).toBe('{noformat}\nx{ noformat}y\n{noformat}');
  });

  it('fits the 32,767 characters of a Jira field by shortening outputs first', () => {
    const big = buildReport(sampleSession(), { redact: true, outputLimits: { lines: 400, lineChars: 5000, totalChars: 200_000 } });
    big.hypotheses[0]?.runs[0] && (big.hypotheses[0].runs[0].output = Array.from({ length: 400 }, (_, i) => `line ${i} ${'y'.repeat(120)}`).join('\n'));
    expect(renderJira(big).length).toBeGreaterThan(FIELD_LIMITS.jira);
    const fitted = renderReportWithin(big, 'jira', FIELD_LIMITS.jira);
    expect(fitted.shortened).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(FIELD_LIMITS.jira);
    expect(fitted.text).toContain('line 399');
    noformatBlocks(fitted.text);
  });
});
