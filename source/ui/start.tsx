import type { CommandContext } from '../commands/registry.js';

/** How the TUI should open: a fresh session, a resumed one, or on the practice cluster. */
export type TuiOptions = {
  /** Reopen this session where it stopped (hunch resume). */
  resumeSessionId?: string | undefined;
  /** KUBECONFIG of a practice cluster started for this run, and its scenario name. */
  practice?: { kubeconfig: string; scenario: string } | undefined;
};

export async function startTui(_context: CommandContext, _options: TuiOptions = {}): Promise<number> {
  return 0;
}
