import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCommand } from '../../params/render.js';
import { runCommand, type RunResult } from '../../runner/run.js';
import type { Catalog } from '../load.js';
import type { Problem } from '../problem.js';
import type { CatalogTest } from '../schema.js';
import { problemAt } from './rule.js';
import { sampleValues } from './sample-values.js';

/** A check that needs a real program (kubectl, shellcheck); skipped with a note when it is missing. */
export type ExternalLintRule = {
  id: string;
  description: string;
  tool: string;
  check(catalog: Catalog, options: ExternalOptions): Promise<Problem[]>;
};

export type ExternalOptions = { cacheDir?: string | undefined; concurrency?: number };

// kubectl validates flags and arguments before it talks to a server; reaching the (dead) server means it parsed.
const REACHED_SERVER = /connection to the server|couldn't get current server API group|connect: connection refused|dial tcp|Unable to connect to the server/;

const DEAD_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: offline
  cluster: {server: "https://127.0.0.1:9"}
contexts:
- name: offline
  context: {cluster: offline, user: offline, namespace: default}
current-context: offline
users:
- name: offline
  user: {token: offline}
`;

export const kubectlParses: ExternalLintRule = {
  id: 'KUBECTL-PARSE',
  description: 'every kubectl command is accepted by the real kubectl (unknown flags, bad arguments), checked offline',
  tool: 'kubectl',
  async check(catalog, options) {
    const jobs = catalog.tests.flatMap((test) => {
      const argv = kubectlArgv(test);
      return argv ? [{ test, argv }] : [];
    });
    if (jobs.length === 0) return [];
    // A command one kubectl accepts, another may refuse (a flag added or removed): the version is part of the key.
    const version = await runCommand({ argv: ['kubectl', 'version', '--client', '-o', 'json'], timeoutMs: 15_000 });
    if (version.status === 'spawn-error') return [];
    const keyOf = (argv: readonly string[]) => `${version.stdout}\u0000${JSON.stringify(argv)}`;
    const dir = mkdtempSync(join(tmpdir(), 'hunch-lint-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, DEAD_KUBECONFIG);
    const cache = new ParseCache(options.cacheDir, 'kubectl-parse.json');
    const problems: Problem[] = [];
    try {
      await eachLimit(jobs, options.concurrency ?? 4, async ({ test, argv }) => {
        const key = keyOf(argv);
        if (cache.has(key)) return;
        const result = await runCommand({
          argv: [...argv.slice(0, 1), '--request-timeout=2s', ...argv.slice(1)],
          env: { KUBECONFIG: kubeconfig },
          timeoutMs: 15_000,
        });
        if (result.status === 'spawn-error') return;
        const stderr = result.stderr.trim();
        if (result.exitCode === 0 || REACHED_SERVER.test(stderr)) {
          cache.add(key);
          return;
        }
        const reason = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.exitCode}`;
        problems.push(problemAt(catalog, test, ['command'], this.id, `kubectl rejects the command: ${reason.replace(/^error: /i, '')}`));
      });
    } finally {
      cache.save();
      rmSync(dir, { recursive: true, force: true });
    }
    return problems;
  },
};

/** The kubectl argv a test runs locally, with sample values; undefined for other tools. */
function kubectlArgv(test: CatalogTest): string[] | undefined {
  if (!test.command) return undefined;
  const rendered = renderCommand(test, sampleValues(test), { target: test.target });
  if (!rendered.ok || rendered.command.argv[0] !== 'kubectl') return undefined;
  return rendered.command.argv;
}

// SC2154: parameters arrive as environment variables, so "referenced but not assigned" is expected.
const SHELLCHECK_ARGS = ['-f', 'json1', '-S', 'info', '-e', 'SC2154'];

type ShellcheckComment = { file: string; line: number; code: number; level: string; message: string };

export const shellcheckPasses: ExternalLintRule = {
  id: 'SHELLCHECK',
  description: 'scripts pass shellcheck; unquoted expansions (SC2086) are errors',
  tool: 'shellcheck',
  async check(catalog, options) {
    const scripts = catalog.tests.filter((t) => t.script !== undefined);
    if (scripts.length === 0) return [];
    // A script that passed one shellcheck may not pass the next: the version is part of the key.
    const version = await runCommand({ argv: ['shellcheck', '--version'], timeoutMs: 15_000 });
    if (version.status === 'spawn-error') return [];
    const texts = scripts.map((test) => `#!/usr/bin/env ${test.target === 'pod' ? 'sh' : 'bash'}\n${test.script}\n`);
    const keyOf = (text: string) => `${version.stdout}\u0000${SHELLCHECK_ARGS.join(' ')}\u0000${text}`;
    const cache = new ParseCache(options.cacheDir, 'shellcheck-clean.json');
    const unchecked = scripts.flatMap((_, index) => (cache.has(keyOf(texts[index] as string)) ? [] : [index]));
    if (unchecked.length === 0) return [];
    const dir = mkdtempSync(join(tmpdir(), 'hunch-shellcheck-'));
    try {
      const fileOf = new Map<string, number>();
      for (const index of unchecked) {
        const path = join(dir, `${index}.sh`);
        writeFileSync(path, texts[index] as string);
        fileOf.set(path, index);
      }
      // One shellcheck per core, each with its share of the scripts: each process costs a start-up
      // of its own, so more, smaller batches would be slower.
      const files = [...fileOf.keys()];
      const size = Math.ceil(files.length / Math.max(1, options.concurrency ?? availableParallelism()));
      const batches = Array.from({ length: Math.ceil(files.length / size) }, (_, b) => files.slice(b * size, (b + 1) * size));
      const problems: Problem[] = [];
      const flagged = new Set<number>();
      await eachLimit(batches, batches.length, async (batch) => {
        const result = await runCommand({ argv: ['shellcheck', ...SHELLCHECK_ARGS, ...batch], timeoutMs: 60_000, keepChars: 16 * 1024 * 1024 });
        const comments = shellcheckComments(result);
        if (!comments) {
          // Not a verdict on these scripts: say so once, at the first of them, and remember none.
          const test = scripts[fileOf.get(batch[0] as string) as number] as CatalogTest;
          const said = result.stderr.trim().split('\n')[0];
          const why = result.status === 'exited' ? `exit code ${result.exitCode}${said ? `: ${said}` : ''}` : result.status;
          problems.push(problemAt(catalog, test, ['script'], this.id, `shellcheck did not give a report (${why}); these scripts were not checked`));
          for (const file of batch) flagged.add(fileOf.get(file) as number);
          return;
        }
        for (const comment of comments) {
          const index = fileOf.get(comment.file);
          const serious = comment.level === 'error' || comment.level === 'warning' || comment.code === 2086;
          if (index === undefined || !serious) continue;
          flagged.add(index);
          const test = scripts[index] as CatalogTest;
          const where = catalog.locate(test.source.file, [...test.source.path, 'script']);
          // The script's text starts on the line after `script: |`; line 1 of the temp file is the shebang.
          problems.push({ ...where, line: where.line + comment.line - 1, rule: this.id, message: `SC${comment.code} ${comment.message}` });
        }
      });
      // Only scripts shellcheck read and found nothing serious in are spared next time.
      for (const index of unchecked) if (!flagged.has(index)) cache.add(keyOf(texts[index] as string));
      cache.save();
      // Batches finish in any order; lintCatalog sorts every rule's problems by place.
      return problems;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The comments of a shellcheck run (exit 0: none, 1: some), or undefined when it did not report. */
function shellcheckComments(result: RunResult): ShellcheckComment[] | undefined {
  if (result.status !== 'exited' || (result.exitCode !== 0 && result.exitCode !== 1) || result.truncated) return undefined;
  try {
    const report = JSON.parse(result.stdout || '{"comments":[]}') as { comments?: ShellcheckComment[] };
    return Array.isArray(report.comments) ? report.comments : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers what already passed (kubectl argvs, scripts), so a repeated lint only checks changes. */
class ParseCache {
  private readonly entries = new Set<string>();
  private readonly path: string | undefined;
  private dirty = false;

  constructor(dir: string | undefined, name: string) {
    this.path = dir ? join(dir, name) : undefined;
    if (!this.path) return;
    try {
      for (const key of JSON.parse(readFileSync(this.path, 'utf8')) as string[]) this.entries.add(key);
    } catch {
      /* no cache yet */
    }
  }

  private hash(key: string): string {
    return createHash('sha1').update(key).digest('hex');
  }

  has(key: string): boolean {
    return this.entries.has(this.hash(key));
  }

  add(key: string): void {
    this.entries.add(this.hash(key));
    this.dirty = true;
  }

  save(): void {
    if (!this.path || !this.dirty) return;
    mkdirSync(join(this.path, '..'), { recursive: true });
    writeFileSync(this.path, JSON.stringify([...this.entries]));
  }
}

async function eachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
