import type { SessionEvent } from '../../../source/core/session/events.js';
import { replaySession, type SessionState } from '../../../source/core/session/reducer.js';

const at = (minute: number) => `2026-11-28T02:${String(minute).padStart(2, '0')}:00.000Z`;

/** Output that tries every way out of a code block: fences of every length, HTML, table rows. */
export const HOSTILE_OUTPUT = [
  'db-0   0/1   CrashLoopBackOff   14',
  '```',
  '# not a heading',
  '````sh',
  '</details>',
  '<script>alert(1)</script>',
  '| not | a | table |',
  '---',
  '{noformat}',
  '{code}',
  `${'x'.repeat(3000)}`,
  '```',
].join('\n');

const run = (n: number, hypothesisId: string, testId: string, title: string, command: string) =>
  ({ type: 'run-started', at: at(n), runId: `r${n}`, hypothesisId, testId, title, component: testId.split('-')[0] ?? 'pod', effect: 'read-only', command, argv: command.split(' '), values: { namespace: 'shop' }, namespace: 'shop' }) as const;

const finished = (n: number, outcome: 'anomaly' | 'healthy' | 'error' | 'inconclusive', finding: string, stdout: string, extra: Partial<{ stderr: string; exitCode: number; status: 'exited' | 'spawn-error' }> = {}) =>
  ({ type: 'run-finished', at: at(n + 1), runId: `r${n}`, status: extra.status ?? 'exited', exitCode: extra.exitCode ?? 0, durationMs: 1500 + n, outcome, finding, stdout, stderr: extra.stderr ?? '', truncated: false, totalLines: stdout.split('\n').length }) as const;

/** A night's session: two hypotheses, a repeated finding, a forbidden test, a blocked one, notes and an interrupted run. */
export function sampleEvents(): SessionEvent[] {
  return [
    { type: 'session-started', at: at(0), sessionId: '20261128-020000-ab12', hunchVersion: '0.1.0', catalogVersion: 'c0ffee12', context: 'kind-shop', namespace: 'shop', format: 1 },
    { type: 'hypothesis-stated', at: at(1), hypothesisId: 'h1', text: 'Postgres | is <b>down</b> `for` # everyone' },
    run(2, 'h1', 'pod-not-running', 'Pods not running', 'kubectl --context=kind-shop get pods -n shop'),
    finished(2, 'anomaly', 'db-0 is in CrashLoopBackOff', HOSTILE_OUTPUT),
    run(4, 'h1', 'pod-not-running', 'Pods not running', 'kubectl --context=kind-shop get pods -n shop'),
    finished(4, 'anomaly', 'db-0 is in CrashLoopBackOff', 'db-0 0/1 CrashLoopBackOff 15\n'),
    { type: 'note-added', at: at(6), hypothesisId: 'h1', runId: 'r4', text: 'restarts keep climbing\n## fake heading <img src=x>' },
    run(7, 'h1', 'postgres-connections', 'Connections near max_connections', 'kubectl --context=kind-shop exec -n shop db-0 -- psql -c "select count(*) from pg_stat_activity"'),
    finished(7, 'error', 'the command failed', '', { exitCode: 1, stderr: 'Error from server (Forbidden): pods "db-0" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "shop"\n' }),
    { type: 'test-blocked', at: at(9), hypothesisId: 'h1', testId: 'redis-memory', title: 'Redis memory', reason: 'tool', detail: 'needs redis-cli, which is not installed here', command: 'redis-cli -h redis.shop.svc INFO memory' },
    { type: 'verdict-set', at: at(10), hypothesisId: 'h1', verdict: 'confirmed', conclusion: 'db-0 crash-loops: its data volume is full' },
    { type: 'note-added', at: at(10), hypothesisId: 'h1', text: 'the volume was resized last week' },
    { type: 'hypothesis-stated', at: at(11), hypothesisId: 'h2', text: 'DNS is broken' },
    run(12, 'h2', 'dns-resolve-service', 'Service name resolves', 'kubectl --context=kind-shop run dns-probe --image=busybox -- nslookup db.shop.svc'),
    finished(12, 'healthy', 'db.shop.svc resolves to 10.96.4.2', 'Name: db.shop.svc\nAddress: 10.96.4.2\n'),
    { type: 'verdict-set', at: at(14), hypothesisId: 'h2', verdict: 'refuted', conclusion: 'names resolve' },
    run(15, 'h2', 'dns-slow', 'Slow lookups', 'kubectl --context=kind-shop logs -n kube-system deploy/coredns'),
    { type: 'output', at: at(16), runId: 'r15', stream: 'stdout', text: '[INFO] plugin/reload: Running configuration\n' },
    { type: 'run-interrupted', at: at(20), runId: 'r15', reason: 'hunch stopped before the run finished' },
    { type: 'session-exported', at: at(30), format: 'md', path: '/tmp/x.md' },
  ];
}

export function sampleSession(): SessionState {
  return replaySession(sampleEvents());
}
