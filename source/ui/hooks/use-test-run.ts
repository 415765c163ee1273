import { useEffect, useRef, useState } from 'react';
import type { CatalogTest } from '../../core/catalog/schema.js';
import { renderCommand } from '../../core/params/render.js';
import type { ExecuteResult } from '../../core/session/execute-test.js';
import type { AppContextValue } from '../app-context.js';
import { LineBuffer } from '../state/line-buffer.js';

/** Output reaches the screen at most this often, however fast the test prints. */
const RENDER_EVERY_MS = 50;

/**
 * Runs the test once for the screen's life: output into a bounded line buffer, redrawn on a
 * throttle; `stop` aborts the run (the runner stops its whole process tree); leaving the screen
 * stops it too.
 */
export function useTestRun({ services, state, session, refresh }: AppContextValue, test: CatalogTest) {
  const buffer = useRef(new LineBuffer());
  const abort = useRef<AbortController | undefined>(undefined);
  const [, setTick] = useState(0);
  const [result, setResult] = useState<ExecuteResult | undefined>(undefined);
  const [stopping, setStopping] = useState(false);
  const hypothesisId = session.currentHypothesisId ?? '';

  useEffect(() => {
    const rendered = renderCommand(test, state.values[test.id] ?? {}, services.settings);
    if (!rendered.ok) return undefined;
    const controller = new AbortController();
    abort.current = controller;
    let dirty = false;
    const timer = setInterval(() => {
      if (dirty) {
        dirty = false;
        setTick((t) => t + 1);
      }
    }, RENDER_EVERY_MS);
    const onOutput = (_stream: string, text: string) => {
      buffer.current.push(text);
      dirty = true;
    };
    services
      .runTest({ test, command: rendered.command, hypothesisId, signal: controller.signal, onOutput })
      .then((outcome) => {
        buffer.current.end();
        refresh();
        setResult(outcome);
      })
      .catch((error: unknown) => setResult({ runId: '', outcome: 'error', finding: error instanceof Error ? error.message : String(error) }))
      .finally(() => clearInterval(timer));
    // The run journaled its start before its first await.
    refresh();
    return () => {
      clearInterval(timer);
      controller.abort();
    };
    // The run starts once per screen; values are fixed by the time we get here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const stop = () => {
    abort.current?.abort();
    setStopping(true);
  };
  const run = result ? session.runs.find((r) => r.runId === result.runId) : undefined;
  return { buffer: buffer.current, result, run, stop, stopping, hypothesisId };
}
