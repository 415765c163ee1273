import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../source/core/practice/scenario/scenario.js';
import { startPracticeCluster, type PracticeCluster } from '../../source/core/practice/start.js';
import { hunch } from '../helpers/cli.js';
import { shippedScenario } from '../helpers/practice.js';
import { deadKubeconfig } from '../helpers/pty.js';
import { tempDir } from '../helpers/temp.js';

type Check = { id: string; status: string; detail: string; fix?: string };
type Report = { ok: boolean; checks: Check[] };

const byId = (report: Report, id: string) => report.checks.find((c) => c.id === id) as Check;

async function doctor(env: Record<string, string>, args: string[] = []): Promise<{ report: Report; exitCode: number; text: string }> {
  const json = await hunch(['doctor', '--json', ...args], { env, timeoutMs: 60_000 });
  const text = await hunch(['doctor', ...args], { env: { ...env, LANG: 'en_US.UTF-8' }, timeoutMs: 60_000 });
  expect(text.exitCode).toBe(json.exitCode);
  return { report: JSON.parse(json.stdout) as Report, exitCode: json.exitCode, text: text.stdout };
}

/** A PATH with node and the usual tools but no kubectl. */
function pathWithoutKubectl(): string {
  const bin = tempDir({}, 'hunch-doctor-bin-');
  for (const tool of ['node', 'bash', 'sh', 'env', 'psql', 'dig', 'curl', 'openssl']) {
    try {
      symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
    } catch {
      /* not installed here */
    }
  }
  return bin;
}

describe('hunch doctor says what to fix', () => {
  it('given a kubeconfig pointing at a dead server, fails the reachability check with network advice and exits 1', async () => {
    const { report, exitCode, text } = await doctor({ KUBECONFIG: deadKubeconfig() });
    expect(exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(byId(report, 'node').status).toBe('ok');
    expect(byId(report, 'kubectl').status).toBe('ok');
    expect(byId(report, 'kubeconfig')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^context dead, namespace default/) });
    expect(byId(report, 'reachable')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/refused|connect/), fix: expect.stringMatching(/VPN or network/) });
    expect(byId(report, 'identity').status).toBe('skip');
    expect(text).toMatch(/^✖ cluster reachable +fail: .*\n +fix: nothing answers/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 thing to fix before hunch can run cluster tests');
  }, 90_000);

  it('given no kubectl on PATH, fails that check and says how to install it', async () => {
    const { report, exitCode } = await doctor({ KUBECONFIG: deadKubeconfig(), PATH: pathWithoutKubectl() });
    expect(exitCode).toBe(1);
    expect(byId(report, 'kubectl')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^not on PATH; \d+ tests need it$/), fix: expect.stringMatching(/install kubectl/) });
    expect(byId(report, 'reachable').status).toBe('skip');
  }, 60_000);

  it('given a kubeconfig that does not parse, fails it at file:line:col', async () => {
    const dir = tempDir({ kubeconfig: 'apiVersion: v1\nclusters: [\n  - name: x\n  bad: : :\n' });
    const { report, exitCode } = await doctor({ KUBECONFIG: join(dir, 'kubeconfig') });
    expect(exitCode).toBe(1);
    expect(byId(report, 'kubeconfig')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/kubeconfig:3:3: not a valid kubeconfig/) });
  }, 60_000);

  it('given no kubeconfig at all, fails with the practice cluster as a way to start', async () => {
    const { report, exitCode } = await doctor({ KUBECONFIG: join(tempDir(), 'missing') });
    expect(exitCode).toBe(1);
    expect(byId(report, 'kubeconfig')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/hunch practice/) });
  }, 60_000);
});

describe('hunch doctor against a live practice cluster', () => {
  const developer: Scenario['access'] = {
    user: 'dev@example.com',
    groups: ['shop-developers', 'system:authenticated'],
    rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: ['', 'apps'], resources: ['pods', 'pods/log', 'services', 'endpoints', 'deployments'], namespaces: ['shop'] }],
  };
  let open: PracticeCluster;
  let limited: PracticeCluster;
  beforeAll(async () => {
    [open, limited] = await Promise.all([
      startPracticeCluster({ scenario: shippedScenario('api-oomkilled') }),
      startPracticeCluster({ scenario: { ...shippedScenario('api-oomkilled'), access: developer } }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([open?.stop(), limited?.stop()]);
  });

  it('given a reachable cluster with full access, checks the server, the identity and the access, and exits 0', async () => {
    const { report, exitCode } = await doctor({ KUBECONFIG: open.kubeconfigPath, KUBECACHEDIR: tempDir() });
    expect(exitCode).toBe(0);
    expect(byId(report, 'reachable')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^API server v\d+\.\d+/) });
    expect(byId(report, 'identity').status).toBe('ok');
    expect(byId(report, 'access')).toMatchObject({ status: 'ok' });
  }, 90_000);

  it('given a developer who may only read some workloads, names what the catalogue needs that they may not do', async () => {
    const { report, exitCode } = await doctor({ KUBECONFIG: limited.kubeconfigPath, KUBECACHEDIR: tempDir() }, ['-n', 'shop']);
    expect(exitCode).toBe(0);
    expect(byId(report, 'identity')).toMatchObject({ status: 'ok', detail: 'dev@example.com (groups: shop-developers)' });
    expect(byId(report, 'access')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^in shop you may not: .*create pods\/exec/) });
  }, 90_000);

  it('marks a context the settings call production, where mutating tests will be refused', async () => {
    const home = tempDir({ 'config/settings.json': JSON.stringify({ productionContextPattern: '^hunch-prac' }) }, 'hunch-doctor-home-');
    const { report } = await doctor({ KUBECONFIG: open.kubeconfigPath, KUBECACHEDIR: tempDir(), HUNCH_HOME: home });
    expect(byId(report, 'production').detail).toBe('context hunch-practice looks like production: mutating tests are refused unless --allow-mutating');
    const plain = await doctor({ KUBECONFIG: open.kubeconfigPath, KUBECACHEDIR: tempDir() });
    expect(byId(plain.report, 'production').detail).toMatch(/is not production/);
  }, 90_000);
});
