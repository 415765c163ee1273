import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { startPracticeCluster } from '../../source/core/practice/start.js';
import { CLI, hunch } from '../helpers/cli.js';
import { shippedScenario } from '../helpers/practice.js';
import { tempDir } from '../helpers/temp.js';

/** Starts `hunch practice <name> --serve` and resolves once it has printed its KUBECONFIG line. */
async function serve(name: string) {
  const child = execa('node', [CLI, 'practice', name, '--serve'], { env: { HUNCH_HOME: tempDir({}, 'hunch-cli-home-'), CI: '1' }, reject: false, stdin: 'ignore' });
  const kubeconfig = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /^KUBECONFIG=(\S+)$/m.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`practice --serve exited early: ${seen}`)));
  });
  return { child, kubeconfig };
}

function kubectl(kubeconfig: string, args: string[]) {
  return execa('kubectl', args, { env: { KUBECONFIG: kubeconfig, KUBECACHEDIR: tempDir({}, 'hunch-kubecache-') }, reject: false, stdin: 'ignore' });
}

describe('hunch practice', () => {
  it('--json lists the scenarios with the report a person would bring, never the root cause', async () => {
    const result = await hunch(['practice', '--json']);
    expect(result.exitCode).toBe(0);
    const scenarios = JSON.parse(result.stdout) as { name: string; title: string; report: string; default: boolean }[];
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
    expect(scenarios.filter((s) => s.default)).toHaveLength(1);
    for (const s of scenarios) {
      expect(Object.keys(s).sort()).toEqual(['default', 'name', 'report', 'title']);
      expect(s.report.length).toBeGreaterThan(20);
    }
    const checkout = shippedScenario('checkout-502');
    const listed = scenarios.find((s) => s.name === 'checkout-502');
    expect(listed?.report).toBe(checkout.report);
    expect(result.stdout).not.toContain(checkout.rootCause?.summary ?? '(no root cause)');
  });

  it('--serve prints KUBECONFIG=…, kubectl works against it, and SIGTERM or SIGINT stop it cleanly', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { child, kubeconfig } = await serve('checkout-502');
      const pods = await kubectl(kubeconfig, ['get', 'pods', '-l', 'app=checkout']);
      expect(pods.exitCode, pods.stderr).toBe(0);
      expect(pods.stdout).toMatch(/checkout-\S+\s+0\/1\s+Running/);
      child.kill(signal);
      const ended = await child;
      expect(ended.exitCode, `${signal}: ${ended.stderr}`).toBe(0);
      expect(existsSync(kubeconfig)).toBe(false);
    }
  }, 60_000);

  it('two practice clusters run side by side, each with its own port and scenario', async () => {
    const [a, b] = await Promise.all([serve('healthy'), serve('dns-broken')]);
    try {
      expect(a.kubeconfig).not.toBe(b.kubeconfig);
      const [fine, broken] = await Promise.all([
        kubectl(a.kubeconfig, ['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '--no-headers']),
        kubectl(b.kubeconfig, ['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '--no-headers']),
      ]);
      expect(fine.stdout).toMatch(/1\/1\s+Running/);
      expect(broken.stdout).toMatch(/0\/1\s+CrashLoopBackOff/);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([a.child, b.child]);
    }
  }, 60_000);

  it('a broken scenario file is one line at file:line, and an unknown scenario is a usage error', async () => {
    const dir = tempDir({
      'healthy.yaml': 'name: healthy\ntitle: Fine\nreport: Nothing to see here at all.\nobjects:\n  - apiVersion: v1\n    kind: Gizmo\n    metadata: {name: x}\n',
    });
    const broken = await hunch(['practice', 'healthy', '--serve'], { env: { HUNCH_SCENARIOS_DIR: dir } });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/healthy\.yaml:6:11 OBJECT-KIND Gizmo \(v1\) is neither a built-in kind/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const unknown = await hunch(['practice', 'no-such-incident']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('checkout-502');
  });

  it('starts the default scenario well under a second', async () => {
    const scenario = shippedScenario('checkout-502');
    const started = performance.now();
    const cluster = await startPracticeCluster({ scenario });
    const elapsed = performance.now() - started;
    await cluster.stop();
    // Measured at 30-90 ms on a quiet machine; the bound leaves room for a loaded CI box.
    expect(elapsed).toBeLessThan(1500);
  });
});
