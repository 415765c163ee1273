import { runCommand } from '../runner/run.js';
import { multiplexerOf, OSC52_MAX_BASE64, osc52PayloadSize, osc52Sequence } from './osc52.js';
import { systemClipboardTool } from './system-clipboard.js';

export type CopyMethod = 'osc52' | string;
export type CopyResult = { ok: true; method: CopyMethod; message: string } | { ok: false; message: string };

export type CopyOptions = {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /**
   * Writes an escape sequence to the user's terminal; absent when there is none (a pipe, CI).
   * The TUI passes Ink's stdout writer, the CLI its stderr when that is a terminal.
   */
  writeToTerminal?: ((sequence: string) => void) | undefined;
};

/** Whether hunch runs on another machine than the user's screen (SSH). */
export function isRemoteSession(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT);
}

/**
 * Puts text on the user's clipboard. Over SSH the remote machine's clipboard is useless, so the
 * terminal is asked (OSC 52); locally the system clipboard program is used, with OSC 52 as the
 * fallback when none is installed. Failures are values with a message saying what to install.
 */
export async function copyToClipboard(text: string, options: CopyOptions = {}): Promise<CopyResult> {
  const env = options.env ?? process.env;
  const viaTerminal = (): CopyResult => {
    if (!options.writeToTerminal) return { ok: false, message: 'no terminal to copy through' };
    if (osc52PayloadSize(text) > OSC52_MAX_BASE64) {
      return { ok: false, message: `too large for the terminal clipboard (OSC 52 carries about ${OSC52_MAX_BASE64 / 1000} kB); write it to a file with --out` };
    }
    const multiplexer = multiplexerOf(env);
    options.writeToTerminal(osc52Sequence(text, multiplexer));
    const hint = multiplexer === 'tmux' ? '; in tmux: set -g set-clipboard on' : '';
    return { ok: true, method: 'osc52', message: `copied through the terminal (OSC 52; the terminal must allow clipboard access${hint})` };
  };
  if (isRemoteSession(env) && options.writeToTerminal) return viaTerminal();
  const tool = systemClipboardTool(env, options.platform);
  if (tool) {
    const result = await runCommand({ argv: tool.argv, input: text, timeoutMs: 5000, leaveBackground: tool.leaveBackground, env: env as Record<string, string> });
    if (result.status === 'exited' && result.exitCode === 0) return { ok: true, method: tool.name, message: `copied to the clipboard (${tool.name})` };
    const reason = result.spawnError ?? (result.stderr.trim().split('\n')[0] || `exit code ${result.exitCode ?? 'none'}`);
    if (options.writeToTerminal) return viaTerminal();
    return { ok: false, message: `${tool.name} could not copy: ${reason}` };
  }
  if (options.writeToTerminal) return viaTerminal();
  return { ok: false, message: 'no clipboard here: install xclip, xsel or wl-copy, or run hunch in a terminal that supports OSC 52' };
}
