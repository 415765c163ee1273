import type { Key } from 'ink';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { KeyScope } from '../keys/bindings.js';

/** A screen's key handler: true when it used the key, false to let the app apply global keys. */
export type KeyHandler = (input: string, key: Key, name: string) => boolean;

export type KeyRegistry = { current: KeyHandler | undefined };

export const KeysContext = createContext<KeyRegistry>({ current: undefined });

/** Tells the app which key table the showing screen uses right now, for the hints bar and help. */
export const KeyScopeContext = createContext<(scope: KeyScope | undefined) => void>(() => undefined);

/**
 * Registers the showing screen's handler with the app's single input listener, so exactly one
 * screen hears keys and global keys (help, Ctrl-C) are applied only when the screen passes.
 * `scope` names the key table in force when a screen has modes (a filter field, the full
 * output), so the hints bar and the help overlay show the keys that work now.
 */
export function useKeys(handler: KeyHandler, scope?: KeyScope): void {
  const registry = useContext(KeysContext);
  const setScope = useContext(KeyScopeContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward: KeyHandler = (input, key, name) => latest.current(input, key, name);
    registry.current = forward;
    return () => {
      if (registry.current === forward) registry.current = undefined;
    };
  }, [registry]);
  useEffect(() => {
    setScope(scope);
  }, [setScope, scope]);
  useEffect(() => () => setScope(undefined), [setScope]);
}
