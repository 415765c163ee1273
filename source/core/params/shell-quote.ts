/**
 * Quotes argv for display and copy-paste only: what runs is always the argv array itself.
 * Single quotes make every character literal in a POSIX shell, so a pasted command means what it shows.
 */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

export function quoteArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
