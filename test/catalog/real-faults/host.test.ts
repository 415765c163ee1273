import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listenOn, reply, startHttpServer, type RunningServer } from '../../helpers/http-server.js';
import { catalogTestsOf, runAsHunch, type Reading } from './run-as-hunch.js';

// Host tests run for real on this machine. Where a fault can be made here (a port bound to
// loopback only, zombie processes, a server clock ten minutes off) the test proves both outcomes;
// the rest must read this machine's real output as a definite outcome, with the number it reports
// checked against what the kernel says.

const tests = new Map(catalogTestsOf('host').map((test) => [test.id, test] as const));
const servers: RunningServer[] = [];
const children: ChildProcess[] = [];

async function run(id: string, values: Record<string, string> = {}): Promise<Reading> {
  const test = tests.get(id);
  if (!test) throw new Error(`no host test ${id} in the catalogue`);
  return runAsHunch(test, values);
}

const explain = (reading: Reading) => `${reading.display}\n--- stdout\n${reading.stdout}\n--- stderr\n${reading.stderr}`;

async function serve(server: Promise<RunningServer>): Promise<RunningServer> {
  const running = await server;
  servers.push(running);
  return running;
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** Tests proven with a fault made here: each runs at least once anomalous and once healthy below. */
const PROVEN_WITH_FAULT = ['host-listening-port', 'host-zombie-processes', 'host-clock-skew'];

/** Tests whose reading of this machine is checked against the kernel's own numbers. */
const CHECKED_READINGS = ['host-uptime', 'host-memory-available'];

/** Tests that must give a definite reading (healthy or anomaly) of this machine's real output. */
const DEFINITE_READINGS = [
  'host-disk-usage',
  'host-inode-usage',
  'host-load-per-core',
  'host-open-files',
  'host-cpu-steal-iowait',
  'host-swap-usage',
  'host-oom-kills',
  'host-disk-busy',
];

// Tests that cannot be proven here, and why. Keep it short.
const NOT_PROVABLE_HERE: Record<string, string> = {
  'host-conntrack-usage': 'depends on whether this machine loaded nf_conntrack; read by the examples only',
  'host-time-sync': 'no chrony and no systemd here, so it can only say inconclusive',
  'host-disk-latency': 'needs disk I/O during its two-second sample; an idle disk reads inconclusive, so it is read by the examples only',
};

describe('host tests on this machine', () => {
  it.each([...tests.keys()])('%s is proven, checked or explained', (id) => {
    const places = [PROVEN_WITH_FAULT, CHECKED_READINGS, DEFINITE_READINGS, Object.keys(NOT_PROVABLE_HERE)].filter((list) => list.includes(id));
    expect(places, `${id} needs a real run here or a reason in NOT_PROVABLE_HERE`).toHaveLength(1);
  });

  describe('host-listening-port', () => {
    it('given a closed port, says nothing listens', async () => {
      const closed = await listenOn('127.0.0.1');
      await closed.close();
      const reading = await run('host-listening-port', { port: String(closed.port) });
      expect(reading.outcome, explain(reading)).toBe('anomaly');
      expect(reading.finding).toMatch(/nothing listens/);
    });

    it('given a server bound to 127.0.0.1 only, says other machines are refused', async () => {
      const server = await serve(listenOn('127.0.0.1'));
      const reading = await run('host-listening-port', { port: String(server.port) });
      expect(reading.outcome, explain(reading)).toBe('anomaly');
      expect(reading.finding).toMatch(new RegExp(`loopback only.*127\\.0\\.0\\.1:${server.port}`));
    });

    it('given a server bound to every interface, is healthy and shows the address', async () => {
      const server = await serve(listenOn('0.0.0.0'));
      const reading = await run('host-listening-port', { port: String(server.port) });
      expect(reading.outcome, explain(reading)).toBe('healthy');
      expect(reading.finding).toMatch(new RegExp(`(0\\.0\\.0\\.0|\\*|\\[::\\]):${server.port}`));
    });
  });

  describe('host-zombie-processes', () => {
    it('given a parent that never reaps six children, names it; once it is gone, no longer', async () => {
      // The parent becomes `sleep`, which never calls wait(). Each child exits only once its parent's
      // name reads "sleep", after the exec, so bash cannot reap one first however slow the machine
      // (with a fixed `sleep 1` they lose that race when bash takes over a second to reach the exec).
      const parent = spawn('bash', ['-c', 'for i in 1 2 3 4 5 6; do (until [ "$(cat /proc/$$/comm)" = sleep ]; do sleep 0.05; done) & done; exec sleep 30'], { stdio: 'ignore' });
      children.push(parent);
      await waitFor(() => zombiesOf(parent.pid ?? -1) === 6, 15_000);

      const during = await run('host-zombie-processes');
      expect(during.outcome, explain(during)).toBe('anomaly');
      expect(during.stdout).toContain(`parent ${parent.pid} (sleep): 6`);

      const exited = new Promise((resolve) => parent.once('exit', resolve));
      parent.kill('SIGKILL');
      await exited;
      const after = await run('host-zombie-processes');
      expect(after.stdout).not.toContain(`parent ${parent.pid} `);
      const left = Number(/^zombie processes: (\d+)/m.exec(after.stdout)?.[1]);
      expect(after.outcome, explain(after)).toBe(left >= 5 ? 'anomaly' : 'healthy');
    });
  });

  describe('host-clock-skew', () => {
    it('given a server whose Date is ten minutes ahead, reports the skew; given a true Date, is healthy', async () => {
      const ahead = () => new Date(Date.now() + 600_000).toUTCString();
      const server = await serve(
        startHttpServer({
          '/skewed': (req, res) => reply(200, 'ok\n', { date: ahead() })(req, res),
          '/true': reply(200, 'ok\n'),
        }),
      );
      const skewed = await run('host-clock-skew', { url: `${server.url}/skewed` });
      expect(skewed.outcome, explain(skewed)).toBe('anomaly');
      // 600 s less the time between the server writing its Date and the script reading the clock,
      // which a loaded machine can stretch past the two seconds this once allowed.
      expect(Number(/(\d+) s away/.exec(skewed.finding)?.[1])).toBeGreaterThanOrEqual(590);

      const fine = await run('host-clock-skew', { url: `${server.url}/true` });
      expect(fine.outcome, explain(fine)).toBe('healthy');
    });
  });

  describe('readings checked against the kernel', () => {
    it('host-uptime reports the minutes since boot that /proc/uptime holds', async () => {
      const reading = await run('host-uptime');
      const minutes = Number(/^up: (\d+) minutes/m.exec(reading.stdout)?.[1]);
      const expected = Math.floor(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) / 60);
      expect(Math.abs(minutes - expected), explain(reading)).toBeLessThanOrEqual(1);
      expect(reading.outcome).toBe(minutes < 60 ? 'anomaly' : 'healthy');
      expect(reading.stdout).toContain(`kernel: ${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()}`);
    });

    it('host-memory-available reports the share of MemAvailable in /proc/meminfo', async () => {
      const reading = await run('host-memory-available');
      const share = Number(/memory available: (\d+)%/.exec(reading.stdout)?.[1]);
      const info = readFileSync('/proc/meminfo', 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(info)?.[1]);
      expect(Math.abs(share - (kb('MemAvailable') * 100) / kb('MemTotal')), explain(reading)).toBeLessThanOrEqual(5);
      expect(reading.outcome).toBe(share < 10 ? 'anomaly' : 'healthy');
    });
  });

  describe('definite readings of this machine', () => {
    it.concurrent.each(DEFINITE_READINGS)('%s reads the real output with one of its rules, as healthy or anomaly', async (id) => {
      const reading = await run(id);
      expect(['healthy', 'anomaly'], explain(reading)).toContain(reading.outcome);
      // A rule decided: the output was understood, not merely a clean exit.
      expect(reading.rule, explain(reading)).toBeTypeOf('number');
    });
  });
});

function zombiesOf(ppid: number): number {
  const stat = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return '';
    }
  };
  const children = readFileSync(`/proc/${ppid}/task/${ppid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  // /proc/PID/stat: "pid (comm) state ..."; the state follows the closing parenthesis.
  return children.filter((pid) => / Z /.test(stat(pid).slice(stat(pid).lastIndexOf(')')))).length;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
