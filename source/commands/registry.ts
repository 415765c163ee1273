import type { Printer } from './printer.js';

export type CommandContext = {
  args: string[];
  print: Printer;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isInteractive: boolean;
};

export type CommandRun = (context: CommandContext) => Promise<number>;

/** What the help screens need, without loading the command's code. */
export type CommandEntry = {
  name: string;
  summary: string;
  usage: string;
  examples: string[];
  load: () => Promise<{ run: CommandRun }>;
};

export const COMMON_FLAGS = `Global flags:
  --catalog DIR        add a catalogue folder (repeatable)
  --context NAME       kubeconfig context to use
  -n, --namespace NS   namespace to use
  -A, --all-namespaces discovery, detected components and suggestions span every namespace
  --kubeconfig FILE    kubeconfig file (KUBECONFIG with several files works too)
  --no-color           no colour (NO_COLOR and TERM=dumb work too)
  -h, --help           help for the command
  -v, --version        print hunch's version`;

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'search',
    summary: 'find catalogue tests for a hypothesis or an error message',
    usage: 'hunch search <text> [--json] [--limit N]',
    examples: ['hunch search "db is down"', 'hunch search "x509: certificate has expired" --json --limit 5'],
    load: () => import('./search.js'),
  },
  {
    name: 'show',
    summary: 'show one test: what it does, its parameters and command',
    usage: 'hunch show <test-id> [--json]',
    examples: ['hunch show pod-not-running'],
    load: () => import('./show.js'),
  },
  {
    name: 'run',
    summary: 'run one test and read its outcome',
    usage: 'hunch run <test-id> [--param name=value ...] [--target local|pod] [--yes] [--read-only] [--allow-mutating] [--json] [--session ID] [--hypothesis TEXT]',
    examples: [
      'hunch run host-disk-usage',
      'hunch run pod-not-running --param namespace=shop --json',
      'hunch run dns-resolve-service --session 20261128-190111-ab12 --hypothesis "DNS is broken"',
    ],
    load: () => import('./run.js'),
  },
  {
    name: 'catalog',
    summary: 'check the catalogue (lint), count it (stats) or print its JSON Schema (schema)',
    usage: 'hunch catalog lint [DIR ...] [--offline] [--json] | hunch catalog stats [--json] | hunch catalog schema [--out DIR] [--json]',
    examples: ['hunch catalog lint', 'hunch catalog lint ./my-tests', 'hunch catalog stats'],
    load: () => import('./catalog.js'),
  },
  {
    name: 'practice',
    summary: 'practise on a built-in incident: a small Kubernetes API on loopback, with a hidden root cause',
    usage: 'hunch practice [scenario] [--json] [--serve] [--port N]',
    examples: ['hunch practice', 'hunch practice checkout-502', 'hunch practice checkout-502 --serve   # prints KUBECONFIG=… for kubectl or k9s'],
    load: () => import('./practice.js'),
  },
  {
    name: 'doctor',
    summary: 'check Node, kubectl and the tools tests need, the kubeconfig, the cluster, who you are and what you may do',
    usage: 'hunch doctor [--json]',
    examples: ['hunch doctor', 'hunch doctor --context prod-eu -n shop', 'hunch doctor --json'],
    load: () => import('./doctor.js'),
  },
  {
    name: 'sessions',
    summary: 'list recorded sessions: started, hypotheses, tests run, state',
    usage: 'hunch sessions [--json]',
    examples: ['hunch sessions', 'hunch sessions --json'],
    load: () => import('./sessions.js'),
  },
  {
    name: 'resume',
    summary: 'reopen a session where it stopped (the latest when no id is given)',
    usage: 'hunch resume [session-id] [--json]',
    examples: ['hunch resume', 'hunch resume 20261128-190111-ab12', 'hunch resume 20261128-19 --json'],
    load: () => import('./resume.js'),
  },
  {
    name: 'export',
    summary: 'write a session as a triage report (Markdown, Jira or JSON), to a file, the clipboard or a GitHub issue',
    usage: 'hunch export [session-id] [--format md|jira|json | --json] [--out FILE | --save] [--no-redact] [--copy] [--gh-issue [--repo owner/name]] [--output-lines N]',
    examples: [
      'hunch export --out triage.md',
      'hunch export 20261128-190111-ab12 --format jira --copy',
      'hunch export --format json > report.json',
      'hunch export --gh-issue --repo shop/platform',
    ],
    load: () => import('./export.js'),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export function commandHelp(entry: CommandEntry): string {
  return `${entry.summary}\n\nUsage:\n  ${entry.usage}\n\nExamples:\n${entry.examples.map((e) => `  ${e}`).join('\n')}\n\n${COMMON_FLAGS}\n`;
}

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `hunch ${version} — guided hypothesis testing for troubleshooting Kubernetes systems

Usage:
  hunch                 open the TUI (needs a terminal)
  hunch <command> [flags]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Examples:
  hunch                               state a hypothesis, run tests, export a report
  hunch search "pods stuck Pending"   list the tests that speak to it
  hunch run host-disk-usage           run one test from a script

${COMMON_FLAGS}
`;
}
