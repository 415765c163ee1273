import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, hunch } from '../helpers/cli.js';
import { watchPeakRss } from '../helpers/process-memory.js';
import { launchTui, type PtySession } from '../helpers/pty.js';
import { GIGABYTE_SCRIPT, scriptTest, testCatalog } from '../helpers/runaway-catalog.js';
import { tempDir } from '../helpers/temp.js';

const HEAP_PROBE = fileURLToPath(new URL('../helpers/heap-probe.cjs', import.meta.url));

const MB = 1024 * 1024;
const GIB = 1024 * MB;
const homes: string[] = [];

function freshHome(): string {
  const home = tempDir({}, 'hunch-runaway-home-');
  homes.push(home);
  return home;
}

/** Every spill file of a HUNCH_HOME (one per run). */
function spillFiles(home: string): string[] {
  const root = join(home, 'data', 'outputs');
  let sessions: string[] = [];
  try {
    sessions = readdirSync(root);
  } catch {
    return [];
  }
  return sessions.flatMap((s) => readdirSync(join(root, s)).map((f) => join(root, s, f)));
}

function lastBytes(path: string, count: number): string {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(count, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

// Escape sequences a hostile output could use on the person's terminal: set the clipboard, set the
// title, clear the screen, reorder text, hide text; plus raw binary.
const HOSTILE_OUTPUT = String.raw`printf 'clipboard \033]52;c;dG91Y2ggL3RtcC9wd25lZA==\007 title \033]0;PWNED\007 clear \033[2J\033[H reorder \342\200\256gnp.exe hide \033[8mHIDDEN\033[28m\n'
head -c 200000 /dev/urandom
printf '\n'
head -c 5000000 /dev/zero | tr '\0' 'L'
printf '\nTHE LAST LINE\n'`;

// Sequences that must never reach a terminal or a report: ESC, BEL, C1 controls, bidi overrides.
const ACTIONABLE = /[\u001b\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe('runaway output through hunch run', () => {
  it('given a test that prints 1 GiB, hunch stays under 200 MB, reads the last lines and spills every byte', async () => {
    const catalog = testCatalog([scriptTest('runaway-gigabyte', GIGABYTE_SCRIPT)]);
    const home = freshHome();
    const started = performance.now();
    const child = execa('node', [CLI, 'run', 'runaway-gigabyte', '--catalog', catalog, '--json'], {
      env: { HUNCH_HOME: home, KUBECONFIG: '/nonexistent/kubeconfig', CI: '1' },
      reject: false,
      stdin: 'ignore',
      timeout: 280_000,
    });
    const memory = watchPeakRss(child.pid as number);
    const result = await child;
    const peak = memory.stop();
    const seconds = (performance.now() - started) / 1000;

    expect(result.exitCode, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as { outcome: string; stdout: string };
    expect(parsed.outcome).toBe('healthy');
    expect(parsed.stdout.endsWith('THE LAST LINE\n')).toBe(true);
    expect(parsed.stdout.length).toBeLessThanOrEqual(64 * 1024);
    const [spill] = spillFiles(home);
    expect(spill).toBeDefined();
    const spilled = statSync(spill as string).size;
    expect(spilled).toBe(GIB + '\nTHE LAST LINE\n'.length);
    expect(lastBytes(spill as string, 64)).toMatch(/runaway output[^\n]*\nTHE LAST LINE\n$/);
    console.info(`runaway 1 GiB through hunch run: peak RSS ${(peak / MB).toFixed(0)} MB, ${seconds.toFixed(1)} s (${(1024 / seconds).toFixed(0)} MB/s), spill ${spilled} bytes`);
    expect(peak).toBeLessThan(200 * MB);
  }, 300_000);

  it('given binary, a 5 MB line and escape sequences, prints and exports them neutralised', async () => {
    const catalog = testCatalog([scriptTest('runaway-hostile', HOSTILE_OUTPUT, { timeout: '60s' })]);
    const home = freshHome();
    const env = { HUNCH_HOME: home };
    const ran = await hunch(['run', 'runaway-hostile', '--catalog', catalog], { env, timeoutMs: 60_000 });
    expect(ran.exitCode, ran.stderr).toBe(0);
    expect(ran.stdout).not.toMatch(ACTIONABLE);
    expect(ran.stdout).toContain('clipboard  title  clear  reorder \ufffdgnp.exe hide HIDDEN');
    expect(ran.stdout.trimEnd().endsWith('THE LAST LINE')).toBe(true);
    for (const format of ['md', 'jira', 'json']) {
      const exported = await hunch(['export', '--format', format], { env });
      expect(exported.exitCode, exported.stderr).toBe(0);
      expect(exported.stdout, format).not.toMatch(ACTIONABLE);
      expect(exported.stdout, format).toContain('THE LAST LINE');
    }
    // The spill file keeps the output as printed (redacted), for whoever opens it on purpose.
    const [spill] = spillFiles(home);
    expect(readFileSync(spill as string, 'latin1')).toContain('\u001b]52;c;');
  }, 120_000);
});

describe('runaway output in the TUI, in a real terminal', () => {
  let tui: PtySession | undefined;
  afterAll(async () => {
    await tui?.close();
  });

  it('given endless output, the screen shows the latest lines, memory retained does not grow with it, and Esc stops the whole run within seconds', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'producer.pid');
    const heapLog = join(dir, 'heap.log');
    const endless = `echo $$ > ${pidFile}
pad=$(printf 'runaway output %.0s' $(seq 1 60))
awk -v pad="$pad" 'BEGIN { while (1) printf "runaway line %d %s\\n", ++n, pad }'`;
    const catalog = testCatalog([scriptTest('runaway-endless', endless, { timeout: '5m' })]);
    const home = freshHome();
    tui = await launchTui({
      args: ['--catalog', catalog],
      env: { HUNCH_HOME: home, NODE_OPTIONS: `--expose-gc --require ${HEAP_PROBE}`, HEAP_PROBE_FILE: heapLog },
      cols: 120,
      rows: 30,
    });
    const memory = watchPeakRss(tui.pid);
    await tui.waitFor('What do you think is wrong?', 30_000);
    tui.type('runaway-endless');
    await tui.waitFor(/test\s+runaway-endless/);
    tui.press('enter');
    await tui.waitFor(/›.*runaway-endless/);
    tui.press('enter');
    await tui.waitFor('Press enter to run exactly this command.');
    tui.press('enter');

    const firstFrame = await tui.waitFor(/runaway line (\d+)/, 30_000);
    const firstLine = Number(/runaway line (\d+)/.exec(firstFrame)?.[1]);
    const spilled = () => spillFiles(home).map((f) => statSync(f).size)[0] ?? 0;
    const liveHeap = () => Number(readFileSync(heapLog, 'utf8').trim().split('\n').at(-1));
    await expect.poll(spilled, { timeout: 120_000, interval: 250 }).toBeGreaterThan(100 * MB);
    await expect.poll(() => readFileSync(heapLog, 'utf8').trim().split('\n').length, { timeout: 10_000 }).toBeGreaterThan(3);
    const heapEarly = liveHeap();
    await expect.poll(spilled, { timeout: 180_000, interval: 250 }).toBeGreaterThan(400 * MB);
    const heapLate = liveHeap();
    const latest = await tui.waitFor((s) => Number([...s.matchAll(/runaway line (\d+)/g)].at(-1)?.[1] ?? 0) > firstLine + 100_000, 30_000);
    expect(latest).toMatch(/\d+ lines hidden/);
    const producer = Number(readFileSync(pidFile, 'utf8'));

    const pressed = performance.now();
    tui.press('esc');
    const stopped = await tui.waitFor(/⏹ STOPPED\s+stopped by you/, 10_000);
    const reaction = performance.now() - pressed;
    const peak = memory.stop();
    console.info(
      `runaway in the TUI: ${(spilled() / MB).toFixed(0)} MB streamed; live heap ${(heapEarly / MB).toFixed(0)} MB after 100 MB, ${(heapLate / MB).toFixed(0)} MB after 400 MB; peak RSS ${(peak / MB).toFixed(0)} MB; Esc to outcome ${reaction.toFixed(0)} ms`,
    );

    // The last lines and how many are hidden, then the outcome: the screen kept up.
    expect(stopped).toMatch(/runaway line \d+ runaway output/);
    expect(stopped).toMatch(/\d+ lines hidden/);
    expect(reaction).toBeLessThan(5000);
    // What is retained does not grow with the output (Ink's text caches are bounded, tails are bounded).
    expect(heapLate - heapEarly).toBeLessThan(16 * MB);
    expect(peak).toBeLessThan(512 * MB);
    await expect.poll(() => {
      try {
        process.kill(producer, 0);
        return true;
      } catch {
        return false;
      }
    }).toBe(false);
  }, 300_000);
});
