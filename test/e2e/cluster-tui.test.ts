import { afterEach, describe, expect, it } from 'vitest';
import { launchTui, type PtySession } from '../helpers/pty.js';

// The built hunch in a real terminal on its own practice cluster: discovery after the first frame,
// access marks, suggestions from the cluster, and the run with the context named.
let tui: PtySession | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

describe('cluster awareness in the built TUI', () => {
  it('discovers the practice cluster, marks access, suggests the crash-looping pod and runs with --context', async () => {
    tui = await launchTui({ args: ['practice', 'api-oomkilled'], cols: 110, rows: 32, env: { KUBECONFIG: undefined } });
    await tui.waitFor('What do you think is wrong?', 60_000);
    await tui.waitFor((s) => s.includes('ctx hunch-practice') && s.includes('PRACTICE') && !s.includes('discovering'), 60_000);

    tui.type('pods OOMKilled');
    await tui.waitFor('A container is being killed', 20_000);
    tui.press('down');
    await tui.waitFor(/› hypothesis\s+A container is being killed/, 10_000);
    tui.press('enter');
    // Every kubectl test of the list gets its answer, none stays "checking".
    const list = await tui.waitFor((s) => /› ○ Why a pod's containers last stopped.*may run/.test(s) && !s.includes('access …'), 30_000);
    expect(list).toMatch(/Containers that restarted three times or more .*may run/);

    tui.press('enter');
    await tui.waitFor(/shop {2}current · 2 unhealthy pods/, 20_000);
    tui.press('down');
    await tui.waitFor(/› shop/, 10_000);
    tui.press('enter');
    await tui.waitFor(/api-5c8d7f9b6c-h5n9d {2}unhealthy: CrashLoopBackOff/, 20_000);
    tui.press('down');
    await tui.waitFor(/› api-5c8d7f9b6c-h5n9d/, 10_000);
    tui.press('enter');
    const confirm = await tui.waitFor('Press enter to run exactly this command.', 20_000);
    expect(confirm).toContain('$ kubectl --context=hunch-practice get pod api-5c8d7f9b6c-h5n9d -n shop');
    expect(confirm).toContain('access: permitted');
    tui.press('enter');
    await tui.waitFor(/ANOMALY|anomaly/, 30_000);
  }, 180_000);
});
