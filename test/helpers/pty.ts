/**
 * Drives the built hunch CLI in a real pseudo-terminal, as a person would, and reads the screen
 * the way they see it: the PTY's output goes through a headless xterm, so cursor movement, erased
 * lines and redrawn frames are applied and `screen()` is exactly what is on display.
 *
 *   const tui = await launchTui({ args: ['--catalog', dir] });
 *   await tui.waitFor('What do you think is wrong?');
 *   tui.type('pods pending');
 *   tui.press('enter');
 *   await tui.waitFor(/Tests for/);
 *   await tui.close();
 *
 * Waits are on the screen's content, never fixed sleeps; a wait that times out throws with the
 * screen it last saw. `pid` is the hunch process, for process-tree and signal tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI, ROOT } from './cli.js';
import { tempDir } from './temp.js';

const { Terminal } = xterm;

/** Key names for `press`, as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  'shift+tab': '\u001b[Z',
  backspace: '\u007f',
  space: ' ',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  'ctrl+c': '\u0003',
  'ctrl+o': '\u000f',
} as const;

export type KeyName = keyof typeof KEYS;

export type PtyOptions = {
  /** Arguments after `hunch` (the TUI when empty). */
  args?: string[];
  /** Merged over a clean environment: a fresh HUNCH_HOME and a kubeconfig pointing at a dead server. */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  cwd?: string;
};

export type PtyExit = { exitCode: number; signal?: number | undefined };

export type PtySession = {
  /** The hunch process (node), the leader of the PTY's session. */
  readonly pid: number;
  /** The visible screen, one string per row, trailing spaces removed. */
  screen(): string;
  /** Everything the terminal holds, scrollback included. */
  scrollback(): string;
  /** Resolves with the screen once it shows `expected`; throws with the last screen after `timeoutMs`. */
  waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Resolves once the screen no longer shows `gone`. */
  waitForGone(gone: string | RegExp, timeoutMs?: number): Promise<string>;
  type(text: string): void;
  press(...keys: KeyName[]): void;
  resize(cols: number, rows: number): void;
  /** Sends a signal to the hunch process itself. */
  signal(signal: NodeJS.Signals): void;
  /**
   * Closes the terminal the way a closed window or a dropped SSH connection does: the master side
   * goes away, hunch gets SIGHUP and its writes to the terminal fail from then on.
   */
  hangup(): void;
  /** Whether the hunch process is still running (not exited, not a zombie). */
  alive(): boolean;
  /** Resolves when hunch exits. */
  readonly exited: Promise<PtyExit>;
  /** Ends the session: SIGKILL if hunch still runs, then releases the terminal. */
  close(): Promise<void>;
};

/** A kubeconfig whose server refuses connections: the TUI opens normally and never reaches a cluster. */
export function deadKubeconfig(dir = tempDir({}, 'hunch-pty-kube-'), context = 'dead'): string {
  const path = join(dir, 'kubeconfig');
  writeFileSync(
    path,
    `apiVersion: v1\nkind: Config\nclusters: [{name: ${context}, cluster: {server: "https://127.0.0.1:9"}}]\ncontexts: [{name: ${context}, context: {cluster: ${context}, user: ${context}, namespace: default}}]\ncurrent-context: ${context}\nusers: [{name: ${context}, user: {token: dead}}]\n`,
  );
  return path;
}

/** Starts `node dist/cli.js …args` in a PTY of the given size. */
export async function launchTui(options: PtyOptions = {}): Promise<PtySession> {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    HUNCH_HOME: tempDir({}, 'hunch-pty-home-'),
    HUNCH_CACHE_DIR: process.env.HUNCH_CACHE_DIR ?? tempDir({}, 'hunch-pty-cache-'),
    KUBECONFIG: deadKubeconfig(),
    ...options.env,
  })) {
    if (value !== undefined) env[key] = value;
  }
  const terminal = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
  const pty: IPty = spawn(process.execPath, [CLI, ...(options.args ?? [])], { name: 'xterm-256color', cols, rows, cwd: options.cwd ?? ROOT, env });

  // Screen readers wait on this: every parsed write wakes the pending waits.
  const listeners = new Set<() => void>();
  terminal.onWriteParsed(() => {
    for (const listener of listeners) listener();
  });
  pty.onData((data) => terminal.write(data));
  let exitInfo: PtyExit | undefined;
  const exited = new Promise<PtyExit>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      exitInfo = { exitCode, signal };
      for (const listener of listeners) listener();
      resolve(exitInfo);
    });
  });

  const lines = (from: number, to: number) => {
    const buffer = terminal.buffer.active;
    const out: string[] = [];
    for (let y = from; y < to; y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return out.join('\n');
  };
  const screen = () => lines(terminal.buffer.active.viewportY, terminal.buffer.active.viewportY + terminal.rows);
  const scrollback = () => lines(0, terminal.buffer.active.length);

  const waitUntil = (test: (screen: string) => boolean, describe: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const current = screen();
        if (test(current)) {
          done();
          resolve(current);
        } else if (exitInfo) {
          done();
          reject(new Error(`hunch exited (${JSON.stringify(exitInfo)}) before the screen showed ${describe}; last screen:\n${current}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the screen did not show ${describe} within ${timeoutMs} ms; last screen:\n${screen()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const matcher = (expected: string | RegExp | ((screen: string) => boolean)) =>
    typeof expected === 'function' ? expected : typeof expected === 'string' ? (s: string) => s.includes(expected) : (s: string) => expected.test(s);

  return {
    pid: pty.pid,
    screen,
    scrollback,
    exited,
    waitFor: (expected, timeoutMs = 15_000) => waitUntil(matcher(expected), String(expected), timeoutMs),
    waitForGone: (gone, timeoutMs = 15_000) => {
      const present = matcher(gone);
      return waitUntil((s) => !present(s), `no more ${String(gone)}`, timeoutMs);
    },
    type: (text) => pty.write(text),
    press: (...keys) => {
      for (const key of keys) pty.write(KEYS[key]);
    },
    resize: (newCols, newRows) => {
      pty.resize(newCols, newRows);
      terminal.resize(newCols, newRows);
    },
    signal: (signal) => process.kill(pty.pid, signal),
    hangup: () => (pty as unknown as { destroy(): void }).destroy(),
    alive: () => {
      try {
        process.kill(pty.pid, 0);
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pty.pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!exitInfo) {
        try {
          process.kill(pty.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        // After a hangup the PTY may never report the exit; the process is gone either way.
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      terminal.dispose();
    },
  };
}
