import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCatalog, type CompiledData } from '../../../source/core/catalog/compile/compile.js';
import { startCompileHelper, type HelperOptions } from '../../../source/core/catalog/compile/helper.js';
import { BY_HELPER, BY_MAIN, DONE, PROGRESS, type HelperResult } from '../../../source/core/catalog/compile/helper-protocol.js';
import { runHelper } from '../../../source/core/catalog/compile/helper-run.js';
import type { StartHelper, TestSink } from '../../../source/core/catalog/compile/test-files.js';
import { harmlessTestYaml } from '../../helpers/catalog-yaml.js';
import { ROOT } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

// The helper thread runs the built script, as `hunch` does; npm test builds it first.
const WORKER = join(ROOT, 'dist', 'compile-worker.js');

/** A file of `count` harmless tests named prefix-0 …, plus whatever else is given. */
const testFile = (component: string, count: number, extra = '') =>
  `component: ${component}\ntests:\n${Array.from({ length: count }, (_, i) => harmlessTestYaml(`${component}-${i}`)).join('')}${extra}`;

/**
 * A catalogue big enough for a helper (about 600 KB), with what must come out the same whichever
 * thread compiles it, all in the last files, which the helper takes first: an id also used in the
 * first file, an id used in two of the last files, a YAML error, a schema problem and a file that
 * cannot be read.
 */
function catalogue(): string {
  const files: Record<string, string> = {};
  for (let f = 0; f < 20; f++) files[`f${String(f).padStart(2, '0')}.yaml`] = testFile(`f${f}`, 60);
  files['x1.yaml'] = testFile('x1', 5, harmlessTestYaml('f0-3') + harmlessTestYaml('shared-id'));
  files['x2.yaml'] = testFile('x2', 5, harmlessTestYaml('shared-id') + harmlessTestYaml('bad-test', '"Unclosed'));
  files['x3.yaml'] = testFile('x3', 5).replace('effect: read-only', 'effect: sometimes');
  const dir = tempDir(files);
  symlinkSync(join(dir, 'nowhere'), join(dir, 'x4.yaml'));
  return dir;
}

/** tests.jsonl as the sink would write it, line by line. */
function collectingSink(): TestSink & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    add: (test) => lines.push(`${JSON.stringify(test)}\n`),
    addLine: (line) => lines.push(Buffer.from(line).toString('utf8')),
    fail: () => lines.push('FAILED'),
  };
}

function compile(dir: string, helper?: StartHelper): { data: CompiledData; lines: string[] } {
  const sink = collectingSink();
  const data = compileCatalog([dir], '/', { index: true, keepTests: false, sink, ...(helper ? { helper } : {}) });
  return { data, lines: sink.lines };
}

/** Everything a compile gives that the cache and the searcher keep. */
function outcome({ data, lines }: { data: CompiledData; lines: string[] }) {
  const index = Object.fromEntries(Object.entries(data.index ?? {}).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]));
  return { version: data.version, problems: data.problems, entries: data.entries, fileFacts: data.fileFacts, index, lines };
}

/** A helper whose main thread does not start until the helper has compiled a file: both surely work. */
function helperFirst(options: HelperOptions = {}): StartHelper {
  return (files, components) => {
    const helper = startCompileHelper(files, components, { env: { HUNCH_COMPILE_HELPER: WORKER }, ...options });
    if (!helper) throw new Error('no helper started');
    const idle = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 20_000;
    let waited = false;
    return {
      ...helper,
      claim: (at) => {
        if (!waited) while (helper.progress() === 0 && Date.now() < deadline) Atomics.wait(idle, 0, 0, 5);
        waited = true;
        return helper.claim(at);
      },
      progress: () => helper.progress(),
      take: (at) => helper.take(at),
      stop: () => helper.stop(),
    };
  };
}

describe('a compile shared with a helper thread', () => {
  let dir: string;
  let alone: ReturnType<typeof outcome>;
  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error('dist/compile-worker.js is missing: npm test builds it first (npm run build)');
    dir = catalogue();
    alone = outcome(compile(dir));
  });

  it('gives exactly what one thread gives: problems, duplicates, index and tests.jsonl', () => {
    const shared = compile(dir, helperFirst());
    expect(shared.data.helperFiles).toBeGreaterThan(0);
    expect(shared.data.helperFiles).toBeLessThan(24);
    expect(outcome(shared)).toEqual(alone);
    // The cases are really there: a test of this catalogue read by each rule.
    const rules = alone.problems.map((p) => `${p.file.replace(/^.*\//, '')} ${p.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['x1.yaml ID-DUPLICATE', 'x2.yaml ID-DUPLICATE', 'x2.yaml YAML', 'x3.yaml SCHEMA', 'x4.yaml FILE']));
  });

  it('compiles every file in this thread when the helper cannot start', () => {
    const broken = join(tempDir({ 'broken.mjs': "throw new Error('broken helper');\n" }), 'broken.mjs');
    const shared = compile(dir, (files, components) => startCompileHelper(files, components, { env: { HUNCH_COMPILE_HELPER: broken } }));
    expect(shared.data.helperFiles).toBe(0);
    expect(outcome(shared)).toEqual(alone);
  });

  it('takes back the files of a helper that claimed them and then stopped making progress', () => {
    // Claims every file, then neither compiles nor posts anything.
    const stuck = join(
      tempDir({ 'stuck.mjs': "import { workerData } from 'node:worker_threads';\nfor (let i = workerData.files.length - 1; i >= 0; i--) Atomics.compareExchange(workerData.claims, i, 0, 2);\nsetInterval(() => {}, 1000);\n" }),
      'stuck.mjs',
    );
    const started = Date.now();
    const shared = compile(dir, (files, components) => {
      const helper = startCompileHelper(files, components, { env: { HUNCH_COMPILE_HELPER: stuck }, stallMs: 300 });
      // Let it claim everything before this thread starts.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      return helper;
    });
    expect(shared.data.helperFiles).toBe(0);
    expect(outcome(shared)).toEqual(alone);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('is not started for a catalogue too small to gain from it, nor when turned off', () => {
    const small = tempDir({ 'a.yaml': testFile('a', 3), 'b.yaml': testFile('b', 3) });
    let started = 0;
    const counting: StartHelper = (files, components) => {
      const helper = startCompileHelper(files, components, { env: { HUNCH_COMPILE_HELPER: WORKER } });
      if (helper) started++;
      return helper;
    };
    compile(small, counting);
    expect(started).toBe(0);
    const off: StartHelper = (files, components) => startCompileHelper(files, components, { env: { HUNCH_COMPILE_HELPER: 'off' } });
    expect(compile(dir, off).data.helperFiles).toBe(0);
    compile(dir, counting);
    expect(started).toBe(1);
  });
});

describe('the helper side', () => {
  function run(claimed: number[]) {
    const dir = tempDir({ 'a.yaml': testFile('a', 2), 'b.yaml': testFile('b', 2), 'c.yaml': testFile('c', 3), 'd.yaml': testFile('d', 1) });
    const files = ['a', 'b', 'c', 'd'].map((name) => ({ path: join(dir, `${name}.yaml`), file: `${name}.yaml` }));
    const claims = new Int32Array(new SharedArrayBuffer(16));
    for (const at of claimed) claims[at] = BY_MAIN;
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    runHelper({ files, components: [], claims, signal, port: port2 });
    const result = receiveMessageOnPort(port1)?.message as HelperResult;
    port1.close();
    port2.close();
    return { result, claims: Array.from(claims), signal: Array.from(signal) };
  }

  it('claims files from the last one back and stops at the first the main thread holds', () => {
    const { result, claims, signal } = run([1]);
    expect(claims).toEqual([0, BY_MAIN, BY_HELPER, BY_HELPER]);
    expect(signal[DONE]).toBe(1);
    expect(signal[PROGRESS]).toBe(2);
    if ('failed' in result) throw new Error(result.failed);
    expect(result.files.map((f) => [f.at, f.first, f.entries.map((e) => e.id)])).toEqual([
      [3, 0, ['d-0']],
      [2, 1, ['c-0', 'c-1', 'c-2']],
    ]);
    // One document and one JSON line per test, in the order compiled.
    expect(result.part.docs.map((d) => d.id)).toEqual(['d-0', 'c-0', 'c-1', 'c-2']);
    const lines = Buffer.from(result.lines).toString('utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['d-0', 'c-0', 'c-1', 'c-2']);
    expect(Array.from(result.lineStarts)).toEqual([0, ...lines.map((_, i) => Buffer.byteLength(lines.slice(0, i + 1).join('\n')) + 1)]);
  });

  it('compiles nothing, and says so at once, when the main thread already holds the last file', () => {
    const { result, claims, signal } = run([3]);
    expect(claims).toEqual([0, 0, 0, BY_MAIN]);
    expect(signal).toEqual([1, 0]);
    expect('files' in result && result.files).toEqual([]);
  });
});
