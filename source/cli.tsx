#!/usr/bin/env node
import { COMMANDS, commandHelp, findCommand, mainHelp } from './commands/registry.js';
import { processPrinter, type Printer } from './commands/printer.js';
import { HunchError, UsageError } from './core/errors.js';
import { hunchVersion } from './core/version.js';

/** The one place that turns errors into messages and exit codes. */
async function main(argv: string[]): Promise<number> {
  const print = processPrinter();
  try {
    return await dispatch(argv, print);
  } catch (error) {
    return reportError(error, print);
  }
}

async function dispatch(argv: string[], print: Printer): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    print.out(hunchVersion());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
    print.out(topic ? commandHelp(topic) : mainHelp(hunchVersion()));
    return 0;
  }
  // Flags for the TUI may come first (`hunch -n shop --help`): help and version still answer.
  if (first === undefined || first.startsWith('-')) {
    if (argv.includes('--help') || argv.includes('-h')) {
      print.out(mainHelp(hunchVersion()));
      return 0;
    }
    if (argv.includes('--version') || argv.includes('-v')) {
      print.out(hunchVersion());
      return 0;
    }
  }
  const isInteractive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi(process.env);
  const context = { print, env: process.env, cwd: process.cwd(), isInteractive };
  if (first === undefined || first.startsWith('-')) {
    const { runTui } = await import('./commands/tui.js');
    return runTui({ ...context, args: argv });
  }
  const entry = findCommand(first);
  if (!entry) {
    const names = COMMANDS.map((c) => c.name).join(', ');
    throw new UsageError(`unknown command "${first}"`, `commands: ${names}; run "hunch --help"`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print.out(commandHelp(entry));
    return 0;
  }
  if (rest.includes('--version') || rest.includes('-v')) {
    print.out(hunchVersion());
    return 0;
  }
  const command = await entry.load();
  return command.run({ ...context, args: rest });
}

/** The test Ink itself uses: in CI it draws no frames, so the TUI must not start there. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const set = (key: string) => key in env && env[key] !== '0' && env[key] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

function reportError(error: unknown, print: Printer): number {
  if (error instanceof HunchError) {
    print.err(`hunch: ${error.message}`);
    if (error.hint) print.err(`hint: ${error.hint}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  print.err(`hunch: unexpected error: ${message}`);
  print.err('hint: this is a bug in hunch; run again with HUNCH_DEBUG=1 for the stack trace and report it');
  if (process.env.HUNCH_DEBUG && error instanceof Error && error.stack) print.err(error.stack);
  return 1;
}

// `hunch search … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // The terminal hung up (a closed window, a dropped SSH connection): nothing can be shown any
    // more, but the shutdown SIGHUP started must still stop the run and journal how it ended.
    if (error.code === 'EIO') return;
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, processPrinter());
  },
);
