/**
 * The one key table. Input hooks look actions up here, the hints bar shows the bindings marked
 * `hint`, and the help overlay lists them all, so keys, hints and help cannot disagree.
 */
export type Binding<A extends string = string> = {
  keys: readonly string[];
  action: A;
  /** Short label for the hints bar. */
  label: string;
  /** One line for the help overlay. */
  help: string;
  hint?: boolean;
};

export const KEYMAP = {
  global: [
    { keys: ['?'], action: 'help', label: 'help', help: 'show or hide this help', hint: true },
    { keys: ['ctrl+c'], action: 'interrupt', label: 'stop/quit', help: 'stop the running test; when idle, quit (asks once if results are not exported)' },
  ],
  hypothesis: [
    { keys: ['enter'], action: 'submit', label: 'state it', help: 'state the typed hypothesis (or the highlighted suggestion) and list its tests', hint: true },
    { keys: ['up', 'down'], action: 'move', label: 'suggestions', help: 'move through matching hypotheses and tests; with the field empty, this session\'s and earlier sessions\' hypotheses', hint: true },
    { keys: ['tab'], action: 'complete', label: 'use suggestion', help: 'copy the highlighted hypothesis into the field to edit it' },
    { keys: ['ctrl+o'], action: 'history', label: 'hypotheses', help: 'every hypothesis of this session with its state; go back to one', hint: true },
    { keys: ['esc'], action: 'clear', label: 'clear', help: 'clear the field (never quits)' },
  ],
  history: [
    { keys: ['enter'], action: 'open', label: 'open', help: 'continue with the highlighted hypothesis', hint: true },
    { keys: ['up', 'k'], action: 'up', label: 'up', help: 'move up' },
    { keys: ['down', 'j'], action: 'down', label: 'down', help: 'move down' },
    { keys: ['g'], action: 'top', label: 'top', help: 'first hypothesis' },
    { keys: ['G'], action: 'bottom', label: 'bottom', help: 'last hypothesis' },
    { keys: ['pageup'], action: 'pageup', label: 'page up', help: 'one page up' },
    { keys: ['pagedown'], action: 'pagedown', label: 'page down', help: 'one page down' },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to the hypothesis field', hint: true },
  ],
  tests: [
    { keys: ['enter'], action: 'run', label: 'run', help: 'run the selected tests (or the highlighted one)', hint: true },
    { keys: ['space'], action: 'toggle', label: 'select', help: 'add or remove the highlighted test from the plan', hint: true },
    { keys: ['up', 'k'], action: 'up', label: 'up', help: 'move up' },
    { keys: ['down', 'j'], action: 'down', label: 'down', help: 'move down' },
    { keys: ['g'], action: 'top', label: 'top', help: 'first test' },
    { keys: ['G'], action: 'bottom', label: 'bottom', help: 'last test' },
    { keys: ['pageup'], action: 'pageup', label: 'page up', help: 'one page up' },
    { keys: ['pagedown'], action: 'pagedown', label: 'page down', help: 'one page down' },
    { keys: ['/'], action: 'filter', label: 'filter', help: 'filter the list: keep the tests that mention every word typed', hint: true },
    { keys: ['d'], action: 'details', label: 'details', help: 'show or hide what the highlighted test does and why', hint: true },
    { keys: ['v'], action: 'verdict', label: 'verdict', help: 'decide the hypothesis', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to the hypothesis', hint: true },
  ],
  filter: [
    { keys: ['enter'], action: 'apply', label: 'keep', help: 'keep the filter and go back to the list', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'drop', help: 'drop the filter: the whole list again', hint: true },
  ],
  params: [
    { keys: ['enter'], action: 'accept', label: 'take suggestion', help: 'take the highlighted suggestion (or the typed text) and go to the next parameter', hint: true },
    { keys: ['tab'], action: 'keep', label: 'keep typed', help: 'keep exactly what was typed and go to the next parameter', hint: true },
    { keys: ['up', 'down'], action: 'move', label: 'suggestions', help: 'move through suggested values', hint: true },
    { keys: ['shift+tab'], action: 'previous', label: 'previous', help: 'back to the previous parameter' },
    { keys: ['ctrl+r'], action: 'refresh', label: 'refresh', help: 'reload suggestions from the cluster' },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to the tests', hint: true },
  ],
  confirm: [
    { keys: ['enter'], action: 'run', label: 'run', help: 'run exactly this command (mutating tests: type the resource name first)', hint: true },
    { keys: ['e'], action: 'edit', label: 'edit', help: 'edit the parameters', hint: true },
    { keys: ['s'], action: 'skip', label: 'skip', help: 'skip this test', hint: true },
    { keys: ['c'], action: 'copy', label: 'copy', help: 'copy the command to the clipboard (OSC 52, works over SSH)', hint: true },
    { keys: ['up', 'down'], action: 'scroll', label: 'scroll', help: 'scroll a command taller than the screen (a script)' },
    { keys: ['esc'], action: 'back', label: 'cancel', help: 'back to the tests without running', hint: true },
  ],
  running: [
    { keys: ['esc', 'ctrl+c'], action: 'stop', label: 'stop', help: 'stop the test and everything it started', hint: true },
    { keys: ['f'], action: 'full', label: 'full output', help: 'show the whole output so far (scroll with up/down)', hint: true },
  ],
  output: [
    { keys: ['up', 'k'], action: 'up', label: 'scroll up', help: 'one line back', hint: true },
    { keys: ['down', 'j'], action: 'down', label: 'scroll down', help: 'one line on' },
    { keys: ['pageup'], action: 'pageup', label: 'page up', help: 'one page back' },
    { keys: ['pagedown'], action: 'pagedown', label: 'page down', help: 'one page on' },
    { keys: ['g'], action: 'top', label: 'top', help: 'the first line kept' },
    { keys: ['G'], action: 'bottom', label: 'end', help: 'the last line' },
    { keys: ['esc', 'f'], action: 'close', label: 'close', help: 'back to the run', hint: true },
    { keys: ['/'], action: 'search', label: 'search', help: 'search the output for text (plain text, any case); the view jumps to the first match from the top', hint: true },
    { keys: ['n'], action: 'next', label: 'next match', help: 'the next line with a match, wrapping around to the first', hint: true },
    { keys: ['N'], action: 'previous', label: 'previous match', help: 'the previous line with a match, wrapping around to the last' },
  ],
  search: [
    { keys: ['enter'], action: 'find', label: 'search', help: 'search for the typed text and jump to the first match', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'cancel', help: 'close the search field and stay in the full output', hint: true },
  ],
  finished: [
    { keys: ['n', 'enter'], action: 'next', label: 'next test', help: 'the next test of the plan, or back to the list', hint: true },
    { keys: ['v'], action: 'verdict', label: 'verdict', help: 'decide the hypothesis', hint: true },
    { keys: ['o'], action: 'override', label: 'override', help: 'change the outcome if you read the output differently', hint: true },
    { keys: ['a'], action: 'note', label: 'note', help: 'add a note to this run', hint: true },
    { keys: ['f'], action: 'full', label: 'full output', help: 'show the whole output (scroll with up/down)', hint: true },
    { keys: ['x'], action: 'suggested', label: 'suggested next', help: 'run the tests the catalogue suggests after this one (their shared parameters carried over)', hint: true },
    { keys: ['esc'], action: 'back', label: 'tests', help: 'back to the test list' },
  ],
  override: [
    { keys: ['left', 'right'], action: 'choose', label: 'choose', help: 'choose the outcome you read in the output', hint: true },
    { keys: ['enter'], action: 'set', label: 'set it', help: 'record the chosen outcome (the report shows what the rules said too)', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'cancel', help: 'keep the outcome as it is', hint: true },
  ],
  note: [
    { keys: ['enter'], action: 'save', label: 'save note', help: 'add the note to this run (it goes into the report)', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'cancel', help: 'drop the note', hint: true },
  ],
  verdict: [
    { keys: ['left', 'right'], action: 'cycle', label: 'choose', help: 'choose confirmed, refuted or inconclusive', hint: true },
    { keys: ['enter'], action: 'record', label: 'record', help: 'record the verdict with the conclusion typed', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back without deciding', hint: true },
  ],
  next: [
    { keys: ['h'], action: 'hypothesis', label: 'next hypothesis', help: 'state another hypothesis', hint: true },
    { keys: ['t', 'esc'], action: 'tests', label: 'more tests', help: 'back to the tests of this hypothesis', hint: true },
    { keys: ['x'], action: 'export', label: 'export', help: 'write the triage report', hint: true },
    { keys: ['q'], action: 'quit', label: 'finish', help: 'finish the session', hint: true },
  ],
  export: [
    { keys: ['up', 'k'], action: 'up', label: 'up', help: 'previous format' },
    { keys: ['down', 'j'], action: 'down', label: 'down', help: 'next format' },
    { keys: ['enter'], action: 'write', label: 'write', help: 'write the report in the highlighted format to the destination shown', hint: true },
    { keys: ['d'], action: 'destination', label: 'destination', help: 'change where the report is written (a file, or a folder for the default name)', hint: true },
    { keys: ['c'], action: 'copy', label: 'copy', help: 'copy the report to the clipboard (OSC 52, works over SSH)', hint: true },
    { keys: ['q'], action: 'finish', label: 'finish', help: 'finish the session', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to what next', hint: true },
  ],
  destination: [
    { keys: ['enter'], action: 'apply', label: 'use it', help: 'use the typed destination', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'cancel', help: 'keep the previous destination', hint: true },
  ],
  reveal: [
    { keys: ['enter', 'q'], action: 'leave', label: 'leave', help: 'leave hunch', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to what next (export, more tests)', hint: true },
  ],
} as const satisfies Record<string, readonly Binding[]>;

export type KeyScope = keyof typeof KEYMAP;
export type ActionOf<S extends KeyScope> = (typeof KEYMAP)[S][number]['action'];

/** The action a key triggers in a scope, if any. */
export function actionFor<S extends KeyScope>(scope: S, key: string): ActionOf<S> | undefined {
  const bindings: readonly Binding[] = KEYMAP[scope];
  return bindings.find((binding) => binding.keys.includes(key))?.action as ActionOf<S> | undefined;
}

/** The keys bound to an action in a scope, as a list for messages that name them ("n/N"). */
export function keysOf<S extends KeyScope>(scope: S, ...actions: ActionOf<S>[]): string[] {
  const bindings: readonly Binding[] = KEYMAP[scope];
  return actions.flatMap((action) => bindings.find((binding) => binding.action === action)?.keys ?? []);
}

/** The keys of a binding as shown to people: "enter", "↑/↓". */
export function keyLabel(keys: readonly string[], unicode: boolean): string {
  const names: Record<string, string> = unicode
    ? { up: '↑', down: '↓', left: '←', right: '→', enter: '⏎', space: 'space' }
    : { up: 'up', down: 'down', left: 'left', right: 'right', enter: 'enter', space: 'space' };
  return keys.map((k) => names[k] ?? k).join('/');
}
