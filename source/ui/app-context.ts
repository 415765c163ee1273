import { createContext, useContext, type Dispatch } from 'react';
import type { NewSessionEvent } from '../core/session/events.js';
import type { SessionState } from '../core/session/reducer.js';
import type { TuiServices } from './services.js';
import type { AppAction, AppState } from './state/app-state.js';
import type { TerminalSize } from './hooks/use-terminal-size.js';

export type AppContextValue = {
  services: TuiServices;
  state: AppState;
  dispatch: Dispatch<AppAction>;
  session: SessionState;
  /** Journals an event (on disk before it returns) and re-renders with the new session state. */
  record(event: NewSessionEvent): SessionState;
  /** Re-reads the session after events recorded elsewhere (a run journals its own). */
  refresh(): void;
  size: TerminalSize;
  /** Rows the screen body may use after the chrome. */
  bodyRows: number;
  /** Finish the session (a practice session shows its reveal first). */
  exit(): void;
  /** Leave hunch now. */
  leave(): void;
};

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <App>');
  return value;
}
