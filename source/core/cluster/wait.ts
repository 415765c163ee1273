import { setMaxListeners } from 'node:events';

/** Waits for the work, or stops waiting (without stopping the work) when the caller gives up. */
export function untilSignal(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve();
  // A screen's one signal waits on many questions at once; no listener-leak warning over the TUI.
  setMaxListeners(0, signal);
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    work.then(done, done);
  });
}
