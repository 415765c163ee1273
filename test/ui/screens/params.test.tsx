import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup } from 'ink-testing-library';
import type { SuggestRequest, Suggestions } from '../../../source/ui/services.js';
import { expectDrawnFor, renderApp, VARIANTS } from '../harness.js';

afterEach(() => cleanup());

/** Suggestions the test answers when it wants: the spinner shows until then. */
function slowSuggestions() {
  const asked: { request: SuggestRequest; answer: (s: Suggestions) => void }[] = [];
  const suggest = (request: SuggestRequest) => new Promise<Suggestions>((answer) => asked.push({ request, answer }));
  const answer = async (param: string, suggestions: Suggestions) => {
    await vi.waitFor(() => expect(asked.some((a) => a.request.param === param)).toBe(true));
    for (const a of asked.filter((x) => x.request.param === param)) a.answer(suggestions);
  };
  return { suggest, answer };
}

const namespaces: Suggestions = {
  values: [{ value: 'shop', note: 'current' }, { value: 'data', note: 'has postgres (postgres-0)' }, { value: 'default' }],
  loadedAt: new Date('2026-11-28T09:59:48Z'),
};
const atParams = { hypothesis: { text: 'Postgres is down', catalogHypothesis: 'postgres-down' }, initial: { screen: { name: 'params' as const, testId: 'pg-can-connect' } } };

describe.each(VARIANTS)('the parameter picker at $name', (variant) => {
  it('shows the whole command with the current parameter marked, loads suggestions while typing stays possible', async () => {
    const slow = slowSuggestions();
    const ui = await renderApp({ ...atParams, columns: variant.columns, env: variant.env, services: { suggest: slow.suggest } });
    const loading = await ui.waitFor('loading namespace suggestions from the cluster');
    expect(loading).toContain('parameter 1 of 7');
    // The namespace being chosen is marked: inverse with colour, >>…<< without
    expect(ui.rawFrame()).toMatch('NO_COLOR' in variant.env ? />>shop<</ : /\u001b\[7m[^\n]*shop/);
    expect(loading).toMatch(/<pod>/);
    expectDrawnFor(ui, variant);
    await slow.answer('namespace', namespaces);
    const shown = await ui.waitFor(/data\s+has postgres \(postgres-0\)/);
    expect(shown).toMatch(/from the cluster 12s ago \(ctrl\+r refreshes\)/);
    // The preselected current namespace does not hide the others
    expect(shown).toMatch(/ shop\s+current/);
    expectDrawnFor(ui, variant);
  });
});

describe('choosing a value', () => {
  it('takes the highlighted suggestion on Enter, and keeps exactly what was typed on Tab', async () => {
    const slow = slowSuggestions();
    const ui = await renderApp({ ...atParams, services: { suggest: slow.suggest } });
    await slow.answer('namespace', namespaces);
    await ui.waitFor(/data\s+has postgres/);
    await ui.press('down');
    await ui.press('down', /› data/);
    await ui.press('enter', 'parameter 2 of 7');
    expect(ui.frame()).toMatch(/exec -n data <pod>/);
    await slow.answer('pod', { values: [{ value: 'postgres-0', note: 'postgres · Running' }] });
    await ui.type('postgres', /postgres-0\s+postgres · Running/);
    await ui.press('tab', 'parameter 3 of 7');
    expect(ui.frame()).toMatch(/exec -n data postgres /);
  });

  it('says why a value is refused, by type, and stays on the parameter', async () => {
    const ui = await renderApp(atParams);
    await ui.waitFor('parameter 1 of 7');
    await ui.press('ctrl+u');
    await ui.type('Not_A-Namespace', 'Not_A-Namespace');
    const frame = await ui.press('enter', /error: namespace /);
    expect(frame).toContain('parameter 1 of 7');
    await ui.press('ctrl+u');
    await ui.press('enter', 'error: namespace is required');
  });

  it('falls back to free text with the reason when the cluster cannot suggest', async () => {
    const ui = await renderApp({ ...atParams, columns: 120, services: { suggest: async () => ({ values: [], reason: 'cannot reach https://10.0.0.1:6443: connection refused' }) } });
    await ui.waitFor('no suggestions, type the value: cannot reach https://10.0.0.1:6443: connection refused');
  });

  it('offers the values used earlier in the session first', async () => {
    const ui = await renderApp({
      ...atParams,
      services: { suggest: async () => namespaces },
      setup: (session) =>
        session.record({ type: 'run-started', runId: 'r1', hypothesisId: 'h1', testId: 'pod-not-running', title: 't', component: 'pod', effect: 'read-only', command: 'c', argv: ['c'], values: { namespace: 'kube-system' } }),
    });
    const frame = await ui.waitFor(/kube-system\s+used earlier/);
    const rows = frame.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(rows[0]).toMatch(/kube-system\s+used earlier/);
  });
});
