import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Colour on in the renderer, so NO_COLOR is checked against a renderer that could colour.
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { LiveCluster, LiveClusterState } from '../../../source/ui/services.js';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

/** The escape codes written just before `word`: how it is drawn. */
function codesBefore(raw: string, word: string): string {
  return [...raw.matchAll(new RegExp(`((?:\\u001b\\[[0-9;]*m)+)${word}`, 'g'))].map((m) => m[1]).join(' ');
}

describe.each(VARIANTS)('the hypothesis screen at $name', (variant) => {
  it('shows matching hypotheses and tests as the user types, with the matched words marked', async () => {
    const ui = await renderApp({ columns: variant.columns, env: variant.env });
    await ui.waitFor('What do you think is wrong?');
    expectDrawnFor(ui, variant);
    await ui.type('postgres is down', /hypothesis\s+Postgres is down or refuses/);
    expect(ui.frame()).toMatch(/test\s+PostgreSQL accepts a connection/);
    expectDrawnFor(ui, variant);
    // Bold and yellow with colour, bold and underlined without: never colour alone.
    expect(codesBefore(ui.rawFrame(), 'Postgres')).toMatch('NO_COLOR' in variant.env ? /\[4m/ : /\[33m/);
    await ui.press('down', /› hypothesis\s+Postgres is down/);
    await ui.press('enter', 'tests for this hypothesis');
    expect(ui.session.state.hypotheses[0]).toMatchObject({ text: 'Postgres is down or refuses connections', catalogHypothesis: 'postgres-down' });
  });

  it("with the field empty, lists this session's hypotheses with their state and earlier sessions' ones", async () => {
    const ui = await renderApp({
      columns: variant.columns,
      env: variant.env,
      hypothesis: { text: 'Postgres is down' },
      setup: (session) => session.record({ type: 'verdict-set', hypothesisId: 'h1', verdict: 'refuted', conclusion: 'it answers' }),
      services: { recentHypotheses: () => [{ text: 'DNS is broken', status: 'confirmed', sessionId: 's0', at: '2026-11-27T10:00:00Z', catalogHypothesis: 'dns-fails-inside-pods' }] },
    });
    const frame = await ui.waitFor('Your hypotheses');
    expect(frame).toMatch(/REFUTED\s+Postgres is down\s+0 runs/);
    expect(frame).toMatch(/earlier\s+DNS is broken\s+confirmed/);
    expectDrawnFor(ui, variant);
  });
});

describe('choosing on the hypothesis screen', () => {
  it('goes back to a hypothesis of this session, or states an earlier one again', async () => {
    const ui = await renderApp({
      hypothesis: { text: 'Postgres is down' },
      services: { recentHypotheses: () => [{ text: 'DNS is broken', status: 'confirmed', sessionId: 's0', at: '2026-11-27T10:00:00Z', catalogHypothesis: 'dns-fails-inside-pods' }] },
    });
    await ui.waitFor('Your hypotheses');
    await ui.press('down');
    await ui.press('down', /› earlier\s+DNS is broken/);
    await ui.press('enter', 'tests for this hypothesis');
    expect(ui.session.state.hypotheses[1]).toMatchObject({ text: 'DNS is broken', catalogHypothesis: 'dns-fails-inside-pods' });
    await ui.press('esc');
    await ui.press('esc', 'Your hypotheses');
    await ui.press('down', /› OPEN\s+DNS is broken/);
    await ui.press('down', /› OPEN\s+Postgres is down/);
    await ui.press('enter', 'tests for this hypothesis');
    expect(ui.session.state.currentHypothesisId).toBe('h1');
    expect(ui.session.state.hypotheses).toHaveLength(2);
  });

  it('keeps the cursor on the same test when discovery re-ranks the list, so Enter takes what is highlighted', async () => {
    let state: LiveClusterState = { cluster: { context: 'test-ctx', namespace: 'shop', production: false }, settings: {}, detectedComponents: new Set() };
    const listeners = new Set<() => void>();
    const live: LiveCluster = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), snapshot: () => state, start: () => undefined };
    const ui = await renderApp({ columns: 120, services: { live } });
    await ui.waitFor('What do you think is wrong?');
    await ui.type('connection refused', /› connection refused[\s\S]*test\s+/);
    const before = ui.lines().filter((l) => /^\s+test\s/.test(l));
    // The third test of the list, as it stands now
    const hypotheses = ui.lines().filter((l) => /^\s+hypothesis\s/.test(l)).length;
    for (let i = 0; i < hypotheses + 3; i++) await ui.press('down');
    const chosen = /›\s+test\s+(.+?)\s{2}/.exec(await ui.waitFor(new RegExp(`(\n\\s+test\\s[^\n]*){2}\n›\\s+test`)))?.[1];
    expect(chosen).toBeDefined();
    // Discovery finds the chosen test's component running: its tests climb the ranking.
    const chosenComponent = /\s{2}(\S+)$/.exec(before.find((l) => l.includes(chosen as string)) ?? '')?.[1] as string;
    state = { ...state, detectedComponents: new Set([chosenComponent]) };
    for (const l of listeners) l();
    await ui.waitFor((text: string) => text.split('\n').filter((l) => /^\s+test\s/.test(l) || /^›\s+test/.test(l)).join() !== before.join());
    const after = ui.lines().filter((l) => /^(\s|›)+test\s/.test(l));
    expect(after.findIndex((l) => l.includes(chosen as string))).not.toBe(before.findIndex((l) => l.includes(chosen as string)));
    expect(ui.frame()).toMatch(new RegExp(`›\\s+test\\s+${(chosen as string).replace(/[()]/g, '\\$&')}`));
    await ui.press('enter', /parameter 1 of|Press enter to run/);
    const started = ui.services.catalog.testById;
    expect([...started.values()].find((t) => t.title === chosen)).toBeDefined();
  });

  it('lists every hypothesis of the session on ctrl+o, clipped with a–b of M, moving with j/k, g/G and PageUp/PageDown', async () => {
    // Given twelve hypotheses stated, the last one current, in a terminal that shows eight rows of them
    const ui = await renderApp({
      rows: 14,
      setup: (session) => {
        for (let i = 1; i <= 12; i++) session.record({ type: 'hypothesis-stated', hypothesisId: `s${i}`, text: `suspect ${String(i).padStart(2, '0')}` });
      },
    });
    await ui.waitFor('What do you think is wrong?');
    const history = await ui.press('ctrl+o', /Hypotheses of this session {2}\(5–12 of 12\)/);
    expect(history).toMatch(/› OPEN\s+suspect 12/);
    // The hints come from the history's own keys
    await ui.waitFor(/⏎ open {2}esc back {2}\? help/);
    // When moving with the list keys, Then the cursor and the window follow
    await ui.press('g', /› OPEN\s+suspect 01/);
    expect(ui.frame()).toContain('(1–8 of 12)');
    await ui.press('j', /› OPEN\s+suspect 02/);
    await ui.press('G', /› OPEN\s+suspect 12/);
    await ui.press('pageup', /› OPEN\s+suspect 04/);
    await ui.press('pagedown', /› OPEN\s+suspect 12/);
    await ui.press('k', /› OPEN\s+suspect 11/);
    // And Enter goes back to the highlighted one
    await ui.press('enter', 'tests for this hypothesis');
    expect(ui.session.state.currentHypothesisId).toBe('s11');
  });

  it('says what to try when nothing matches, and shows the practice report', async () => {
    const ui = await renderApp({ columns: 60, services: { practice: { name: 'p', title: 'The app team says Postgres is down', report: 'The API logs are full of "dial tcp 10.96.14.88:5432: i/o timeout".', reveal: () => undefined } } });
    const frame = await ui.waitFor('PRACTICE: The app team says Postgres is down');
    expect(frame).toContain('i/o timeout');
    await ui.type('zzqxv', 'No match yet.');
    expect(ui.frame().replace(/\s+/g, ' ')).toMatch(/Try another word, a component name .* hunch catalog stats/);
  });
});
