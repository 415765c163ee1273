import { describe, expect, it } from 'vitest';
import { renderApp } from './harness.js';

// The confirm screen is the last thing a person sees before a command runs. These drive it with
// the fake runner: whatever is typed or pressed, a refused test never reaches the runner.
const restart = 'deployment-rollout-restart';
const values = { [restart]: { namespace: 'shop', deployment: 'checkout' } };
const confirmOn = { screen: { name: 'confirm' as const, testId: restart }, values };

async function withHypothesis(options: Parameters<typeof renderApp>[0]) {
  const ui = await renderApp(options);
  ui.session.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'checkout pods are stuck' });
  return ui;
}

describe('the confirm screen guards mutating tests', () => {
  it('given a mutating test, Enter alone does not run it; the resource name typed does', async () => {
    const ui = await withHypothesis({ initial: confirmOn });
    try {
      await ui.waitFor('MUTATING: changes the cluster');
      await ui.waitFor('Type checkout and press enter to run it');
      await ui.press('enter', 'type "checkout" to run this mutating test');
      await ui.type('checkou', /› checkou\b/);
      await ui.press('enter', 'type "checkout" to run this mutating test');
      expect(ui.runner.pending).toHaveLength(0);
      await ui.type('t', /› checkout\b/);
      await ui.press('enter');
      await expect.poll(() => ui.runner.pending.length).toBe(1);
      expect(ui.runner.pending[0]?.request.command.argv).toEqual(['kubectl', '--context=test-ctx', 'rollout', 'restart', 'deployment/checkout', '-n', 'shop']);
    } finally {
      ui.unmount();
    }
  });

  it('given --read-only, refuses with the reason and ignores the typed name', async () => {
    const ui = await withHypothesis({ initial: confirmOn, services: { readOnly: true } });
    try {
      const frame = await ui.waitFor('refused:');
      expect(frame.replace(/\s+/g, ' ')).toContain(`refused: ${restart} changes the cluster and hunch runs read-only (--read-only)`);
      await ui.type('checkout');
      await ui.press('enter');
      await ui.press('enter');
      expect(ui.runner.pending).toHaveLength(0);
    } finally {
      ui.unmount();
    }
  });

  it('given a production context, refuses without --allow-mutating and says how to allow it; with it, asks for the name', async () => {
    const production = { context: 'prod-eu', namespace: 'shop', production: true };
    const refused = await withHypothesis({ initial: confirmOn, services: { cluster: production } });
    try {
      const frame = await refused.waitFor('refused:');
      expect(frame.replace(/\s+/g, ' ')).toContain('context "prod-eu" is production (settings: productionContextPattern); add --allow-mutating to run it anyway');
      await refused.type('checkout');
      await refused.press('enter');
      expect(refused.runner.pending).toHaveLength(0);
    } finally {
      refused.unmount();
    }
    const allowed = await withHypothesis({ initial: confirmOn, services: { cluster: production, allowMutating: true } });
    try {
      await allowed.waitFor('Type checkout and press enter to run it');
    } finally {
      allowed.unmount();
    }
  });

  it('given a context name with escape sequences, draws it as plain text', async () => {
    const ui = await withHypothesis({ initial: confirmOn, services: { settings: { context: 'dev\u001b]0;PWNED\u0007\u001b[2J', namespace: 'shop' } } });
    try {
      const frame = await ui.waitFor('MUTATING');
      expect(frame).toMatch(/context dev/);
      expect(frame).not.toContain('PWNED');
    } finally {
      ui.unmount();
    }
  });
});
