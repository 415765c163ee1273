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
    { keys: ['up', 'down'], action: 'move', label: 'suggestions', help: 'move through matching hypotheses and tests', hint: true },
    { keys: ['tab'], action: 'complete', label: 'use suggestion', help: 'copy the highlighted hypothesis into the field' },
    { keys: ['ctrl+o'], action: 'history', label: 'hypotheses', help: 'go back to a hypothesis of this session', hint: true },
    { keys: ['esc'], action: 'clear', label: 'clear', help: 'clear the field' },
  ],
  history: [
    { keys: ['enter'], action: 'open', label: 'open', help: 'continue with the highlighted hypothesis', hint: true },
    { keys: ['up', 'k'], action: 'up', label: 'up', help: 'move up' },
    { keys: ['down', 'j'], action: 'down', label: 'down', help: 'move down' },
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
    { keys: ['/'], action: 'filter', label: 'refine', help: 'refine the list with more words', hint: true },
    { keys: ['d'], action: 'details', label: 'details', help: 'show or hide what the highlighted test does and why', hint: true },
    { keys: ['v'], action: 'verdict', label: 'verdict', help: 'decide the hypothesis', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back to the hypothesis', hint: true },
  ],
  filter: [
    { keys: ['enter'], action: 'apply', label: 'apply', help: 'keep the refined list', hint: true },
    { keys: ['esc'], action: 'cancel', label: 'cancel', help: 'drop the refinement', hint: true },
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
    { keys: ['esc'], action: 'back', label: 'cancel', help: 'back to the tests without running', hint: true },
  ],
  running: [
    { keys: ['esc', 'ctrl+c'], action: 'stop', label: 'stop', help: 'stop the test and everything it started', hint: true },
  ],
  finished: [
    { keys: ['n', 'enter'], action: 'next', label: 'next test', help: 'the next test of the plan, or back to the list', hint: true },
    { keys: ['v'], action: 'verdict', label: 'verdict', help: 'decide the hypothesis', hint: true },
    { keys: ['o'], action: 'override', label: 'override', help: 'change the outcome if you read the output differently', hint: true },
    { keys: ['a'], action: 'note', label: 'note', help: 'add a note to this run', hint: true },
    { keys: ['f'], action: 'full', label: 'full output', help: 'show the whole output (scroll with up/down)' },
    { keys: ['x'], action: 'suggested', label: 'suggested tests', help: 'run the tests the catalogue suggests after this one' },
    { keys: ['esc'], action: 'back', label: 'tests', help: 'back to the test list' },
  ],
  verdict: [
    { keys: ['left', 'right'], action: 'cycle', label: 'choose', help: 'choose confirmed, refuted or inconclusive', hint: true },
    { keys: ['enter'], action: 'record', label: 'record', help: 'record the verdict with the conclusion typed', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back without deciding', hint: true },
  ],
  next: [
    { keys: ['h'], action: 'hypothesis', label: 'next hypothesis', help: 'state another hypothesis', hint: true },
    { keys: ['t'], action: 'tests', label: 'more tests', help: 'back to the tests of this hypothesis', hint: true },
    { keys: ['x'], action: 'export', label: 'export', help: 'write the triage report', hint: true },
    { keys: ['q'], action: 'quit', label: 'finish', help: 'finish the session', hint: true },
  ],
  export: [
    { keys: ['up', 'k'], action: 'up', label: 'up', help: 'previous format' },
    { keys: ['down', 'j'], action: 'down', label: 'down', help: 'next format' },
    { keys: ['enter'], action: 'write', label: 'write', help: 'write the report in the highlighted format', hint: true },
    { keys: ['c'], action: 'copy', label: 'copy', help: 'copy the report to the clipboard', hint: true },
    { keys: ['esc'], action: 'back', label: 'back', help: 'back', hint: true },
  ],
  reveal: [
    { keys: ['enter', 'q', 'esc', 'ctrl+c'], action: 'leave', label: 'leave', help: 'leave hunch', hint: true },
  ],
} as const satisfies Record<string, readonly Binding[]>;

export type KeyScope = keyof typeof KEYMAP;
export type ActionOf<S extends KeyScope> = (typeof KEYMAP)[S][number]['action'];

/** The action a key triggers in a scope, if any. */
export function actionFor<S extends KeyScope>(scope: S, key: string): ActionOf<S> | undefined {
  const bindings: readonly Binding[] = KEYMAP[scope];
  return bindings.find((binding) => binding.keys.includes(key))?.action as ActionOf<S> | undefined;
}

/** The keys of a binding as shown to people: "enter", "↑/↓". */
export function keyLabel(keys: readonly string[], unicode: boolean): string {
  const names: Record<string, string> = unicode
    ? { up: '↑', down: '↓', left: '←', right: '→', enter: '⏎', space: 'space' }
    : { up: 'up', down: 'down', left: 'left', right: 'right', enter: 'enter', space: 'space' };
  return keys.map((k) => names[k] ?? k).join('/');
}
