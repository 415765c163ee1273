// npm run bench: every figure of issues 4 and 10, measured side by side in one run and reported
// as ratios to a floor measured in the same run (this machine is shared and noisy).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'hunch-bench-'));
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const rssPreload = join(root, 'bench', 'report-rss.cjs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** Wall time and peak memory of a command, median over runs. */
function timeCommand(args, env = {}, runs = RUNS) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-r', rssPreload, ...args], {
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && !args.includes('lint')) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    if (existsSync(rssFile)) rss.push(Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()));
  }
  return { ms: median(times), rssKb: rss.length ? Math.max(...rss) : undefined };
}

/** Time from launching the TUI in a pseudo-terminal to the first frame that shows its prompt. */
async function firstFrame(env) {
  const pty = await import('@lydell/node-pty');
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const elapsed = await new Promise((resolve, reject) => {
      // Ink treats any CI variable, even an empty one, as "not a terminal": drop it.
      const { CI: _ci, ...parentEnv } = process.env;
      const term = pty.spawn(process.execPath, [cli], { cols: 100, rows: 30, env: { ...parentEnv, ...env } });
      let seen = '';
      const timer = setTimeout(() => {
        term.kill();
        reject(new Error(`no first frame within 20 s; saw: ${seen.slice(-300)}`));
      }, 20_000);
      let took;
      term.onData((data) => {
        seen += data;
        if (took === undefined && seen.includes('What do you think is wrong?')) {
          took = Number(process.hrtime.bigint() - started) / 1e6;
          clearTimeout(timer);
          // SIGKILL, and the next launch only once this one is gone: a hunch still loading its
          // catalogue after a hangup would share the two cores with the next launch and skew it.
          term.kill('SIGKILL');
        }
      });
      term.onExit(() => (took === undefined ? undefined : resolve(took)));
    });
    times.push(elapsed);
  }
  return median(times);
}

/**
 * Peak memory of the TUI while a test prints 1 GiB: the catalogue holds one script test; the keys
 * are those a person presses (type its name, enter to pick, enter for parameters, enter to run).
 * The kernel's high-water mark (VmHWM) is read once the outcome shows.
 */
async function tuiUnderOutput(env) {
  const pty = await import('@lydell/node-pty');
  const catalog = join(work, 'runaway-catalog');
  rmSync(catalog, { recursive: true, force: true });
  mkdirSync(catalog);
  const script = `line=$(printf 'runaway output %.0s' $(seq 1 66))\nyes "$line" | head -c 1073741824\nprintf '\\nTHE LAST LINE\\n'`;
  writeFileSync(
    join(catalog, 'runaway.yaml'),
    `component: host\ntests:\n  - id: bench-runaway\n    title: bench-runaway\n    summary: Prints 1 GiB, for the benchmark.\n    explain: Exists only so the benchmark can watch hunch's memory under runaway output.\n    symptoms: [bench-runaway]\n    params: []\n    script: |\n${script.split('\n').map((l) => `      ${l}`).join('\n')}\n    effect: read-only\n    requires: {tools: [bash]}\n    timeout: 5m\n    interpret:\n      - when: {exitCode: 0, stdout: THE LAST LINE}\n        outcome: healthy\n        finding: printed to the end\n      - when: {exitCode: 0}\n        outcome: anomaly\n        finding: stopped early\n    examples:\n      - {stdout: THE LAST LINE, outcome: healthy}\n      - {stdout: x, outcome: anomaly}\n`,
  );
  const { CI: _ci, ...parentEnv } = process.env;
  const term = pty.spawn(process.execPath, [cli, '--catalog', catalog], { cols: 120, rows: 30, env: { ...parentEnv, ...env } });
  // eslint-disable-next-line no-control-regex
  const ansi = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
  let seen = '';
  const waiters = [];
  term.onData((data) => {
    seen = (seen + data.replace(ansi, '')).slice(-20000);
    for (const w of [...waiters]) if (w.re.test(seen)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  });
  const waitFor = (re, ms = 60_000) =>
    new Promise((resolve, reject) => {
      if (re.test(seen)) return resolve();
      const timer = setTimeout(() => reject(new Error(`TUI under output: no ${re} within ${ms} ms; saw: ${seen.slice(-300)}`)), ms);
      waiters.push({ re, resolve: () => (clearTimeout(timer), resolve()) });
    });
  try {
    await waitFor(/What do you think is wrong\?/);
    term.write('bench-runaway');
    await waitFor(/test\s+bench-runaway/);
    term.write('\r');
    await waitFor(/[›>] [○o] bench-runaway/);
    seen = '';
    term.write('\r');
    await waitFor(/Press enter to run exactly this command\./);
    seen = '';
    const started = process.hrtime.bigint();
    term.write('\r');
    await waitFor(/exit 0, [\d.]+ s/, 240_000);
    const took = Number(process.hrtime.bigint() - started) / 1e6;
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${term.pid}/status`, 'utf8'))?.[1]);
    return { ms: took, rssKb: hwmKb };
  } finally {
    term.kill('SIGKILL');
  }
}

function runTask(bundle, args, env = {}) {
  const result = spawnSync(process.execPath, [bundle, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`bench task ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run bench builds first');
  const bundle = join(work, 'tasks.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'tasks.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    external: ['@kubernetes/client-node'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });

  // A kubeconfig that exists but points nowhere: the TUI opens normally and makes no cluster call first.
  const kubeconfig = join(work, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: [{name: x, cluster: {server: "https://127.0.0.1:9"}}]\ncontexts: [{name: x, context: {cluster: x, user: x}}]\ncurrent-context: x\nusers: [{name: x, user: {token: x}}]\n');
  const home = join(work, 'home');
  const cliEnv = { HUNCH_HOME: home, KUBECONFIG: kubeconfig };
  const sentence = 'site is super slow since yesterday and sometimes returns 502';

  const rows = [];
  const floor = timeCommand(['-e', '0']);
  rows.push(['node -e 0 (floor)', floor.ms, floor.rssKb, 1]);
  timeCommand([cli, 'search', sentence, '--json'], cliEnv, 1); // fills the compiled-catalogue cache
  const search = timeCommand([cli, 'search', sentence, '--json'], cliEnv);
  rows.push([`hunch search "<sentence>" --json`, search.ms, search.rssKb, search.ms / floor.ms, 2.5]);
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  const searchCold = timeCommand([cli, 'search', sentence, '--json'], { ...cliEnv, HUNCH_HOME: join(work, `cold-${Date.now()}`) }, 1);
  rows.push(['hunch search --json, cold cache', searchCold.ms, searchCold.rssKb, searchCold.ms / floor.ms]);
  const lint = timeCommand([cli, 'catalog', 'lint'], cliEnv, quick ? 1 : 3);
  rows.push(['hunch catalog lint (kubectl, shellcheck checks cached)', lint.ms, lint.rssKb, lint.ms / floor.ms]);
  // As after editing every script: shellcheck reads them all again (kubectl's checks stay cached).
  const lintScripts = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    rmSync(join(home, 'cache', 'shellcheck-clean.json'), { force: true });
    lintScripts.push(timeCommand([cli, 'catalog', 'lint'], cliEnv, 1));
  }
  const lintScriptsMs = median(lintScripts.map((run) => run.ms));
  rows.push(['hunch catalog lint, every script changed', lintScriptsMs, Math.max(...lintScripts.map((run) => run.rssKb ?? 0)), lintScriptsMs / floor.ms]);
  const lintOffline = timeCommand([cli, 'catalog', 'lint', '--offline'], cliEnv, quick ? 1 : 3);
  rows.push(['hunch catalog lint --offline', lintOffline.ms, lintOffline.rssKb, lintOffline.ms / floor.ms]);
  const frame = await firstFrame(cliEnv);
  rows.push(['TUI first frame (PTY)', frame, undefined, frame / floor.ms, 4]);
  const flood = await tuiUnderOutput(cliEnv);
  rows.push(['TUI running a test that prints 1 GiB (peak mem)', flood.ms, flood.rssKb, flood.ms / floor.ms, '≤ 200 MB']);

  // Catalogue load and index: shipped size and 10,000 synthetic tests, cold (no cache) and warm.
  const synthetic = {};
  for (const count of [1000, 10000]) {
    const dir = join(work, `synthetic-${count}`);
    runTask(bundle, ['make-synthetic', '--dir', dir, '--count', String(count)]);
    synthetic[count] = dir;
  }
  const loads = [['shipped', undefined], ['10,000 synthetic', synthetic[10000]]];
  const medianRun = (runs) => runs.find((r) => r.ms === median(runs.map((w) => w.ms)));
  for (const [label, dir] of loads) {
    const homeOf = (run) => join(work, `load-${label.replace(/\W/g, '')}-${run}`);
    const envOf = (run) => ({ HUNCH_HOME: homeOf(run), ...(dir ? { HUNCH_CATALOG_DIR: dir } : {}) });
    // Cold: each run with a cache folder of its own, empty. Five, because on this shared VM one
    // cold run of the large catalogue can take half again as long as the next.
    const coldRuns = [];
    for (let i = 0; i < (quick ? 1 : 5); i++) coldRuns.push(runTask(bundle, ['load'], envOf(i)));
    const cold = medianRun(coldRuns);
    const warmRuns = [];
    for (let i = 0; i < RUNS; i++) warmRuns.push(runTask(bundle, ['load'], envOf(0)));
    const warm = medianRun(warmRuns);
    rows.push([`catalogue load + index, ${label} (${cold.tests} tests), cold`, cold.ms, cold.maxRssKb, cold.ms / floor.ms, label.startsWith('10') ? '< 1 s' : undefined]);
    rows.push([`catalogue load + index, ${label}, warm (cached)`, warm.ms, warm.maxRssKb, warm.ms / floor.ms, label.startsWith('10') ? '< 100 ms' : undefined]);
    if (!dir) continue;
    // After one file of the catalogue changes: the files that did not are taken from the earlier compile.
    const changedRuns = [];
    const changed = join(dir, 'synthetic-7.yaml');
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      writeFileSync(changed, `${readFileSync(changed, 'utf8')}# edited ${i}\n`);
      changedRuns.push(runTask(bundle, ['load'], envOf(0)));
    }
    const afterChange = medianRun(changedRuns);
    rows.push([`catalogue load + index, ${label}, one file changed`, afterChange.ms, afterChange.maxRssKb, afterChange.ms / floor.ms]);
  }

  // Search speed against the naive fuse.js configuration, same catalogues, same queries.
  const queriesFile = join(work, 'queries.json');
  const evalQueries = JSON.parse(readFileSync(join(root, '..', 'shared', 'search-eval', 'dev-queries.json'), 'utf8')).map((q) => q.query);
  writeFileSync(queriesFile, JSON.stringify([...evalQueries, sentence, 'pods stuck pending after the node pool upgrade', 'postgres ran out of connections during the sale']));
  const searchRows = [];
  for (const count of [1000, 10000]) {
    const r = runTask(bundle, ['search-compare', '--dir', synthetic[count], '--queries', queriesFile]);
    searchRows.push({ count, ...r });
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nhunch bench (${new Date().toISOString()}, node ${process.version}, ${RUNS} runs each, median)\n`);
  console.log(`${'measure'.padEnd(width)}  ${'time'.padStart(9)}  ${'peak mem'.padStart(8)}  ${'× floor'.padStart(8)}  target`);
  for (const [label, time, rss, ratio, target] of rows) {
    const ok = typeof target === 'number' ? (ratio <= target ? `≤ ${target}× ✔` : `≤ ${target}× ✖`) : (target ?? '');
    const met = target === '≤ 200 MB' ? rss <= 200 * 1024 : target === '< 1 s' ? time < 1000 : time < 100;
    const verdict = typeof target === 'string' ? `${target} ${met ? '✔' : '✖'}` : ok;
    console.log(`${label.padEnd(width)}  ${ms(time).padStart(9)}  ${(rss ? mb(rss) : '—').padStart(8)}  ${ratio.toFixed(1).padStart(7)}×  ${verdict}`);
  }
  console.log('\nsearch per query (sentence-length queries), naive fuse.js vs hunch, same run:\n');
  console.log('tests   config      build      median       p95   speed-up(p95)  target p95');
  for (const r of searchRows) {
    const target = r.count <= 1000 ? 16 : 50;
    console.log(`${String(r.count).padStart(5)}   naive     ${ms(r.naive.buildMs).padStart(8)}  ${ms(r.naive.median).padStart(9)}  ${ms(r.naive.p95).padStart(8)}`);
    const speedup = r.naive.p95 / r.hunch.p95;
    console.log(`${String(r.count).padStart(5)}   hunch     ${ms(r.hunch.buildMs).padStart(8)}  ${ms(r.hunch.median).padStart(9)}  ${ms(r.hunch.p95).padStart(8)}  ${`${speedup.toFixed(0)}×`.padStart(13)}  ≤ ${target} ms ${r.hunch.p95 <= target && speedup >= 10 ? '✔' : '✖'}`);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
