import { describe, expect, it } from 'vitest';
import type { Suggestions, SuggestRequest } from '../../source/ui/services.js';
import { renderApp } from './harness.js';

// Names as a hostile or compromised API server could send them: the params screen shows them as
// text, and picking one never builds a command (they are not DNS-1123 names).
const HOSTILE_PODS = ['api-1\u001b]0;PWNED\u0007\u001b[2J', 'x;touch /tmp/CANARY', '$(touch /tmp/CANARY)', 'api-2\u202egnp.exe'];

describe('object names from the cluster', () => {
  it('are drawn as plain text, and a hostile one picked is refused at the parameter, before any command is built', async () => {
    const asked: SuggestRequest[] = [];
    const suggest = async (request: SuggestRequest): Promise<Suggestions> => {
      asked.push(request);
      return request.param === 'pod' ? { values: HOSTILE_PODS.map((value) => ({ value })) } : { values: [{ value: 'shop' }] };
    };
    const testId = 'pod-last-termination';
    const ui = await renderApp({ services: { suggest }, initial: { screen: { name: 'params', testId }, values: { [testId]: { namespace: 'shop' } } } });
    ui.session.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'api pods restart' });
    try {
      await ui.waitFor('parameter 1 of 2');
      await ui.press('tab', 'parameter 2 of 2');
      const list = await ui.waitFor('x;touch /tmp/CANARY');
      expect(list).not.toContain('PWNED\u0007');
      expect(list).not.toMatch(/\u001b|\u202e/);
      expect(list).toContain('api-2\ufffdgnp.exe');
      // The first (drawn "api-1", holding escape sequences), taken, is checked like a typed value.
      await ui.press('down', /› api-1/);
      await ui.press('enter', 'error: pod is not a valid pod name');
      await ui.press('enter');
      expect(ui.frame()).toContain('parameter 2 of 2');
      expect(ui.runner.pending).toHaveLength(0);
    } finally {
      ui.unmount();
    }
  });
});
