import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { AccessChecks } from '../../../source/ui/services.js';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

const postgresDown = { hypothesis: { text: 'Postgres is down', catalogHypothesis: 'postgres-down' }, initial: { screen: { name: 'tests' as const } } };

/** Access answered at once: pods/exec refused, everything else allowed. */
const access: AccessChecks = {
  subscribe: () => () => undefined,
  version: () => 1,
  mark: (test) => (test.target === 'pod' ? { state: 'denied', missing: 'create pods/exec in shop' } : { state: 'allowed' }),
  check: () => undefined,
};

describe.each(VARIANTS)('the tests screen at $name', (variant) => {
  it('lists the ranked tests with component, effect, access and here marks, clipped with a–b of M', async () => {
    const ui = await renderApp({ ...postgresDown, columns: variant.columns, env: variant.env, services: { access, detectedComponents: new Set(['postgres']) } });
    // The first test's row, its two lines joined, once it is drawn (the access marks may come a render after the list).
    const firstRow = (text: string) => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith('› ○ PostgreSQL accepts a connection'));
      return at > 0 ? lines.slice(at, at + 2).join(' ') : undefined;
    };
    const marked = /postgres\s+read-only\s+● here\s+no create pods\/exec/;
    const frame = await ui.waitFor((t: string) => t.includes('tests for this hypothesis') && marked.test(firstRow(t) ?? ''));
    expect(frame).toMatch(/\d+ tests for this hypothesis {2}1–\d+ of \d+/);
    // The catalogue hypothesis's own tests first, each with its marks in words
    expect(firstRow(frame)).toMatch(marked);
    expectDrawnFor(ui, variant);
  });

  it('shows what a test does and why in the detail pane, wrapped to the width', async () => {
    const ui = await renderApp({ ...postgresDown, columns: variant.columns, env: variant.env });
    await ui.waitFor('tests for this hypothesis');
    const frame = await ui.press('d', 'What it checks:');
    expect(frame).toContain('PostgreSQL accepts a connection (pg-can-connect)');
    expect(frame).toMatch(/postgres · read-only · runs inside a pod/);
    expect(frame).toContain('$ kubectl exec -n <namespace> <pod> -- psql');
    expect(frame).toContain('docs: https://www.postgresql.org/docs/current/app-psql.html');
    expectDrawnFor(ui, variant);
  });

  it('keeps long component names in their column, or gives each test two lines', async () => {
    const ui = await renderApp({ hypothesis: { text: 'ingress-nginx returns 502' }, initial: { screen: { name: 'tests' } }, columns: variant.columns, env: variant.env });
    const frame = await ui.waitFor('tests for this hypothesis');
    const row = frame.split('\n').findIndex((l) => l.startsWith('› ○ '));
    const drawn = frame.split('\n').slice(row, row + 2).join('\n');
    expect(drawn).toMatch(/ingress-nginx\s+read-only/);
    expectDrawnFor(ui, variant);
  });
});

describe('working the tests list', () => {
  it('builds a plan of several tests with space and runs them in order', async () => {
    const ui = await renderApp(postgresDown);
    await ui.waitFor('› ○ PostgreSQL accepts a connection');
    await ui.press('space', /› ◉ PostgreSQL accepts a connection/);
    await ui.press('down');
    await ui.press('space', 'plan: 2 selected');
    await ui.press('enter', 'PostgreSQL accepts a connection  parameter 1 of 7');
    expect(ui.frame()).not.toContain('plan: 2 selected');
  });

  it('filters the list with / as words are typed: only the tests that mention every word, in ranked order', async () => {
    const ui = await renderApp({ ...postgresDown, columns: 120 });
    await ui.waitFor('› ○ PostgreSQL accepts a connection');
    const count = (t: string) => Number(/(\d+) tests? for this hypothesis/.exec(t)?.[1]);
    const titles = (t: string) => t.split('\n').flatMap((line) => /^[› ] [○◉] (.+?)\s{2,}/.exec(line)?.[1] ?? []);
    const byTitle = new Map([...ui.services.catalog.testById.values()].map((test) => [test.title, test]));
    const mentions = (title: string, word: string) => JSON.stringify(byTitle.get(title)).toLowerCase().includes(word);
    const full = ui.frame();
    const unrelated = titles(full).filter((title) => !mentions(title, 'psql'));
    expect(unrelated.length).toBeGreaterThan(0);

    await ui.press('/', 'words a test must mention');
    const one = await ui.type('PSQL', '(filter: PSQL)');
    expect(count(one)).toBeGreaterThan(0);
    expect(count(one)).toBeLessThan(count(full));
    expect(titles(one).every((title) => mentions(title, 'psql'))).toBe(true);
    for (const title of unrelated) expect(titles(one)).not.toContain(title);
    // The first test mentioning the word keeps its place at the top.
    expect(titles(one)[0]).toBe(titles(full).find((title) => mentions(title, 'psql')));

    const two = await ui.type(' replica', '(filter: PSQL replica)');
    expect(count(two)).toBeLessThanOrEqual(count(one));
    expect(titles(two).every((title) => mentions(title, 'psql') && mentions(title, 'replica'))).toBe(true);

    const none = await ui.type('zzqx', 'mentions "psql" and "replicazzqx"');
    expect(none.replace(/\s+/g, ' ')).toContain('mentions "psql" and "replicazzqx". Esc drops the filter.');
    expect(count(none)).toBe(0);
    await ui.press('esc', (t: string) => !t.includes('(filter:') && count(t) === count(full));
  });

  it('keeps a filter with enter, drops it with esc, then esc goes back to the hypothesis', async () => {
    const ui = await renderApp(postgresDown);
    await ui.waitFor('› ○ PostgreSQL accepts a connection');
    await ui.press('/', 'words a test must mention');
    await ui.type('disk', '(filter: disk)');
    const kept = await ui.press('enter', (t: string) => t.includes('(filter: disk)') && !t.includes('words a test must mention'));
    expect(kept).toMatch(/› ○ .*(disk|volume|space)/i);
    // `/` again edits the kept filter.
    await ui.press('/', (t: string) => /\/ disk/.test(t));
    await ui.press('enter', (t: string) => !t.includes('words a test must mention'));
    await ui.press('esc', (t: string) => !t.includes('(filter:'));
    await ui.press('g', '› ○ PostgreSQL accepts a connection');
    await ui.press('G', (t: string) => !t.includes('› ○ PostgreSQL accepts a connection'));
    await ui.press('esc', 'What do you think is wrong?');
  });

  it('a hypothesis no test speaks to says what to try next', async () => {
    const ui = await renderApp({ hypothesis: { text: 'zzqxvw' }, initial: { screen: { name: 'tests' } }, columns: 60 });
    const empty = await ui.waitFor('No test matches.');
    expect(empty).toContain('0 tests for this hypothesis');
    expect(empty.replace(/\s+/g, ' ')).toMatch(/Try other words \(esc goes back\), a component name .* hunch catalog stats/);
    await ui.press('esc', 'What do you think is wrong?');
  });

  it('marks a run of the hypothesis with its outcome, and a stopped one with ⏹ stopped', async () => {
    const ui = await renderApp({
      ...postgresDown,
      columns: 120,
      setup: (session) => {
        const start = { type: 'run-started' as const, hypothesisId: 'h1', title: 't', component: 'postgres', effect: 'read-only' as const, command: 'c', argv: ['c'], values: {} };
        session.record({ ...start, runId: 'r1', testId: 'pg-can-connect' });
        session.record({ type: 'run-finished', runId: 'r1', status: 'exited', exitCode: 0, durationMs: 10, outcome: 'healthy', finding: 'ok', stdout: '', stderr: '', truncated: false, totalLines: 0 });
        session.record({ ...start, runId: 'r2', testId: 'pg-connections-usage' });
        session.record({ type: 'run-finished', runId: 'r2', status: 'cancelled', exitCode: null, durationMs: 10, outcome: 'error', finding: 'stopped', stdout: '', stderr: '', truncated: false, totalLines: 0 });
      },
    });
    const frame = await ui.waitFor('tests for this hypothesis');
    expect(frame).toMatch(/PostgreSQL accepts a connection .*✔ healthy/);
    expect(frame).toMatch(/PostgreSQL connections against max_connections .*⏹ stopped/);
  });
});
