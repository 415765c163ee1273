import { describe, expect, it } from 'vitest';
import { buildReport, type TestLookup } from '../../../source/core/export/report-model.js';
import { sampleSession } from './sample-session.js';

const lookup: TestLookup = (id) =>
  ({
    'pod-not-running': { title: 'Pods not running', next: ['pvc-usage', 'postgres-connections'], command: 'kubectl get pods -n <namespace>' },
    'pvc-usage': { title: 'Volume usage', next: [], command: 'kubectl exec -n <namespace> <pod> -- df -h' },
    'postgres-connections': { title: 'Connections', next: [] },
  })[id];

describe('report model', () => {
  const report = buildReport(sampleSession(), { redact: true, lookup });

  it('summarises the problem as first stated, the verdicts, the anomalies once, what was ruled out and what was healthy', () => {
    expect(report.summary.problem).toBe('Postgres | is <b>down</b> `for` # everyone');
    expect(report.summary.hypotheses.map((h) => [h.status, h.tests])).toEqual([['confirmed', 3], ['refuted', 2]]);
    expect(report.summary.anomalies.map((a) => [a.testId, a.finding])).toEqual([['pod-not-running', 'db-0 is in CrashLoopBackOff']]);
    expect(report.summary.ruledOut).toEqual([{ hypothesisId: 'h2', text: 'DNS is broken', conclusion: 'names resolve' }]);
    expect(report.summary.healthy.map((c) => c.testId)).toEqual(['dns-resolve-service']);
    expect(report.summary.interrupted).toBe(1);
  });

  it('does not repeat an identical finding: the second run points at the first', () => {
    const [first, second] = report.hypotheses[0]?.runs ?? [];
    expect(first?.repeatOf).toBeUndefined();
    expect(second?.repeatOf).toBe(first?.runId);
    expect(second?.notes).toEqual(['restarts keep climbing\n## fake heading <img src=x>']);
  });

  it('hands the SRE the blocked test and the run that was forbidden, with their exact commands', () => {
    expect(report.forSre.map((b) => [b.testId, b.reason])).toEqual([['redis-memory', 'tool'], ['postgres-connections', 'access']]);
    expect(report.forSre[1]?.detail).toContain('cannot create resource "pods/exec"');
    expect(report.forSre[1]?.command).toContain('exec -n shop db-0 -- psql');
  });

  it("suggests the catalogue's next tests after an anomaly, minus those already run", () => {
    expect(report.nextSteps).toEqual([{ testId: 'pvc-usage', title: 'Volume usage', after: 'Pods not running', command: 'kubectl exec -n <namespace> <pod> -- df -h' }]);
  });

  it('lists each distinct command once to reproduce, and the window ends at the last work, not the export', () => {
    expect(report.reproduce.map((r) => r.testId)).toEqual(['pod-not-running', 'postgres-connections', 'dns-resolve-service', 'dns-slow']);
    expect(report.endedAt).toBe('2026-11-28T02:20:00.000Z');
  });

  it('keeps the interrupted run with what it printed and no exit code', () => {
    const interrupted = report.hypotheses[1]?.runs[1];
    expect(interrupted).toMatchObject({ state: 'interrupted', exitCode: null, outcome: 'error', output: '[INFO] plugin/reload: Running configuration' });
  });

  it('trims long output to its end and caps long lines, saying so', () => {
    const first = report.hypotheses[0]?.runs[0];
    expect(first?.outputTrimmed).toBe(true);
    expect(first?.output).toContain('… (2600 more characters)');
    const short = buildReport(sampleSession(), { redact: true, outputLines: 2 }).hypotheses[0]?.runs[0];
    expect(short?.output.split('\n')).toHaveLength(2);
  });
});

describe('output trimming', () => {
  it('keeps no output at all when asked for 0 lines, and says it was trimmed', async () => {
    const { trimOutput } = await import('../../../source/core/export/trim-output.js');
    expect(trimOutput('a\nb\n', '', { lines: 0, lineChars: 10, totalChars: 100 })).toEqual({ text: '', lines: 2, trimmed: true });
    expect(trimOutput('a\nb\n', 'oops\n', { lines: 3, lineChars: 20, totalChars: 100 })).toEqual({ text: 'b\n--- stderr ---\noops', lines: 4, trimmed: true });
  });
});

describe('repeated findings', () => {
  it('are the same when only the timestamps inside them differ', async () => {
    const { findingKey } = await import('../../../source/core/export/report-model.js');
    expect(findingKey('3 errors: 2026-11-28T18:07:23Z dial tcp timeout')).toBe(findingKey('3 errors: 2026-11-28T18:07:25.120Z dial tcp timeout'));
    expect(findingKey('3 errors: 2026-11-28T18:07:23Z dial tcp timeout')).not.toBe(findingKey('4 errors: 2026-11-28T18:07:23Z dial tcp timeout'));
  });
});
