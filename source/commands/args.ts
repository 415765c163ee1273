import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts, with kubectl's meanings. */
export const GLOBAL_OPTIONS = {
  catalog: { type: 'string', multiple: true },
  context: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  kubeconfig: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export type GlobalValues = {
  catalog?: string[] | undefined;
  context?: string | undefined;
  namespace?: string | undefined;
  'all-namespaces'?: boolean | undefined;
  kubeconfig?: string | undefined;
  'no-color'?: boolean | undefined;
  help?: boolean | undefined;
};

/**
 * parseArgs with hunch's wording: an unknown flag or a missing value is a usage error naming the
 * command, never a stack trace.
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '') ?? 'bad arguments';
    // The TUI itself is "hunch": its errors read "hunch: unknown flag …", not "hunch: hunch: …".
    const root = command === 'hunch';
    const text = message.replace(/^Unknown option '(.*)'$/, 'unknown flag $1');
    throw new UsageError(root ? text : `${command}: ${text}`, `run "${root ? 'hunch' : `hunch ${command}`} --help" for the flags it takes`);
  }
}

/** `--param name=value` pairs into a record; a value may itself contain '='. */
export function parseParamPairs(pairs: readonly string[] | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--param needs name=value, got "${pair}"`);
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return values;
}

export function parseLimit(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new UsageError(`--limit must be a whole number from 1 to 10000, got "${text}"`);
  return value;
}
