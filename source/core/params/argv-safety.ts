import type { CommandPart } from '../catalog/schema.js';
import { placeholdersIn } from './placeholders.js';

/**
 * Static checks on a catalogue command that keep parameter values data: a value may fill an
 * argument, never choose the program, never be pasted into code a shell or an interpreter parses,
 * and never set an environment variable that changes how the script itself runs. Used by the
 * renderer (so a user catalogue that skipped lint is still refused) and by catalogue lint.
 */

/** Where a placeholder would stop being data, and why. */
export type UnsafePlaceholder = { param: string; reason: string };

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
/** Interpreters and the option whose value is code (or SQL) they parse. */
const CODE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  perl: ['-e', '-E'],
  ruby: ['-e'],
  node: ['-e', '--eval', '-p', '--print'],
  python: ['-c'],
  python3: ['-c'],
  php: ['-r'],
  psql: ['-c', '--command'],
  mysql: ['-e', '--execute'],
  mariadb: ['-e', '--execute'],
  mongosh: ['--eval'],
  mongo: ['--eval'],
  sqlite3: ['-cmd'],
};
/** Programs whose first operand is a program of their own language. */
const PROGRAM_OPERAND = new Set(['awk', 'gawk', 'mawk', 'nawk', 'sed']);

/** Elements of an argv template that are parsed as code, with the language that parses them. */
export function codeElements(argv: readonly string[]): { index: number; language: string }[] {
  const found: { index: number; language: string }[] = [];
  argv.forEach((arg, index) => {
    const program = arg.replace(/^.*\//, '');
    if (SHELLS.has(program)) {
      // `sh -c CODE`, `bash -ec CODE`, `busybox sh -c CODE`: the first operand after an option cluster with c.
      for (let i = index + 1; i < argv.length; i++) {
        const option = argv[i] as string;
        if (option === 'sh' && program === 'busybox') continue;
        if (option === '-o' || option === '+o') {
          i++; // -o pipefail
          continue;
        }
        if (/^--[a-z-]+$/.test(option)) continue;
        if (!/^[-+][A-Za-z]+$/.test(option)) break;
        if (option.startsWith('-') && option.includes('c') && argv[i + 1] !== undefined) {
          if (!found.some((f) => f.index === i + 1)) found.push({ index: i + 1, language: `${program} -c` });
          break;
        }
      }
      return;
    }
    const options = CODE_OPTIONS[program];
    if (options) {
      for (let i = index + 1; i < argv.length; i++) {
        const option = argv[i] as string;
        if (options.includes(option) && argv[i + 1] !== undefined) found.push({ index: i + 1, language: `${program} ${option}` });
        const joined = options.find((o) => o.startsWith('--') && option.startsWith(`${o}=`));
        if (joined) found.push({ index: i, language: `${program} ${joined}` });
      }
      return;
    }
    if (PROGRAM_OPERAND.has(program)) {
      for (let i = index + 1; i < argv.length; i++) {
        const option = argv[i] as string;
        if (option === '-f' || option === '--file') return; // the program is a file, not an argument
        if (option === '-e' || option === '--expression') {
          if (argv[i + 1] !== undefined) found.push({ index: i + 1, language: program });
          i++;
          continue;
        }
        if (['-F', '-v'].includes(option)) {
          i++; // -v name=value is data (a variable), -F a field separator
          continue;
        }
        if (option.startsWith('-')) continue;
        found.push({ index: i, language: program });
        return;
      }
    }
  });
  return found;
}

/** Every placeholder of a command that would choose the program or land inside code. */
export function unsafePlaceholders(command: readonly CommandPart[]): UnsafePlaceholder[] {
  const flat = command.flatMap((part) => (typeof part === 'string' ? [part] : part.args));
  const problems: UnsafePlaceholder[] = [];
  for (const name of placeholdersIn(flat[0] ?? '')) {
    problems.push({ param: name, reason: 'chooses the program to run; the program of a test is always written in the catalogue' });
  }
  for (const { index, language } of codeElements(flat)) {
    for (const name of placeholdersIn(flat[index] ?? '')) {
      problems.push({ param: name, reason: `would be pasted into code that ${language} parses; pass it as a separate argument or an environment variable instead` });
    }
  }
  return problems;
}

// Variables that decide which programs a script runs, what it sources at start-up or how its words
// split: a parameter that set one could make a static script run something else.
const RESERVED_ENV = new Set([
  'PATH', 'HOME', 'IFS', 'ENV', 'BASH_ENV', 'BASHOPTS', 'SHELLOPTS', 'CDPATH', 'GLOBIGNORE', 'PS4', 'PROMPT_COMMAND',
  'SHELL', 'TMPDIR', 'PAGER', 'KUBECTL_PAGER', 'KUBECONFIG', 'HOSTALIASES', 'LOCALDOMAIN', 'RES_OPTIONS',
  'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE',
]);
const RESERVED_PREFIXES = ['LD_', 'DYLD_', 'NODE_', 'PYTHON', 'PERL5', 'PERLLIB', 'RUBY', 'BASH_FUNC_', 'GCONV_', 'GIT_', 'HUNCH_'];

/** Why an environment variable may not carry a parameter, or undefined when it may. */
export function reservedEnvReason(name: string): string | undefined {
  if (RESERVED_ENV.has(name) || RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return `would set the script's ${name} environment variable, which changes what the script runs; rename the parameter`;
  }
  return undefined;
}
