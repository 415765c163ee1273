import type { Key } from 'ink';
import { createContext, useContext, useEffect, useRef } from 'react';

/** A screen's key handler: true when it used the key, false to let the app apply global keys. */
export type KeyHandler = (input: string, key: Key, name: string) => boolean;

export type KeyRegistry = { current: KeyHandler | undefined };

export const KeysContext = createContext<KeyRegistry>({ current: undefined });

/**
 * Registers the showing screen's handler with the app's single input listener, so exactly one
 * screen hears keys and global keys (help, Ctrl-C) are applied only when the screen passes.
 */
export function useKeys(handler: KeyHandler): void {
  const registry = useContext(KeysContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward: KeyHandler = (input, key, name) => latest.current(input, key, name);
    registry.current = forward;
    return () => {
      if (registry.current === forward) registry.current = undefined;
    };
  }, [registry]);
}
