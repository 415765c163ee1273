import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOnPath } from '../../source/core/tools.js';
import type { NewSessionEvent } from '../../source/core/session/events.js';
import { resumeSession } from '../../source/core/session/store.js';
import { hunch, ROOT } from '../helpers/cli.js';
import { kubectl, startPractice, type Practice } from '../helpers/practice.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The night shift's session on the practice scenario "postgres-blocked" (the app team says
 * Postgres is down; a network policy blocks it), driven through the built CLI with the real
 * kubectl, with verdicts and notes journaled the way the TUI does. The exported report must show
 * every element of DESIGN.md §6. WRITE_EXAMPLE_REPORT=1 also saves it as docs/example-report.md.
 */
describe.skipIf(!isOnPath('kubectl'))('a triage report from the practice scenario postgres-blocked', () => {
  let practice: Practice;
  let env: Record<string, string>;
  let sessionId = '';
  let markdown = '';
  let jira = '';
  let json: Record<string, unknown> = {};

  async function run(testId: string, params: Record<string, string>, extra: string[] = []): Promise<{ outcome: string; finding: string }> {
    const args = ['run', testId, ...Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]), '--json', ...extra];
    const result = await hunch(sessionId ? [...args, '--session', sessionId] : args, { env, timeoutMs: 60_000 });
    const parsed = JSON.parse(result.stdout) as { sessionId: string; outcome: string; finding: string };
    sessionId ||= parsed.sessionId;
    return parsed;
  }

  /** What the TUI journals when the user writes a note or decides a hypothesis. */
  function decide(events: NewSessionEvent[]): void {
    const resumed = resumeSession(sessionId, { redact: true, env });
    if (!resumed.ok) throw new Error(resumed.message);
    for (const event of events) resumed.recorder.record(event);
    resumed.recorder.close();
  }

  beforeAll(async () => {
    practice = await startPractice('postgres-blocked');
    // What `hunch practice <scenario> --serve` sets up: the practice kubeconfig, and the scenario's name.
    env = { ...practice.env, HUNCH_HOME: tempDir({}, 'hunch-practice-report-'), HUNCH_PRACTICE_SCENARIO: 'postgres-blocked' };
    const apiPod = (await kubectl(practice, ['get', 'pods', '-n', 'shop', '-l', 'app=api', '-o', 'name'])).stdout.split('\n')[0]?.replace('pod/', '') ?? '';

    // Hypothesis 1, the problem as the app team stated it.
    expect(await run('pod-not-running', { namespace: 'data' }, ['--hypothesis', 'Postgres is down'])).toMatchObject({ outcome: 'healthy' });
    await run('statefulset-ready-replicas', { namespace: 'data', statefulset: 'postgres' });
    await run('service-endpoints-ready', { namespace: 'data', service: 'postgres' });
    decide([
      { type: 'note-added', hypothesisId: 'h1', text: 'postgres-0 answers from inside its own pod; nobody restarted it' },
      { type: 'verdict-set', hypothesisId: 'h1', verdict: 'refuted', conclusion: 'Postgres is up: its pod is ready and its service has an endpoint' },
    ]);

    // Hypothesis 2: the API cannot reach it.
    expect(await run('events-logs-by-label', { namespace: 'shop', selector: 'app=api' }, ['--hypothesis', 'The API cannot reach Postgres'])).toMatchObject({ outcome: 'anomaly' });
    await run('netpol-default-deny', { namespace: 'data' });
    // Checked again after reading the policies: the same reading must not appear twice.
    await run('netpol-default-deny', { namespace: 'data' });
    expect(await run('netpol-ingress-from-namespace', { namespace: 'data', pod: 'postgres-0', source_namespace: 'shop' })).toMatchObject({ outcome: 'anomaly' });
    await run('helm-release-status', { namespace: 'data', release: 'postgres' });
    decide([
      { type: 'note-added', hypothesisId: 'h2', text: `the policy was copied from the payments cluster two hours ago (see its annotation); api pod checked: ${apiPod}` },
      { type: 'verdict-set', hypothesisId: 'h2', verdict: 'confirmed', conclusion: 'data/postgres-ingress admits only team=payments namespaces, so connections from shop are dropped' },
    ]);

    // Hypothesis 3, ruled out on the way.
    await run('dns-coredns-pods-ready', {}, ['--hypothesis', 'DNS is broken']);
    decide([{ type: 'verdict-set', hypothesisId: 'h3', verdict: 'refuted', conclusion: 'CoreDNS is running and ready' }]);

    const exported = async (format: string) => (await hunch(['export', sessionId, '--format', format, '--output-lines', '6'], { env })).stdout;
    markdown = await exported('md');
    jira = await exported('jira');
    json = JSON.parse(await exported('json')) as Record<string, unknown>;
    if (process.env.WRITE_EXAMPLE_REPORT) writeFileSync(join(ROOT, 'docs', 'example-report.md'), markdown);
  }, 240_000);

  afterAll(async () => {
    await practice?.stop();
  });

  it('title; context, namespaces, time window, hunch and catalogue version; the PRACTICE banner', () => {
    expect(markdown).toMatch(/^# Triage: Postgres is down\n\n> \*\*PRACTICE\*\* session on scenario `postgres-blocked`/);
    expect(markdown).toContain(`| Context | \`${practice.context}\` |`);
    expect(markdown).toMatch(/\| Namespaces \| .*`data`.*`shop`.* \|/);
    expect(markdown).toMatch(/\| Time window \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC → \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(.+\) \|/);
    expect(markdown).toMatch(/\| hunch \| \d+\.\d+\.\d+, catalogue `[0-9a-f]+` \|/);
  });

  it('a summary: the problem as first stated, hypotheses with verdicts, the anomalies, what was ruled out', () => {
    const tables = new Lexer().lex(markdown).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables[1]?.rows.map((row) => [row[1]?.text, row[2]?.text])).toEqual([
      ['Postgres is down', 'REFUTED'],
      ['The API cannot reach Postgres', 'CONFIRMED'],
      ['DNS is broken', 'REFUTED'],
    ]);
    expect(markdown).toContain('**Problem as first stated:** Postgres is down');
    expect(markdown).toMatch(/\*\*Anomalies found\*\*\n\n- \*\*.+\*\* \(`events-logs-by-label`\): .*i\/o timeout/);
    expect(markdown).toMatch(/- \*\*.+\*\* \(`netpol-ingress-from-namespace`\): .*none admits namespace shop/);
    expect(markdown).toMatch(/\*\*Ruled out\*\*\n\n- Postgres is down: Postgres is up.*\n- DNS is broken: CoreDNS is running and ready/);
  });

  it('per hypothesis, each test with the command as run, exit code, duration, outcome, finding, notes and trimmed output', () => {
    expect(markdown).toContain('## 2. The API cannot reach Postgres — CONFIRMED');
    expect(markdown).toContain(`kubectl --context=${practice.context}`);
    expect(markdown).toMatch(/- Test: `netpol-ingress-from-namespace` \(networkpolicy\) · exit code 0 · [\d.]+ m?s\n- Finding: /);
    expect(markdown).toContain('> the policy was copied from the payments cluster two hours ago');
    expect(markdown).toMatch(/<summary>Output \(last 6 of \d+ lines\)<\/summary>/);
    expect(markdown).toMatch(/Full output: `[^`]+\.log`/);
  });

  it('identical findings are not repeated', () => {
    expect(markdown).toMatch(/Same finding as an earlier run of `netpol-default-deny`, not repeated/);
    expect(markdown.match(/\(`netpol-default-deny`\): /g)).toHaveLength(1);
  });

  it('the tests the user could not run, for the SRE, with the exact command', () => {
    expect(markdown).toMatch(/## For the SRE to run\n\n.*\n\n- \*\*.+\*\* \(`helm-release-status`\), tool missing: needs helm, which is not installed here\n\n {2}```sh\n {2}helm --kube-context=hunch-practice .*postgres/);
  });

  it("suggested next steps from the catalogue's next, and an appendix of commands to reproduce", () => {
    const nextSteps = markdown.slice(markdown.indexOf('## Suggested next steps'), markdown.indexOf('## Appendix'));
    expect(nextSteps).toMatch(/^- \*\*.+\*\* \(`netpol-namespace-selectors-match`\), after the anomaly in “NetworkPolicies let traffic in from another namespace”/m);
    expect(nextSteps).not.toContain('netpol-ingress-from-namespace`)');
    const appendix = markdown.slice(markdown.indexOf('## Appendix: commands to reproduce'));
    expect(appendix.match(/^# [a-z0-9-]+$/gm)).toEqual([
      '# pod-not-running',
      '# statefulset-ready-replicas',
      '# service-endpoints-ready',
      '# events-logs-by-label',
      '# netpol-default-deny',
      '# netpol-ingress-from-namespace',
      '# dns-coredns-pods-ready',
    ]);
  });

  it('the same report in Jira markup and JSON', () => {
    expect(jira).toMatch(/^h1\. Triage: Postgres is down\n/);
    expect(jira).toContain('h2. For the SRE to run');
    expect(json).toMatchObject({ schema: 'hunch-report/1', practice: 'postgres-blocked', redacted: true });
    expect((json.summary as { ruledOut: unknown[] }).ruledOut).toHaveLength(2);
    expect(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8')).toContain('hunch-report/1');
  });
});
