import { render } from 'ink-testing-library';
import { expect } from 'vitest';
import { join } from 'node:path';
import { App } from '../../source/ui/app.js';
import { openCatalog, type OpenCatalog } from '../../source/core/catalog/open-catalog.js';
import { SessionJournal } from '../../source/core/session/journal.js';
import { SessionRecorder } from '../../source/core/session/store.js';
import type { Outcome } from '../../source/core/catalog/schema.js';
import type { ExecuteResult } from '../../source/core/session/execute-test.js';
import type { RunTestRequest, TuiServices } from '../../source/ui/services.js';
import type { AppState } from '../../source/ui/state/app-state.js';
import { themeFor } from '../../source/ui/theme.js';
import { tempDir } from '../helpers/temp.js';

const KEYS: Record<string, string> = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  'shift+tab': '\u001b[Z',
  backspace: '\u007f',
  space: ' ',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  'ctrl+c': '\u0003',
  'ctrl+o': '\u000f',
  'ctrl+r': '\u0012',
  'ctrl+u': '\u0015',
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** A runner the test drives: each run waits until the test finishes it. */
export class FakeRunner {
  pending: { request: RunTestRequest; resolve: (r: ExecuteResult) => void; runId: string }[] = [];
  stopped = 0;
  private count = 0;

  constructor(private readonly session: () => SessionRecorder) {}

  run = (request: RunTestRequest): Promise<ExecuteResult> => {
    const runId = `fake-${++this.count}`;
    this.session().record({
      type: 'run-started', runId, hypothesisId: request.hypothesisId, testId: request.test.id, title: request.test.title,
      component: request.test.component, effect: request.test.effect, command: request.command.display, argv: request.command.argv, values: request.command.values,
    });
    return new Promise((resolve) => {
      const entry = { request, resolve, runId };
      this.pending.push(entry);
      request.signal.addEventListener('abort', () => {
        this.stopped++;
        this.finish({ outcome: 'error', finding: 'stopped by the user before it finished', status: 'cancelled' });
      });
    });
  };

  output(text: string): void {
    const current = this.pending[0];
    if (!current) throw new Error('no run in progress');
    current.request.onOutput('stdout', text);
  }

  finish({ outcome, finding, exitCode = 0, status = 'exited' }: { outcome: Outcome; finding: string; exitCode?: number; status?: 'exited' | 'cancelled' }): void {
    const current = this.pending.shift();
    if (!current) return;
    this.session().record({ type: 'run-finished', runId: current.runId, status, exitCode, durationMs: 1234, outcome, finding, stdout: '', stderr: '', truncated: false, totalLines: 0 });
    current.resolve({ runId: current.runId, outcome, finding });
  }
}

let sharedCatalog: OpenCatalog | undefined;

export type Harness = Awaited<ReturnType<typeof renderApp>>;

/**
 * Renders the whole app at a fixed width over ink-testing-library, with the real catalogue and a
 * real session journal in a temp dir, and a fake runner and clock. Every key waits for the frame
 * the test names; nothing sleeps.
 */
export type HarnessOptions = {
  columns?: number;
  rows?: number;
  /** LANG, NO_COLOR, TERM as the theme reads them (UTF-8 and colour when not given). */
  env?: NodeJS.ProcessEnv;
  services?: Partial<TuiServices>;
  initial?: Partial<AppState>;
  /** A hypothesis already stated when the app opens (the tests screen then shows its tests). */
  hypothesis?: { text: string; catalogHypothesis?: string };
  /** Events journaled before the app opens (runs, verdicts), after the hypothesis. */
  setup?: (session: SessionRecorder) => void;
};

/** The terminals every screen is checked in: three widths, and without colour (nothing by colour alone). */
export const VARIANTS = [
  { name: '60 columns', columns: 60, env: { LANG: 'en_US.UTF-8' } },
  { name: '80 columns', columns: 80, env: { LANG: 'en_US.UTF-8' } },
  { name: '120 columns', columns: 120, env: { LANG: 'en_US.UTF-8' } },
  { name: 'NO_COLOR at 80 columns', columns: 80, env: { LANG: 'en_US.UTF-8', NO_COLOR: '1' } },
] as const;

export type Variant = (typeof VARIANTS)[number];

/**
 * What holds for every frame in every variant: no line wider than the terminal, and with NO_COLOR
 * not one colour or inverse code (the screen tests force colour on, so a colour used regardless
 * of the theme shows up here).
 */
export function expectDrawnFor(ui: { frame(): string; rawFrame(): string; widest(): number }, variant: Variant): void {
  expect(ui.widest(), ui.frame()).toBeLessThanOrEqual(variant.columns);
  if ('NO_COLOR' in variant.env) expect(ui.rawFrame()).not.toMatch(COLOR_CODES);
  else expect(ui.rawFrame()).toMatch(COLOR_CODES);
}

/** Colour codes (foreground, background, inverse) in a raw frame: none may appear with NO_COLOR. */
// eslint-disable-next-line no-control-regex
export const COLOR_CODES = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7]|7)(?:;[0-9;]*)?m/;

export async function renderApp(options: HarnessOptions = {}) {
  sharedCatalog ??= await openCatalog({ cache: false });
  const journal = new SessionJournal(join(tempDir(), 'session.jsonl'), { redact: true, now: () => new Date('2026-11-28T10:00:00Z') });
  const session = new SessionRecorder(journal);
  session.record({ type: 'session-started', sessionId: 'test-session', hunchVersion: '0.0.0', catalogVersion: sharedCatalog.catalog.version, context: 'test-ctx', namespace: 'shop' });
  if (options.hypothesis) session.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: options.hypothesis.text, catalogHypothesis: options.hypothesis.catalogHypothesis });
  options.setup?.(session);
  const runner = new FakeRunner(() => session);
  const copied: string[] = [];
  const exported: string[] = [];
  const destinations: (string | undefined)[] = [];
  const services: TuiServices = {
    catalog: sharedCatalog,
    session,
    cluster: { context: 'test-ctx', namespace: 'shop', production: false },
    settings: { context: 'test-ctx', namespace: 'shop' },
    theme: themeFor(options.env ?? { LANG: 'en_US.UTF-8' }),
    readOnly: false,
    now: () => new Date('2026-11-28T10:00:00Z'),
    runTest: runner.run,
    exportReport: (format, destination) => {
      exported.push(format);
      destinations.push(destination);
      return { path: destination ?? `/tmp/report.${format}` };
    },
    exportPath: (format) => `/tmp/report.${format}`,
    reportText: (format) => `report in ${format}`,
    copyText: async (text) => {
      copied.push(text);
      return 'copied';
    },
    ...options.services,
  };
  let exitedWith: AppState | undefined;
  const instance = render(<App services={services} initial={options.initial} onExit={(state) => (exitedWith = state)} />);
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 30;
  Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
  instance.stdout.emit('resize');

  const frame = () => (instance.lastFrame() ?? '').replace(ANSI, '');
  const waitFor = async (expected: string | RegExp | ((text: string) => boolean), timeoutMs = 3000): Promise<string> => {
    const started = Date.now();
    const shows = typeof expected === 'function' ? expected : typeof expected === 'string' ? (t: string) => t.includes(expected) : (t: string) => expected.test(t);
    for (;;) {
      const text = frame();
      if (shows(text)) {
        await new Promise((resolve) => setImmediate(resolve));
        return frame();
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; the screen shows:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  // Ink wires its stdin listener in an effect; input written before that would be lost.
  const inputReady = async () => {
    for (let i = 0; i < 400 && instance.stdin.listenerCount('readable') === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  await inputReady();

  return {
    services,
    session,
    runner,
    copied,
    exported,
    destinations,
    frame,
    /** The frame's lines, trailing spaces removed. */
    lines: () => frame().split('\n').map((line) => line.replace(/\s+$/, '')),
    /** The frame as written, escape codes included. */
    rawFrame: () => instance.lastFrame() ?? '',
    /** The widest line of the frame, in characters. */
    widest: () => Math.max(...frame().split('\n').map((line) => [...line].length)),
    waitFor,
    exitedWith: () => exitedWith,
    /** Presses one key by name ("enter", "down", "ctrl+c") or types text, then waits for `until`. */
    async press(key: string, until?: string | RegExp | ((text: string) => boolean)) {
      await inputReady();
      instance.stdin.write(KEYS[key] ?? key);
      if (until !== undefined) return waitFor(until);
      await new Promise((resolve) => setImmediate(resolve));
      return frame();
    },
    async type(text: string, until?: string | RegExp | ((text: string) => boolean)) {
      await inputReady();
      for (const char of text) instance.stdin.write(char);
      return waitFor(until ?? text);
    },
    async resize(newColumns: number, newRows = rows) {
      Object.defineProperty(instance.stdout, 'columns', { value: newColumns, configurable: true });
      Object.defineProperty(instance.stdout, 'rows', { value: newRows, configurable: true });
      instance.stdout.emit('resize');
      await new Promise((resolve) => setImmediate(resolve));
    },
    unmount: () => instance.unmount(),
  };
}
