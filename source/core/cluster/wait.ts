import { setMaxListeners } from 'node:events';

/**
 * Waits for the work, or stops waiting (without stopping the work) when the caller gives up, and
 * then answers `fallback`.
 */
export function untilSignal<T>(work: Promise<T>, signal: AbortSignal | undefined, fallback: T): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(fallback);
  // A screen's one signal waits on many questions at once; no listener-leak warning over the TUI.
  setMaxListeners(0, signal);
  return new Promise<T>((resolve) => {
    const onAbort = () => resolve(fallback);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve(fallback);
      },
    );
  });
}
