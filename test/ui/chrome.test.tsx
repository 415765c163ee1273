import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { SessionRecorder } from '../../source/core/session/store.js';
import { themeFor } from '../../source/ui/theme.js';
import { renderApp } from './harness.js';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

/** Journals one finished run of hypothesis h1. */
function ran(session: SessionRecorder, runId: string, command: string, outcome: 'healthy' | 'anomaly', status: 'exited' | 'cancelled' = 'exited') {
  session.record({ type: 'run-started', runId, hypothesisId: 'h1', testId: 'pod-not-running', title: 'Pods', component: 'pod', effect: 'read-only', command, argv: command.split(' '), values: {} });
  session.record({ type: 'run-finished', runId, status, exitCode: 0, durationMs: 1234, outcome, finding: 'f', stdout: '', stderr: '', truncated: false, totalLines: 0 });
}

describe('the chrome around every screen', () => {
  it('status line: context, namespace, PRACTICE, and the current hypothesis with its state in words', async () => {
    const ui = await renderApp({
      columns: 100,
      hypothesis: { text: 'Postgres is down' },
      services: { cluster: { context: 'test-ctx', namespace: 'shop', production: false, practice: 'postgres-blocked' } },
    });
    const frame = await ui.waitFor('What do you think is wrong?');
    expect(ui.lines()[0]).toMatch(/^hunch {2}ctx test-ctx {2}ns shop {2}\[?\s?PRACTICE\s?\]? {2}OPEN Postgres is down$/);
    expect(frame).not.toContain('PRODUCTION');
  });

  it('hints bar from the keys the view binds, and ? opens the help from the same table; esc closes it', async () => {
    const ui = await renderApp({ columns: 120, hypothesis: { text: 'Postgres is down', catalogHypothesis: 'postgres-down' }, initial: { screen: { name: 'tests' } } });
    await ui.waitFor('tests for this hypothesis');
    expect(ui.lines()[1]).toMatch(/^⏎ run {2}space select {2}\/ filter {2}d details {2}v verdict {2}esc back {2}\? help$/);
    const help = await ui.press('?', 'Keys here');
    // Every binding of the tests table, the unhinted ones too
    for (const line of [/g\s+first test/, /G\s+last test/, /pageup\s+one page up/, /ctrl\+c\s+stop the running test/]) expect(help).toMatch(line);
    await ui.press('esc', (t: string) => !t.includes('Keys here') && t.includes('tests for this hypothesis'));
  });

  it('ctrl+c when idle quits at once without results to lose', async () => {
    const ui = await renderApp();
    await ui.waitFor('What do you think is wrong?');
    await ui.press('ctrl+c');
    await vi.waitFor(() => expect(ui.exitedWith()).toBeDefined());
  });

  it('ctrl+c when idle with unexported results asks once more, the second quits', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, setup: (s) => ran(s, 'r1', 'kubectl get pods -n shop', 'healthy') });
    await ui.waitFor('What do you think is wrong?');
    await ui.press('ctrl+c', 'results are not exported: ctrl+c again quits anyway');
    expect(ui.exitedWith()).toBeUndefined();
    await ui.press('ctrl+c');
    await vi.waitFor(() => expect(ui.exitedWith()).toBeDefined());
  });

  it('the message line clears itself after a few seconds', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, setup: (s) => ran(s, 'r1', 'kubectl get pods -n shop', 'healthy') });
    await ui.waitFor('What do you think is wrong?');
    // The clock is the test's from here: the message's timer is created after this.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await ui.press('ctrl+c');
    for (let i = 0; i < 50 && !ui.frame().includes('results are not exported'); i++) await vi.advanceTimersByTimeAsync(20);
    expect(ui.frame()).toContain('results are not exported');
    await vi.advanceTimersByTimeAsync(7000);
    vi.useRealTimers();
    await ui.waitFor((t: string) => !t.includes('results are not exported'));
  });

  it('finished runs collapse to one line each in the scrollback: symbol, outcome, duration, command', async () => {
    const ui = await renderApp({
      columns: 80,
      hypothesis: { text: 'Postgres is down' },
      setup: (s) => {
        ran(s, 'r1', 'kubectl get pods -n shop', 'healthy');
        ran(s, 'r2', 'kubectl logs -n shop api-0 --tail=200', 'anomaly', 'cancelled');
      },
    });
    await ui.waitFor('What do you think is wrong?');
    const [first, second] = ui.lines();
    expect(first).toMatch(/^✔ healthy {5}1\.2 s {4}kubectl get pods -n shop$/);
    expect(second).toMatch(/^⏹ stopped {5}1\.2 s {4}kubectl logs -n shop api-0 --tail=200$/);
    expect(ui.lines()[2]).toMatch(/^hunch {2}ctx /);
  });

  it('shrinks in steps as the terminal gets smaller, and below the minimum says so in one line', async () => {
    const ui = await renderApp({ columns: 80, rows: 30 });
    await ui.waitFor('What do you think is wrong?');
    expect(ui.lines()[1]).toMatch(/\? help$/);
    expect(ui.lines()[2]).toBe('');
    await ui.resize(80, 16);
    await ui.waitFor((t: string) => t.split('\n')[2] !== '' && t.includes('? help'));
    await ui.resize(80, 12);
    await ui.waitFor((t: string) => !t.includes('? help') && t.includes('What do you think is wrong?'));
    expect(ui.lines().length).toBeLessThan(12);
    await ui.resize(39, 12);
    const small = await ui.waitFor('terminal too small');
    // One line, whole at the width just below the minimum, and cut (never wrapped) below that
    expect(small.trim()).toBe('terminal too small: 39x12, needs 40x10');
    await ui.resize(20, 12);
    const tiny = await ui.waitFor('terminal too sm');
    expect(tiny.trim().split('\n')).toHaveLength(1);
    await ui.resize(80, 30);
    await ui.waitFor('What do you think is wrong?');
  });

  it('--param presets fill the parameter of that name in every test', async () => {
    const ui = await renderApp({
      hypothesis: { text: 'pods crash', catalogHypothesis: undefined },
      initial: { screen: { name: 'params', testId: 'pod-not-running' }, values: { '*': { namespace: 'payments' } } },
    });
    const frame = await ui.waitFor('parameter 1 of');
    expect(frame).toMatch(/› payments/);
    expect(frame).toMatch(/-n payments/);
  });
});

describe('the theme', () => {
  it('turns colour off for NO_COLOR, TERM=dumb and --no-color, and uses ASCII symbols outside a UTF-8 locale', () => {
    expect(themeFor({ LANG: 'en_US.UTF-8' })).toMatchObject({ color: true, unicode: true });
    expect(themeFor({ LANG: 'en_US.UTF-8', NO_COLOR: '1' }).color).toBe(false);
    expect(themeFor({ LANG: 'en_US.UTF-8', TERM: 'dumb' }).color).toBe(false);
    expect(themeFor({ LANG: 'en_US.UTF-8' }, { noColor: true }).color).toBe(false);
    const ascii = themeFor({ LANG: 'C' });
    expect(ascii.unicode).toBe(false);
    expect(Object.values(ascii.symbols).join('')).toMatch(/^[\x20-\x7e]+$/);
    // LC_ALL wins over LANG, as in libc
    expect(themeFor({ LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' }).unicode).toBe(false);
  });
});
