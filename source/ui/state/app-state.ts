/** Which screen is showing; each carries only what it needs to be rebuilt. */
export type Screen =
  | { name: 'hypothesis' }
  | { name: 'history' }
  | { name: 'tests' }
  | { name: 'params'; testId: string }
  | { name: 'confirm'; testId: string }
  /** `attempt` makes each run of the same test a fresh screen. */
  | { name: 'run'; testId: string; attempt: number }
  | { name: 'verdict' }
  | { name: 'next' }
  | { name: 'export' }
  | { name: 'reveal' }
  | { name: 'quit' };

export type Message = { text: string; kind: 'info' | 'warn' | 'error' };

export type AppState = {
  screen: Screen;
  help: boolean;
  /** Test ids queued to run, in order. */
  plan: string[];
  /** Test ids ticked on the tests screen. */
  selected: string[];
  /** Parameter values per test id, kept when going back and forth. */
  values: Record<string, Record<string, string>>;
  /** Extra words typed with `/` on the tests screen. */
  refine: string;
  message?: Message | undefined;
  /** Set once a report was written, for the exit summary and the quit question. */
  exportedPath?: string | undefined;
  quitAsked: boolean;
  /** Text typed before the app was ready (the boot frame); the hypothesis field starts with it. */
  initialQuery?: string | undefined;
};

export type AppAction =
  | { type: 'go'; screen: Screen }
  | { type: 'toggle-help' }
  | { type: 'toggle-selected'; testId: string }
  | { type: 'start-plan'; testIds: string[] }
  | { type: 'advance-plan' }
  | { type: 'set-values'; testId: string; values: Record<string, string> }
  | { type: 'refine'; text: string }
  | { type: 'message'; message: Message | undefined }
  | { type: 'exported'; path: string }
  | { type: 'ask-quit' }
  | { type: 'new-hypothesis' };

export const initialAppState: AppState = { screen: { name: 'hypothesis' }, help: false, plan: [], selected: [], values: {}, refine: '', quitAsked: false };

/**
 * The app's reducer. `needsParams` says whether a test asks anything before its confirmation, so
 * a test without parameters goes straight to the confirm step.
 */
export function createAppReducer(needsParams: (testId: string) => boolean) {
  const screenFor = (testId: string): Screen => (needsParams(testId) ? { name: 'params', testId } : { name: 'confirm', testId });
  return (state: AppState, action: AppAction): AppState => reduceApp(state, action, screenFor);
}

function reduceApp(state: AppState, action: AppAction, screenFor: (testId: string) => Screen): AppState {
  switch (action.type) {
    case 'go':
      // Text typed during the boot frame seeds the first hypothesis field only.
      return { ...state, screen: action.screen, help: false, quitAsked: false, initialQuery: undefined };
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'toggle-selected':
      return {
        ...state,
        selected: state.selected.includes(action.testId) ? state.selected.filter((id) => id !== action.testId) : [...state.selected, action.testId],
      };
    case 'start-plan': {
      const [first, ...rest] = action.testIds;
      if (!first) return state;
      return { ...state, plan: rest, selected: [], screen: screenFor(first), help: false, initialQuery: undefined };
    }
    case 'advance-plan': {
      const [first, ...rest] = state.plan;
      return first ? { ...state, plan: rest, screen: screenFor(first) } : { ...state, screen: { name: 'tests' } };
    }
    case 'set-values':
      return { ...state, values: { ...state.values, [action.testId]: action.values } };
    case 'refine':
      return { ...state, refine: action.text };
    case 'message':
      return { ...state, message: action.message };
    case 'exported':
      return { ...state, exportedPath: action.path };
    case 'ask-quit':
      return { ...state, quitAsked: true };
    case 'new-hypothesis':
      return { ...state, screen: { name: 'hypothesis' }, plan: [], selected: [], refine: '', help: false, initialQuery: undefined };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
