import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import { renderCommand } from '../../../source/core/params/render.js';
import { runCommand } from '../../../source/core/runner/run.js';
import { tempDir } from '../../helpers/temp.js';

function makeTest(overrides: Partial<CatalogTest>): CatalogTest {
  return {
    id: 't',
    title: 'T',
    component: 'x',
    summary: 'summary text',
    explain: 'explain text long enough',
    symptoms: ['s'],
    tags: [],
    params: [],
    target: 'local',
    effect: 'read-only',
    requires: { tools: [], access: [] },
    timeout: '10s',
    interpret: [{ when: { exitCode: 0 }, outcome: 'healthy', finding: 'ok' }],
    examples: [],
    next: [],
    docs: [],
    source: { file: 'x.yaml', line: 1, col: 1, path: ['tests', 0] },
    ...overrides,
  } as CatalogTest;
}

describe('renderCommand', () => {
  it('fills each placeholder inside its own argument and drops empty optional groups', () => {
    const test = makeTest({
      params: [
        { name: 'namespace', type: 'namespace' },
        { name: 'pod', type: 'pod' },
        { name: 'container', type: 'container', required: false },
      ],
      command: ['kubectl', 'logs', '{{pod}}', '-n', '{{namespace}}', { when: 'container', args: ['-c', '{{container}}'] }],
    });
    const rendered = renderCommand(test, { pod: 'api-1', namespace: 'shop' }, { context: 'prod-eu' });
    expect(rendered.ok && rendered.command.argv).toEqual(['kubectl', '--context=prod-eu', 'logs', 'api-1', '-n', 'shop']);
    const withContainer = renderCommand(test, { pod: 'api-1', namespace: 'shop', container: 'app' });
    expect(withContainer.ok && withContainer.command.argv).toEqual(['kubectl', 'logs', 'api-1', '-n', 'shop', '-c', 'app']);
  });

  it('reports every missing or invalid value at once', () => {
    const test = makeTest({ params: [{ name: 'namespace', type: 'namespace' }, { name: 'port', type: 'port' }], command: ['x', '{{namespace}}', '{{port}}'] });
    const rendered = renderCommand(test, { namespace: 'Bad_NS', port: '70000' });
    expect(rendered.ok).toBe(false);
    if (!rendered.ok) expect(rendered.errors.map((e) => e.param)).toEqual(['namespace', 'port']);
  });

  it('refuses a value that would be read as an option when it stands alone', () => {
    const test = makeTest({ params: [{ name: 'q', type: 'string' }], command: ['grep', '{{q}}', 'file'] });
    const rendered = renderCommand(test, { q: '--include=/etc/shadow' });
    expect(rendered.ok).toBe(false);
  });

  it('wraps a pod test in kubectl exec and passes script values as env arguments', () => {
    const test = makeTest({ target: 'pod', params: [{ name: 'name', type: 'string' }], script: 'echo "$NAME"', command: undefined });
    const rendered = renderCommand(test, { namespace: 'shop', pod: 'api-1', name: 'x y' });
    expect(rendered.ok && rendered.command.argv).toEqual(['kubectl', 'exec', '-n', 'shop', 'api-1', '--', 'env', 'NAME=x y', 'CONTEXT=', 'sh', '-c', 'echo "$NAME"']);
  });

  it('given shell syntax in a value, the command receives it as one literal argument and the canary never appears', async () => {
    const dir = tempDir();
    const canary = join(dir, 'CANARY');
    const test = makeTest({ params: [{ name: 'text', type: 'string' }], command: ['printf', '%s', '{{text}}'] });
    for (const value of [`; touch ${canary}`, `$(touch ${canary})`, `\`touch ${canary}\``, `x | touch ${canary}`, `x && touch ${canary}`, `a\ntouch ${canary}`]) {
      const rendered = renderCommand(test, { text: value });
      expect(rendered.ok).toBe(true);
      if (!rendered.ok) continue;
      expect(rendered.command.argv).toHaveLength(3);
      const result = await runCommand({ argv: rendered.command.argv, timeoutMs: 5000 });
      expect(result.stdout).toBe(value);
    }
    const scriptTest = makeTest({ params: [{ name: 'text', type: 'string' }], script: 'printf %s "$TEXT"', command: undefined });
    const rendered = renderCommand(scriptTest, { text: `$(touch ${canary})` });
    if (!rendered.ok) throw new Error('render failed');
    const result = await runCommand({ argv: rendered.command.argv, env: rendered.command.env, timeoutMs: 5000 });
    expect(result.stdout).toBe(`$(touch ${canary})`);
    expect(existsSync(canary)).toBe(false);
  });
});
