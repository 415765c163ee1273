import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CatalogTest, Outcome } from '../catalog/schema.js';
import { durationMs, readRun } from '../interpret/read-run.js';
import type { RenderedCommand } from '../params/render.js';
import { outputsDir } from '../paths.js';
import { runCommand, type OutputStream, type RunResult } from '../runner/run.js';
import { missingTools } from '../tools.js';
import { OutputBatcher } from './output-batcher.js';
import { RunOutput } from './run-output.js';
import type { SessionRecorder } from './store.js';

export type ExecuteRequest = {
  recorder: SessionRecorder;
  hypothesisId: string;
  test: CatalogTest;
  command: RenderedCommand;
  context?: string | undefined;
  namespace?: string | undefined;
  signal?: AbortSignal;
  /** Output as it arrives, already redacted when the session is (the default). */
  onOutput?: (stream: OutputStream, text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Extra environment for the child (KUBECONFIG of the practice cluster, say). */
  childEnv?: Record<string, string>;
};

export type ExecuteResult = { runId: string; outcome: Outcome; finding: string; result?: RunResult };

export function newRunId(): string {
  return `r-${randomBytes(4).toString('hex')}`;
}

/**
 * Runs one rendered test inside a session: journals the start, streams redacted output into the
 * journal while it runs (so a crash keeps what was printed), reads the outcome from the raw output
 * and journals the finish. A test whose tools are missing is journaled as blocked, never started.
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

  const output = new RunOutput({ redact: recorder.redacts, spillFile: join(outputsDir(recorder.state.id, request.env), `${runId}.log`) });
  const batcher = new OutputBatcher((stream, text) => recorder.record({ type: 'output', runId, stream, text }));
  const deliver = (pieces: { stream: OutputStream; text: string }[]) => {
    for (const piece of pieces) {
      batcher.push(piece.stream, piece.text);
      request.onOutput?.(piece.stream, piece.text);
    }
  };
  let result: RunResult;
  try {
    result = await runCommand({
      argv: command.argv,
      env: { ...request.childEnv, ...command.env },
      timeoutMs: durationMs(test.timeout),
      ...(request.signal ? { signal: request.signal } : {}),
      onOutput: (stream, text) => deliver(output.push(stream, text)),
    });
  } finally {
    deliver(output.end());
    batcher.flush();
    batcher.stop();
  }

  const reading = readRun(test, result);
  recorder.record({
    type: 'run-finished',
    runId,
    status: result.status,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    outcome: reading.outcome,
    finding: reading.finding,
    stdout: output.tail('stdout'),
    stderr: output.tail('stderr'),
    truncated: result.truncated || output.truncated,
    totalLines: result.totalLines,
    spillFile: output.spillFile,
  });
  return { runId, outcome: reading.outcome, finding: reading.finding, result };
}
