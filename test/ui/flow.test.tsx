import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderApp } from './harness.js';

afterEach(() => cleanup());

describe('the whole loop through the TUI', () => {
  it('goes from a hypothesis to an exported report', async () => {
    const ui = await renderApp({ columns: 100 });
    await ui.waitFor('What do you think is wrong?');
    await ui.type('disk is full', 'A disk is full');
    await ui.press('down', /› hypothesis\s+A disk is full/);
    await ui.press('enter', /tests for this hypothesis/);
    expect(ui.frame()).toMatch(/›.*Filesystems 90 % full or more/);
    await ui.press('enter', 'Press enter to run exactly this command.');
    expect(ui.frame()).toContain('$ df -P -h');
    await ui.press('enter', 'running host-disk-usage');
    ui.runner.output('Filesystem Size Used Avail Use% Mounted on\n/dev/sda1 50G 48G 2G 96% /\n');
    await ui.waitFor('/dev/sda1 50G');
    ui.runner.finish({ outcome: 'anomaly', finding: '1 filesystem(s) at 90 % or more: /dev/sda1' });
    await ui.waitFor('ANOMALY');
    await ui.press('v', 'Verdict on: A disk is full');
    expect(ui.frame()).toContain('[CONFIRMED]');
    await ui.type('root fs at 96%', 'root fs at 96%');
    await ui.press('enter', 'What next?');
    expect(ui.session.state.hypotheses[0]).toMatchObject({ status: 'confirmed', conclusion: 'root fs at 96%' });
    await ui.press('x', 'Export the triage report');
    await ui.press('enter', 'report written to /tmp/report.md');
    expect(ui.exported).toEqual(['md']);
  });
});
