import { formatProblem } from '../core/catalog/problem.js';
import { HunchError, UsageError } from '../core/errors.js';
import { listScenarios, loadScenario } from '../core/practice/scenario/load.js';
import { builtinScenariosDir } from '../core/practice/scenario/locations.js';
import type { Scenario } from '../core/practice/scenario/scenario.js';
import { startPracticeCluster } from '../core/practice/start.js';
import { oneLine } from '../core/text/sanitize.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './registry.js';

/** hunch practice [scenario] [--json] [--serve] [--port N] */
export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('practice', context.args, {
    json: { type: 'boolean' },
    serve: { type: 'boolean' },
    port: { type: 'string' },
    verbose: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`practice takes one scenario; got ${positionals.join(' ')}`);
  const name = positionals[0];
  if (name === undefined) {
    if (values.serve) throw new UsageError('--serve needs a scenario, e.g. hunch practice checkout-502 --serve', 'hunch practice lists them');
    return listCommand(context, Boolean(values.json));
  }
  const scenario = openScenario(context, name);
  const port = parsePort(values.port);
  if (values.serve) return serve(context, scenario, { port, json: Boolean(values.json), verbose: Boolean(values.verbose) });
  if (!context.isInteractive) {
    throw new UsageError('the practice TUI needs a terminal on stdin and stdout (and CI unset)', `run "hunch practice ${name} --serve" and point kubectl at the KUBECONFIG it prints`);
  }
  return practiceInTui(context, scenario, port);
}

function listCommand(context: CommandContext, json: boolean): number {
  const { scenarios, problems } = listScenarios(builtinScenariosDir(context.env), context.cwd);
  for (const problem of problems) context.print.err(`hunch: scenario problem: ${formatProblem(problem)}`);
  if (json) {
    context.print.json(scenarios.map((s) => ({ name: s.name, title: s.title, report: s.report, default: s.isDefault })));
    return 0;
  }
  const width = Math.max(0, ...scenarios.map((s) => s.name.length));
  for (const s of scenarios) context.print.out(`${s.name.padEnd(width)}  ${s.title}${s.isDefault ? '  (default)' : ''}`);
  context.print.err('Start one with "hunch practice <name>", or "hunch practice <name> --serve" to use kubectl against it.');
  return 0;
}

/** Loads a built-in scenario by name; a broken scenario file is a one-line problem at file:line. */
export function openScenario(context: Pick<CommandContext, 'env' | 'cwd'>, name: string): Scenario {
  const dir = builtinScenariosDir(context.env);
  const { scenarios } = listScenarios(dir, context.cwd);
  if (!scenarios.some((s) => s.name === name)) {
    throw new UsageError(`no practice scenario named "${name}"`, `scenarios: ${scenarios.map((s) => s.name).join(', ')} (hunch practice describes them)`);
  }
  const loaded = loadScenario(dir, name, context.cwd);
  const [first] = loaded.problems;
  if (!loaded.scenario || first) {
    const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more)` : '';
    throw new HunchError(`scenario ${name} cannot load: ${first ? formatProblem(first) : 'unknown problem'}${more}`);
  }
  return loaded.scenario;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535, got "${text}"`);
  return port;
}

/** Waits for SIGINT or SIGTERM, whichever comes first. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

async function serve(context: CommandContext, scenario: Scenario, options: { port: number | undefined; json: boolean; verbose: boolean }): Promise<number> {
  const cluster = await startPracticeCluster({ scenario, port: options.port, onRequest: options.verbose ? (line) => context.print.err(line) : undefined });
  try {
    if (options.json) {
      context.print.out(JSON.stringify({ scenario: scenario.name, kubeconfig: cluster.kubeconfigPath, url: cluster.url, context: cluster.context, namespace: cluster.namespace }));
    } else {
      context.print.out(`KUBECONFIG=${cluster.kubeconfigPath}`);
      context.print.err(`PRACTICE ${scenario.name}: ${scenario.title} — serving at ${cluster.url}`);
      context.print.err(`Report: ${oneLine(scenario.report)}`);
      context.print.err(`In another terminal: export KUBECONFIG=${cluster.kubeconfigPath}; kubectl get pods. Ctrl-C stops the cluster.`);
    }
    await untilSignal();
    return 0;
  } finally {
    await cluster.stop();
  }
}

async function practiceInTui(context: CommandContext, scenario: Scenario, port: number | undefined): Promise<number> {
  const cluster = await startPracticeCluster({ scenario, port });
  try {
    const { startTui } = await import('../ui/start.js');
    return await startTui(context, { practice: { kubeconfig: cluster.kubeconfigPath, scenario: scenario.name, details: scenario } });
  } finally {
    await cluster.stop();
  }
}

/** For `hunch` with no kubeconfig: the default scenario, started and handed to the TUI. */
export async function practiceByDefault(context: CommandContext): Promise<number> {
  const { scenarios } = listScenarios(builtinScenariosDir(context.env), context.cwd);
  const fallback = scenarios.find((s) => s.isDefault) ?? scenarios[0];
  if (!fallback) throw new HunchError('no kubeconfig and no practice scenario to open', { hint: 'set KUBECONFIG or pass --kubeconfig FILE' });
  context.print.err(`No kubeconfig found: opening the practice cluster ("${fallback.title}"). To use a real cluster, set KUBECONFIG or pass --kubeconfig FILE.`);
  return practiceInTui(context, openScenario(context, fallback.name), undefined);
}

