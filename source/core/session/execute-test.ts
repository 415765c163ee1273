import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CatalogTest, Outcome } from '../catalog/schema.js';
import { durationMs, readRun } from '../interpret/read-run.js';
import type { RenderedCommand } from '../params/render.js';
import { outputsDir } from '../paths.js';
import { runCommand, type OutputStream, type RunResult } from '../runner/run.js';
import { missingTools } from '../tools.js';
import type { SessionRecorder } from './store.js';

export type ExecuteRequest = {
  recorder: SessionRecorder;
  hypothesisId: string;
  test: CatalogTest;
  command: RenderedCommand;
  context?: string | undefined;
  namespace?: string | undefined;
  signal?: AbortSignal;
  onOutput?: (stream: OutputStream, text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Extra environment for the child (KUBECONFIG of the practice cluster, say). */
  childEnv?: Record<string, string>;
};

export type ExecuteResult = { runId: string; outcome: Outcome; finding: string; result?: RunResult };

const JOURNAL_OUTPUT_LIMIT = 64 * 1024;
const JOURNAL_FLUSH_MS = 250;

export function newRunId(): string {
  return `r-${randomBytes(4).toString('hex')}`;
}

/**
 * Runs one rendered test inside a session: journals the start, batches output into the journal
 * (capped; the spill file has everything), reads the outcome and journals the finish. A test
 * whose tools are missing is journaled as blocked and never started.
 */
export async function executeTest(request: ExecuteRequest): Promise<ExecuteResult> {
  const { recorder, test, command } = request;
  const missing = missingTools(test.requires.tools, request.env);
  if (missing.length > 0) {
    const detail = `needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed here`;
    recorder.record({ type: 'test-blocked', hypothesisId: request.hypothesisId, testId: test.id, title: test.title, reason: 'tool', detail, command: command.display });
    return { runId: '', outcome: 'error', finding: detail };
  }

  const runId = newRunId();
  recorder.record({
    type: 'run-started',
    runId,
    hypothesisId: request.hypothesisId,
    testId: test.id,
    title: test.title,
    component: test.component,
    effect: test.effect,
    command: command.display,
    argv: command.argv,
    values: command.values,
    context: request.context,
    namespace: command.values.namespace ?? request.namespace,
  });

  const batcher = new OutputBatcher((stream, text) => recorder.record({ type: 'output', runId, stream, text }));
  const result = await runCommand({
    argv: command.argv,
    env: { ...request.childEnv, ...command.env },
    timeoutMs: durationMs(test.timeout),
    spillFile: join(outputsDir(recorder.state.id, request.env), `${runId}.log`),
    ...(request.signal ? { signal: request.signal } : {}),
    onOutput: (stream, text) => {
      batcher.push(stream, text);
      request.onOutput?.(stream, text);
    },
  });
  batcher.flush();
  batcher.stop();

  const reading = readRun(test, result);
  recorder.record({
    type: 'run-finished',
    runId,
    status: result.status,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    outcome: reading.outcome,
    finding: reading.finding,
    stdout: tail(result.stdout),
    stderr: tail(result.stderr),
    truncated: result.truncated || result.stdout.length + result.stderr.length > JOURNAL_OUTPUT_LIMIT,
    totalLines: result.totalLines,
    spillFile: result.spillFile,
  });
  return { runId, outcome: reading.outcome, finding: reading.finding, result };
}

function tail(text: string): string {
  return text.length > JOURNAL_OUTPUT_LIMIT ? text.slice(-JOURNAL_OUTPUT_LIMIT) : text;
}

/** Groups output into one journal event per stream every quarter second, up to a cap per run. */
class OutputBatcher {
  private pending: { stream: OutputStream; text: string }[] = [];
  private written = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (stream: OutputStream, text: string) => void) {}

  push(stream: OutputStream, text: string): void {
    if (this.written >= JOURNAL_OUTPUT_LIMIT) return;
    const room = JOURNAL_OUTPUT_LIMIT - this.written;
    const kept = text.length > room ? text.slice(0, room) : text;
    this.written += kept.length;
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += kept;
    else this.pending.push({ stream, text: kept });
    this.timer ??= setTimeout(() => this.flush(), JOURNAL_FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const chunk of pending) this.write(chunk.stream, chunk.text);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
