import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { PracticeView } from '../../../source/ui/services.js';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

const practice: PracticeView = {
  name: 'postgres-blocked',
  title: 'The app team says Postgres is down',
  report: 'The API logs are full of i/o timeouts.',
  reveal: () => ({ rootCause: 'A network policy blocks the shop namespace.', detail: 'Only team=payments is admitted.', fix: 'Admit team=shop.', summary: 'Reached the root cause with the first test.', directness: 'direct' }),
};

describe.each(VARIANTS)('the export and reveal screens at $name', (variant) => {
  it('offer a format and a destination, write the report there and say where', async () => {
    const ui = await renderApp({ columns: variant.columns, env: variant.env, hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'export' } } });
    const frame = await ui.waitFor('Export the triage report (secrets are redacted)');
    expect(frame).toMatch(/› ◉ Markdown \(GitHub, GitLab\)/);
    expect(frame).toMatch(/○ Jira wiki markup/);
    expect(frame).toContain('/tmp/report.md');
    expectDrawnFor(ui, variant);
    await ui.press('down', /› ◉ Jira wiki markup/);
    await ui.waitFor('/tmp/report.jira');
    await ui.press('enter', 'report written to /tmp/report.jira');
    expect(ui.exported).toEqual(['jira']);
    expectDrawnFor(ui, variant);
  });

  it('reveal the root cause of a practice scenario at the end, and esc goes back rather than quitting', async () => {
    const ui = await renderApp({ columns: variant.columns, env: variant.env, hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'reveal' } }, services: { practice } });
    const frame = await ui.waitFor('Root cause: A network policy blocks the shop namespace.');
    // Wrapped at 60 columns: compare the words, not the line breaks.
    expect(frame.replace(/\s+/g, ' ')).toMatch(/How you did \(direct\): Reached the root cause with the first test\./);
    expect(frame).toContain('Not exported yet');
    expectDrawnFor(ui, variant);
    await ui.press('esc', 'What next?');
    expect(ui.exitedWith()).toBeUndefined();
  });
});

describe('choosing where the report goes', () => {
  it('takes a typed destination with d, and esc cancels the change', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'export' } } });
    await ui.waitFor('Destination (d changes it):');
    await ui.press('d', /enter uses it, esc\s+cancels/);
    await ui.press('ctrl+u');
    await ui.type('~/reports/', '› ~/reports/');
    await ui.press('esc', 'Destination (d changes it):');
    expect(ui.frame()).toContain('/tmp/report.md');
    await ui.press('d', /enter uses it, esc\s+cancels/);
    await ui.press('ctrl+u');
    await ui.type('~/reports/', '› ~/reports/');
    await ui.press('enter', '  ~/reports/');
    await ui.press('enter', 'report written to ~/reports/');
    expect(ui.destinations).toEqual(['~/reports/']);
    await ui.press('q');
    await vi.waitFor(() => expect(ui.exitedWith()).toBeDefined());
  });

  it('copies the report to the clipboard with c', async () => {
    const ui = await renderApp({ hypothesis: { text: 'Postgres is down' }, initial: { screen: { name: 'export' } } });
    await ui.waitFor('Export the triage report');
    await ui.press('c', 'copied');
    expect(ui.copied).toEqual(['report in md']);
  });
});
