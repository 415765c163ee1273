import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import { expectDrawnFor, renderApp, VARIANTS, type HarnessOptions } from '../harness.js';

afterEach(() => cleanup());

const selectingPod: HarnessOptions = {
  hypothesis: { text: 'Other pods cannot reach the service', catalogHypothesis: 'service-unreachable-inside-cluster' },
  initial: { screen: { name: 'confirm', testId: 'netpol-selecting-pod' }, values: { 'netpol-selecting-pod': { namespace: 'data', pod: 'postgres-0' } } },
};

/** Output lines numbered from 1. */
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1} of the output`).join('\n') + '\n';

describe.each(VARIANTS)('the run screen at $name', (variant) => {
  it('streams output into a bounded pane with the lines hidden counted, then the outcome in words and symbol', async () => {
    const ui = await renderApp({ ...selectingPod, columns: variant.columns, env: variant.env, rows: 24 });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod (esc or ctrl+c stops it)');
    // The hints follow the screen's mode: while it runs, stop and full output
    await ui.waitFor(/esc\/ctrl\+c stop {2}f full output/);
    ui.runner.output(lines(60));
    const streaming = await ui.waitFor('line 60 of the output');
    expect(streaming).toMatch(/\d+ lines hidden \(f: full output\)/);
    expect(streaming).not.toContain('line 1 of the output\n');
    expect(ui.lines().length).toBeLessThanOrEqual(23);
    expectDrawnFor(ui, variant);
    ui.runner.finish({ outcome: 'anomaly', finding: '2 of 2 policies select postgres-0' });
    const finished = await ui.waitFor(/✖ ANOMALY {2}2 of 2 policies select postgres-0/);
    expect(finished).toMatch(/Suggested next after this anomaly/);
    expect(finished).toContain('NetworkPolicies let traffic in from another namespace');
    expectDrawnFor(ui, variant);
  });

  it('shows a stopped run as ⏹ STOPPED, never as the test failing', async () => {
    const ui = await renderApp({ ...selectingPod, columns: variant.columns, env: variant.env });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.output('started\n');
    await ui.waitFor('started');
    await ui.press('esc', /⏹ STOPPED {2}stopped by you before it finished/);
    expect(ui.runner.stopped).toBe(1);
    expectDrawnFor(ui, variant);
  });
});

describe('after a run', () => {
  it('opens the full output and scrolls it, while the run goes on', async () => {
    const ui = await renderApp({ ...selectingPod, rows: 20 });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.output(lines(100));
    await ui.waitFor('line 100 of the output');
    const full = await ui.press('f', /Full output: 100 lines so far/);
    expect(full).toMatch(/lines \d+–100 of 100/);
    await ui.press('pageup', (t: string) => !t.includes('line 100 of the output'));
    await ui.press('g', 'line 1 of the output');
    await ui.press('esc', 'running netpol-selecting-pod');
    ui.runner.finish({ outcome: 'healthy', finding: 'no policy selects it' });
    await ui.waitFor('✔ HEALTHY');
  });

  it('overrides the outcome with a chooser, adds a note, and follows the suggested tests with the values carried over', async () => {
    const ui = await renderApp({ ...selectingPod, columns: 100 });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.finish({ outcome: 'anomaly', finding: '2 of 2 policies select postgres-0' });
    await ui.waitFor('✖ ANOMALY');
    await ui.press('o', /Outcome \(←\/→, enter sets, esc keeps it\):.*\[✖ anomaly\]/);
    await ui.press('right', /\[✔ healthy\]/);
    await ui.press('enter', 'outcome set by you (the rules said anomaly)');
    expect(ui.session.state.runs[0]).toMatchObject({ outcome: 'healthy', originalOutcome: 'anomaly' });
    await ui.press('o', /\[✔ healthy\]/);
    await ui.press('left', /\[✖ anomaly\]/);
    await ui.press('enter', '✖ ANOMALY');
    await ui.press('a', 'what you noticed');
    await ui.type('both from the data team', 'both from the data team');
    await ui.press('enter');
    await vi.waitFor(() => expect(ui.session.state.runs[0]?.notes).toEqual(['both from the data team']));
    await ui.waitFor((t: string) => t.includes('note: both from the data team') && t.includes('n/⏎ next test'));
    await ui.press('x', 'NetworkPolicies let traffic in from another namespace  parameter 1 of 3');
    expect(ui.frame()).toMatch(/› data/);
    await ui.press('enter', /parameter 2 of 3[\s\S]*› postgres-0/);
  });
});
