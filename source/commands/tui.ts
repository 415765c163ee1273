import { UsageError } from '../core/errors.js';
import type { CommandContext } from './registry.js';

/** Opens the TUI, or explains what to use instead when there is no terminal. */
export async function runTui(context: CommandContext): Promise<number> {
  if (!context.isInteractive) {
    throw new UsageError(
      'the TUI needs a terminal on stdin and stdout (and CI unset)',
      'in scripts use hunch search <text> --json, hunch run <test-id> --param k=v --json, or hunch export',
    );
  }
  const { startTui } = await import('../ui/start.js');
  return startTui(context);
}
