import { selectContext } from '../core/cluster/kubeconfig-files.js';
import { UsageError } from '../core/errors.js';
import type { CommandContext } from './registry.js';

/** The value of `--kubeconfig FILE` or `--kubeconfig=FILE` among the TUI's flags. */
function kubeconfigFlag(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => a === '--kubeconfig' || a.startsWith('--kubeconfig='));
  const arg = args[at];
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

/** Opens the TUI, or explains what to use instead when there is no terminal. */
export async function runTui(context: CommandContext): Promise<number> {
  if (!context.isInteractive) {
    throw new UsageError(
      'the TUI needs a terminal on stdin and stdout (and CI unset)',
      'in scripts use hunch search <text> --json, hunch run <test-id> --param k=v --json, or hunch export',
    );
  }
  // A fresh machine has no cluster: practise on the default scenario instead of failing.
  if (!selectContext({ kubeconfig: kubeconfigFlag(context.args), env: context.env }).hasKubeconfig) {
    const { practiceByDefault } = await import('./practice.js');
    return practiceByDefault(context);
  }
  const { startTui } = await import('../ui/start.js');
  return startTui(context);
}
