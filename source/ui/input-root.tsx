import { useInput, type Key } from 'ink';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

type InputHandler = (input: string, key: Key) => void;
type InputHub = { subscribe(handler: InputHandler): () => void };

const InputContext = createContext<InputHub | undefined>(undefined);

/**
 * Owns the terminal's input for the TUI's whole life. The boot frame and the app below it come and
 * go, but raw mode stays on: were each to take input with its own useInput, the terminal would fall
 * back to cooked mode between the boot frame's goodbye and the app's hello, and a key pressed in
 * that moment would arrive changed (Enter as a line feed) or not at all.
 */
export function InputRoot({ children }: { children: ReactNode }) {
  const handlers = useRef(new Set<InputHandler>());
  useInput((input, key) => {
    for (const handler of handlers.current) handler(input, key);
  });
  const hub = useMemo<InputHub>(
    () => ({
      subscribe(handler) {
        handlers.current.add(handler);
        return () => handlers.current.delete(handler);
      },
    }),
    [],
  );
  return <InputContext.Provider value={hub}>{children}</InputContext.Provider>;
}

/** Keys from the InputRoot above, or straight from Ink when there is none (the screen tests). */
export function useTerminalInput(handler: InputHandler): void {
  const hub = useContext(InputContext);
  const latest = useRef(handler);
  latest.current = handler;
  useInput((input, key) => latest.current(input, key), { isActive: hub === undefined });
  useEffect(() => hub?.subscribe((input, key) => latest.current(input, key)), [hub]);
}
