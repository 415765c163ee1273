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

/** Lines 1–100, four of them saying "refused" in different cases, one with it past any terminal's right edge. */
const withRefusals = () =>
  Array.from({ length: 100 }, (_, i) => {
    const n = i + 1;
    const says: Record<number, string> = { 7: ': connection refused', 42: ': Connection Refused by peer', 77: ': CONNECTION REFUSED', 95: `: ${'x'.repeat(130)} refused late` };
    return `line ${n} of the output${says[n] ?? ''}`;
  }).join('\n') + '\n';

/** The first output line the full-output view draws (the one under "lines a–b of M"). */
const topLine = (lines: string[]) => (lines[lines.findIndex((l) => /^lines \d+–\d+ of \d+/.test(l)) + 1] ?? '').trimEnd();

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

  it('searches the full output with /: jumps to the first match from the top, marks it without colour too, n/N step and wrap, esc only closes the field', async () => {
    const ui = await renderApp({ ...selectingPod, columns: variant.columns, env: variant.env });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.output(withRefusals());
    await ui.waitFor('line 100 of the output');
    ui.runner.finish({ outcome: 'healthy', finding: 'no policy selects it' });
    await ui.waitFor('✔ HEALTHY');
    // Given the full output, scrolled to its first line, the hints name the search keys
    await ui.press('f', /Full output: 100 lines\b/);
    await ui.press('g', (t: string) => topLine(t.split('\n')) === 'line 1 of the output' && /\/ search {2}n next match/.test(t));
    // When / is pressed, a field opens on the last line and the hints are the field's
    await ui.press('/', (t: string) => t.includes('text to find (enter searches, esc cancels)') && /⏎ search {2}esc cancel/.test(t));
    await ui.type('Refused', '/Refused');
    // Then enter jumps to the first line at or after the top holding it, in any case
    await ui.press('enter', /match 1 of 4 for 'Refused'/);
    expect(topLine(ui.lines())).toMatch(/^line 7 of the output: connection \[?refused\]?$/);
    if ('NO_COLOR' in variant.env) expect(ui.frame()).toContain('connection [refused]');
    else expect(ui.rawFrame()).toMatch(/\u001b\[7m(?:\u001b\[[0-9;]*m)*refused/);
    expectDrawnFor(ui, variant);
    await ui.press('n', /match 2 of 4 for 'Refused'/);
    expect(topLine(ui.lines())).toMatch(/^line 42 of the output: Connection .?Refused.? by peer$/);
    // A match past the right edge is brought into sight
    await ui.press('n', /match 3 of 4/);
    const fourth = await ui.press('n', /match 4 of 4/);
    expect(fourth).toMatch(/^….*x \[?refused\]? late$/m);
    expectDrawnFor(ui, variant);
    await ui.press('n', /match 1 of 4 for 'Refused', wrapped around/);
    expect(topLine(ui.lines())).toMatch(/^line 7 of the output/);
    await ui.press('N', /match 4 of 4 for 'Refused', wrapped around/);
    await ui.press('N', /match 3 of 4 for 'Refused'  n\/N/);
    expect(topLine(ui.lines())).toMatch(/^line 77 of the output: CONNECTION .?REFUSED/);
    // A new search starts at the top line itself; the text is plain text, not a pattern
    await ui.press('/', 'text to find');
    await ui.type('connection.refused', '/connection.refused');
    await ui.press('enter', "no match for 'connection.refused'");
    expect(topLine(ui.lines())).toMatch(/^line 77 of the output/);
    await ui.press('/', 'text to find');
    await ui.type('connection refused', '/connection refused');
    await ui.press('enter', /match 3 of 3 for 'connection refused'/);
    expect(topLine(ui.lines())).toMatch(/^line 77 of the output/);
    // esc closes the field only: the full output and the last search stay
    await ui.press('/', 'text to find');
    await ui.type('zzz', '/zzz');
    await ui.press('esc', (t: string) => !t.includes('/zzz'));
    expect(ui.frame()).toMatch(/match 3 of 3 for 'connection refused'/);
    expect(ui.frame()).toContain('Full output: 100 lines');
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

  it('holds a scrolled-back full output still while lines keep coming, and follows them at the end', async () => {
    const ui = await renderApp({ ...selectingPod, rows: 20 });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    const from = (first: number, count: number) => Array.from({ length: count }, (_, i) => `line ${first + i} of the output`).join('\n') + '\n';
    ui.runner.output(from(1, 100));
    await ui.waitFor('line 100 of the output');
    await ui.press('f', /Full output: 100 lines so far/);
    await ui.press('pageup', (t: string) => !t.includes('line 100 of the output'));
    const paged = topLine(ui.lines());
    await ui.press('up', () => topLine(ui.lines()) !== paged);
    const reading = topLine(ui.lines());
    ui.runner.output(from(101, 50));
    await ui.waitFor(/Full output: 150 lines so far/);
    expect(topLine(ui.lines())).toBe(reading);
    expect(ui.frame()).not.toContain('line 150 of the output');
    // At the end, the view follows the output
    await ui.press('G', 'line 150 of the output');
    ui.runner.output(from(151, 5));
    await ui.waitFor('line 155 of the output');
    ui.runner.finish({ outcome: 'healthy', finding: 'no policy selects it' });
    await ui.waitFor(/Full output: 155 lines\b/);
  });

  it('searches only the tail the full output keeps, and says so', async () => {
    const ui = await renderApp({ ...selectingPod, columns: 100 });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.output(lines(2500));
    await ui.waitFor('line 2500 of the output');
    await ui.press('f', /Full output: 2500 lines so far, the last 2000 kept here/);
    // Line 10 is no longer kept: the search says where it looked
    await ui.press('/', 'text to find');
    await ui.type('LINE 10 OF', '/LINE 10 OF');
    await ui.press('enter', "no match for 'LINE 10 OF' in the last 2000 lines kept");
    await ui.press('n', "no match for 'LINE 10 OF' in the last 2000 lines kept");
    await ui.press('/', 'text to find');
    await ui.type('line 2400 of', '/line 2400 of');
    await ui.press('enter', "match 1 of 1 for 'line 2400 of' in the last 2000 lines kept");
    expect(topLine(ui.lines())).toBe('line 2400 of the output');
    // ? lists the search keys, from the same table
    const help = await ui.press('?', 'Keys here');
    expect(help).toContain('search the output for text');
    expect(help).toMatch(/N +the previous line with a match/);
    await ui.press('?', (t: string) => !t.includes('Keys here'));
    // ctrl+c in the search field still stops the run behind it
    await ui.press('/', 'text to find');
    await ui.press('ctrl+c');
    await vi.waitFor(() => expect(ui.runner.stopped).toBe(1));
  });

  it('keeps a running test running behind the ? help, and runs it only once', async () => {
    const ui = await renderApp({ ...selectingPod });
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('enter', 'running netpol-selecting-pod');
    ui.runner.output('started\n');
    await ui.waitFor('started');
    await ui.press('?', 'Keys here');
    await ui.press('?', 'running netpol-selecting-pod');
    expect(ui.frame()).toContain('started');
    expect(ui.runner.stopped).toBe(0);
    expect(ui.runner.pending).toHaveLength(1);
    ui.runner.finish({ outcome: 'healthy', finding: 'no policy selects it' });
    await ui.waitFor('✔ HEALTHY');
    await ui.press('?', 'Keys here');
    await ui.press('esc', '✔ HEALTHY');
    expect(ui.runner.pending).toHaveLength(0);
    expect(ui.session.state.runs).toHaveLength(1);
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
