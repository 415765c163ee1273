import { Box, Static, Text, useApp as useInkApp, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { NewSessionEvent } from '../core/session/events.js';
import { currentHypothesis, type RunState } from '../core/session/reducer.js';
import { AppContext, useApp, type AppContextValue } from './app-context.js';
import { HelpOverlay } from './components/help-overlay.js';
import { HintsBar } from './components/hints-bar.js';
import { MessageLine } from './components/message-line.js';
import { StatusLine } from './components/status-line.js';
import { FinishedRun } from './components/finished-run.js';
import { useTerminalInput } from './input-root.js';
import { KeyScopeContext, KeysContext, type KeyRegistry } from './hooks/use-keys.js';
import { useClusterNote, useLiveServices } from './hooks/use-live-services.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { keyName } from './keys/key-name.js';
import { splitInput } from './keys/split-input.js';
import type { KeyScope } from './keys/bindings.js';
import { createAppReducer, initialAppState, type AppState, type Screen } from './state/app-state.js';
import { paramsFor } from '../core/params/render.js';
import type { TuiServices } from './services.js';
import { ConfirmScreen } from './screens/confirm-screen.js';
import { ExportScreen } from './screens/export-screen.js';
import { HistoryScreen } from './screens/history-screen.js';
import { HypothesisScreen } from './screens/hypothesis-screen.js';
import { NextScreen } from './screens/next-screen.js';
import { ParamsScreen } from './screens/params-screen.js';
import { RevealScreen } from './screens/reveal-screen.js';
import { RunScreen } from './screens/run-screen.js';
import { TestsScreen } from './screens/tests-screen.js';
import { VerdictScreen } from './screens/verdict-screen.js';
import { chromeLayout } from './state/chrome-layout.js';

export { MIN_COLUMNS, MIN_ROWS } from './state/chrome-layout.js';

export type AppProps = { services: TuiServices; initial?: Partial<AppState>; onExit?: (state: AppState) => void };

/** The whole TUI: chrome around the current screen, one input listener, the finished runs above. */
export function App({ services: given, initial, onExit }: AppProps) {
  // Context, namespace and detected components change while the app runs (`:ctx`, discovery).
  const services = useLiveServices(given);
  const ink = useInkApp();
  const size = useTerminalSize();
  const reducer = useMemo(
    () => createAppReducer((testId) => {
      const test = services.catalog.testById.get(testId);
      return test ? paramsFor(test, services.settings.target ?? test.target).length > 0 : false;
    }),
    [services],
  );
  const [state, dispatch] = useReducer(reducer, { ...initialAppState, ...initial });
  const [session, setSession] = useState(services.session.state);
  const keys = useRef<KeyRegistry['current']>(undefined) as KeyRegistry;
  const record = useCallback(
    (event: NewSessionEvent) => {
      const next = services.session.record(event);
      setSession(next);
      return next;
    },
    [services],
  );
  // Runs journal their own events through the recorder; the run screen asks for a refresh.
  const refresh = useCallback(() => setSession(services.session.state), [services]);
  const leave = useCallback(() => {
    onExit?.(state);
    ink.exit();
  }, [ink, onExit, state]);
  // A practice session ends on the reveal of its root cause; leaving from there quits.
  const exit = useCallback(() => {
    if (services.practice && state.screen.name !== 'reveal') dispatch({ type: 'go', screen: { name: 'reveal' } });
    else leave();
  }, [services.practice, state.screen.name, leave]);
  const clearMessage = useCallback(() => dispatch({ type: 'message', message: undefined }), []);
  useClusterNote(services, dispatch);

  const layout = chromeLayout(size.columns, size.rows);
  const bodyRows = layout.tooSmall ? 1 : layout.bodyRows;
  // The key table the showing screen says is in force (a field open, the full output), if any.
  const [screenScope, setScreenScope] = useState<KeyScope | undefined>(undefined);
  const value: AppContextValue = useMemo(
    () => ({ services, state, dispatch, session, record, refresh, size, bodyRows, exit, leave }),
    [services, state, session, record, refresh, size, bodyRows, exit, leave],
  );

  // Keys are handled one per render, so a key that arrives in the same chunk as the previous one
  // (a fast typist, a terminal that batches "down" and "enter") sees the state the previous key made.
  const queue = useRef<{ input: string; key: Key }[]>([]);
  const [, setPending] = useState(0);
  useTerminalInput((input, key) => {
    queue.current.push(...splitInput(input, key));
    setPending((n) => n + 1);
  });
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    handleKey(next.input, next.key);
    if (queue.current.length > 0) setPending((n) => n + 1);
  });

  function handleKey(input: string, key: Key) {
    const name = keyName(input, key);
    if (state.help) {
      if (name === '?' || name === 'esc') dispatch({ type: 'toggle-help' });
      return;
    }
    if (keys.current?.(input, key, name)) return;
    if (name === '?') dispatch({ type: 'toggle-help' });
    else if (name === 'ctrl+c') {
      const unexported = session.runs.length > 0 && !state.exportedPath;
      if (unexported && !state.quitAsked) {
        dispatch({ type: 'ask-quit' });
        dispatch({ type: 'message', message: { kind: 'warn', text: 'results are not exported: ctrl+c again quits anyway; x on the next screen exports' } });
      } else exit();
    }
  }

  if (layout.tooSmall) return <Text wrap="truncate-end">{layout.message}</Text>;
  const theme = services.theme;
  const finished = session.runs.filter((r) => r.state !== 'running');
  const scope = screenScope ?? scopeOf(state.screen, session);
  return (
    <AppContext.Provider value={value}>
      <KeysContext.Provider value={keys}>
        <KeyScopeContext.Provider value={setScreenScope}>
          <Static items={finished}>{(run) => <FinishedRun key={run.runId} run={run} theme={theme} width={size.columns} />}</Static>
          <Box flexDirection="column" width={size.columns}>
            <StatusLine cluster={services.cluster} hypothesis={currentHypothesis(session)} width={size.columns} theme={theme} />
            {layout.hints ? <HintsBar scope={scope} width={size.columns} theme={theme} /> : null}
            {layout.spacer ? <Text> </Text> : null}
            <Box flexDirection="column" height={bodyRows} overflow="hidden">
              {state.help ? <HelpOverlay scope={scope} width={size.columns} rows={bodyRows} theme={theme} /> : null}
              {/* Hidden, not unmounted, under the help: unmounting the run screen would stop its run and start it again. */}
              <Box flexDirection="column" display={state.help ? 'none' : 'flex'}>
                <CurrentScreen screen={state.screen} />
              </Box>
            </Box>
            <MessageLine message={state.message} onClear={clearMessage} width={size.columns} theme={theme} />
          </Box>
        </KeyScopeContext.Provider>
      </KeysContext.Provider>
    </AppContext.Provider>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  const { services } = useApp();
  switch (screen.name) {
    case 'hypothesis':
      return <HypothesisScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'tests':
      return <TestsScreen />;
    case 'params':
    case 'confirm':
    case 'run': {
      const test = services.catalog.testById.get(screen.testId);
      if (!test) return <Text>{`unknown test ${screen.testId}`}</Text>;
      if (screen.name === 'params') return <ParamsScreen key={test.id} test={test} />;
      if (screen.name === 'confirm') return <ConfirmScreen key={test.id} test={test} />;
      return <RunScreen key={`${test.id}-${screen.name === 'run' ? screen.attempt : 0}`} test={test} />;
    }
    case 'verdict':
      return <VerdictScreen />;
    case 'next':
      return <NextScreen />;
    case 'export':
      return <ExportScreen />;
    case 'reveal':
      return <RevealScreen />;
    case 'quit':
      return <Text>Bye.</Text>;
  }
}

/** Which key table the hints bar and help show for a screen. */
function scopeOf(screen: Screen, session: { runs: RunState[] }): KeyScope {
  switch (screen.name) {
    case 'run': {
      const last = session.runs[session.runs.length - 1];
      return last?.state === 'running' ? 'running' : 'finished';
    }
    case 'quit':
      return 'next';
    default:
      return screen.name;
  }
}
