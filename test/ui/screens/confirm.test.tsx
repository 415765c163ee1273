import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

const values = { namespace: 'data', pod: 'postgres-0', host: '127.0.0.1', port: '5432', user: 'postgres', database: 'postgres' };
const atConfirm = {
  hypothesis: { text: 'Postgres is down', catalogHypothesis: 'postgres-down' },
  initial: { screen: { name: 'confirm' as const, testId: 'pg-can-connect' }, values: { 'pg-can-connect': values } },
};

describe.each(VARIANTS)('the confirm step at $name', (variant) => {
  it('shows the exact command in a box of the terminal width, with context, namespace and effect in words', async () => {
    const ui = await renderApp({ ...atConfirm, columns: variant.columns, env: variant.env });
    const frame = await ui.waitFor('Press enter to run exactly this command.');
    expect(frame).toMatch(/context test-ctx +namespace data +read-only/);
    // The box holds the whole command, broken into lines at its spaces
    const inside = frame
      .split('\n')
      .filter((l) => /^[│|] /.test(l))
      .map((l) => l.slice(2).replace(/ *[│|]$/, ''))
      .join(' ');
    expect(inside.replace(/\s+/g, ' ')).toContain("$ kubectl --context=test-ctx exec -n data postgres-0 -- psql -X -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres -d postgres -c 'select format(");
    expect(frame).toMatch(/⏎ run {2}e edit {2}s skip {2}c copy/);
    expectDrawnFor(ui, variant);
  });
});

describe('at the confirm step', () => {
  it('copies the exact command with c, edits with e, skips with s', async () => {
    const ui = await renderApp(atConfirm);
    await ui.waitFor('Press enter to run exactly this command.');
    await ui.press('c', 'copied');
    expect(ui.copied[0]).toMatch(/^kubectl --context=test-ctx exec -n data postgres-0 -- psql /);
    await ui.press('e', 'parameter 1 of 7');
    expect(ui.frame()).toMatch(/› data/);
    await ui.press('esc', 'tests for this hypothesis');
  });

  it('scrolls a command taller than the screen instead of pushing the rest away', async () => {
    const ui = await renderApp({
      hypothesis: { text: 'network policy' },
      rows: 24,
      initial: { screen: { name: 'confirm', testId: 'netpol-selecting-pod' }, values: { 'netpol-selecting-pod': { namespace: 'data', pod: 'postgres-0' } } },
    });
    const top = await ui.waitFor(/command lines 1–\d+ of \d+: ↑\/↓ scroll it/);
    expect(top).toContain('Press enter to run exactly this command.');
    expect(top).toContain('$ NAMESPACE=data POD=postgres-0 CONTEXT=test-ctx bash -c');
    const scrolled = await ui.press('down', /command lines 2–/);
    expect(scrolled).not.toContain('$ NAMESPACE=data');
    expect(ui.lines().length).toBeLessThanOrEqual(23);
  });
});
