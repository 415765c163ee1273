import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { Outcome } from '../../../source/core/catalog/schema.js';
import type { SessionRecorder } from '../../../source/core/session/store.js';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

/** Journals a finished run of the first hypothesis. */
function ran(session: SessionRecorder, runId: string, title: string, outcome: Outcome, finding: string, status: 'exited' | 'cancelled' = 'exited') {
  session.record({ type: 'run-started', runId, hypothesisId: 'h1', testId: runId, title, component: 'postgres', effect: 'read-only', command: 'c', argv: ['c'], values: {} });
  session.record({ type: 'run-finished', runId, status, exitCode: 0, durationMs: 5, outcome, finding, stdout: '', stderr: '', truncated: false, totalLines: 0 });
}

describe.each(VARIANTS)('the verdict and what-next screens at $name', (variant) => {
  it('suggest a verdict from the evidence, record the one the user picks with one line, then offer what next', async () => {
    const ui = await renderApp({
      columns: variant.columns,
      env: variant.env,
      hypothesis: { text: 'Postgres is down' },
      initial: { screen: { name: 'verdict' } },
      setup: (session) => {
        ran(session, 'r1', 'PostgreSQL accepts a connection', 'healthy', 'connected to postgres');
        ran(session, 'r2', 'PostgreSQL connections', 'error', 'stopped', 'cancelled');
      },
    });
    const frame = await ui.waitFor('Verdict on: Postgres is down');
    expect(frame).toMatch(/✔ healthy\s+PostgreSQL accepts a connection/);
    expect(frame).toMatch(/⏹ stopped\s+PostgreSQL connections/);
    expect(frame.replace(/\s+/g, ' ')).toMatch(/The evidence suggests: REFUTED \(every test came back healthy\)/);
    expect(frame).toMatch(/\[REFUTED\]/);
    expectDrawnFor(ui, variant);
    await ui.press('enter', 'write one line of conclusion first');
    await ui.press('left', /\[CONFIRMED\]/);
    await ui.type('answers in its pod', 'answers in its pod');
    await ui.press('enter', 'What next?');
    expect(ui.session.state.hypotheses[0]).toMatchObject({ status: 'confirmed', conclusion: 'answers in its pod' });
    const next = ui.frame();
    expect(next).toMatch(/CONFIRMED {2}Postgres is down/);
    expect(next).toMatch(/h {2}it's something else/);
    expectDrawnFor(ui, variant);
  });
});

describe('what next', () => {
  it('h starts another hypothesis, t goes back to the tests, x to the export', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'next' } } });
    await ui.waitFor('What next?');
    await ui.press('t', 'tests for this hypothesis');
    await ui.press('v', 'Verdict on');
    await ui.press('esc', 'tests for this hypothesis');
    await ui.press('esc', 'What do you think is wrong?');
    expect(ui.session.state.hypotheses).toHaveLength(1);
  });

  it('esc goes back to the tests of the hypothesis, never quits', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'next' } } });
    await ui.waitFor('What next?');
    expect(ui.frame()).toMatch(/t\/esc more tests/);
    await ui.press('esc', 'tests for this hypothesis');
    expect(ui.exitedWith()).toBeUndefined();
  });
});
