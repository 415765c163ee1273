import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../source/core/export/report-model.js';
import { fenced, renderMarkdown } from '../../../source/core/export/markdown.js';
import type { SessionEvent } from '../../../source/core/session/events.js';
import { replaySession } from '../../../source/core/session/reducer.js';

const at = '2026-11-28T10:00:00Z';
const events: SessionEvent[] = [
  { type: 'session-started', at, sessionId: 's1', hunchVersion: '0.1.0', catalogVersion: 'abc', context: 'prod', namespace: 'shop' },
  { type: 'hypothesis-stated', at, hypothesisId: 'h1', text: 'Postgres is down' },
  { type: 'run-started', at, runId: 'r1', hypothesisId: 'h1', testId: 'pod-not-running', title: 'Pods not running', component: 'pod', effect: 'read-only', command: 'kubectl get pods -n shop', argv: [], values: { namespace: 'shop' } },
  { type: 'run-finished', at, runId: 'r1', status: 'exited', exitCode: 0, durationMs: 40, outcome: 'anomaly', finding: 'db-0 not ready', stdout: 'text with ``` fence\nand token: abc123secret\n', stderr: '', truncated: false, totalLines: 2 },
  { type: 'verdict-set', at, hypothesisId: 'h1', verdict: 'confirmed', conclusion: 'db-0 crash-loops' },
  { type: 'test-blocked', at, hypothesisId: 'h1', testId: 'pg-connections', title: 'Connections', reason: 'access', detail: 'needs create pods/exec in shop', command: 'kubectl exec -n shop db-0 -- psql' },
];

describe('markdown report', () => {
  const markdown = renderMarkdown(buildReport(replaySession(events), { redact: true }));

  it('has the summary, the verdict, the anomaly and the SRE section', () => {
    expect(markdown).toContain('# Triage: Postgres is down');
    expect(markdown).toMatch(/\| 1 \| Postgres is down \| CONFIRMED \| db-0 crash-loops \|/);
    expect(markdown).toContain('**Pods not running** (`pod-not-running`): db-0 not ready');
    expect(markdown).toContain('## For the SRE to run');
  });

  it('keeps output fenced even when it contains a fence, and redacts secrets', () => {
    expect(markdown).toContain('````text\ntext with ``` fence');
    expect(markdown).not.toContain('abc123secret');
  });

  it('fences with more backticks than the content holds', () => {
    expect(fenced('a ```` b')).toMatch(/^`{5}\n/);
  });
});
