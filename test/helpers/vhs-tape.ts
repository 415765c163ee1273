/**
 * Reads a VHS tape (https://github.com/charmbracelet/vhs) as a list of things to do in a terminal:
 * what to type, which keys to press, and the `# expect: text` comments that say what the screen
 * must show at that point. Commands that only shape the recording (Output, Set, Sleep, Hide, Show,
 * Require, Screenshot) are skipped; anything else unknown is an error, so a tape using a command
 * the replay cannot honour fails loudly instead of replaying something else.
 */
export type TapeStep =
  | { kind: 'type'; text: string; line: number }
  | { kind: 'keys'; data: string; name: string; line: number }
  | { kind: 'expect'; text: string; line: number }
  | { kind: 'env'; name: string; value: string; line: number };

const KEY_BYTES: Record<string, string> = {
  Enter: '\r',
  Tab: '\t',
  Space: ' ',
  Backspace: '\u007f',
  Escape: '\u001b',
  Up: '\u001b[A',
  Down: '\u001b[B',
  Right: '\u001b[C',
  Left: '\u001b[D',
  PageUp: '\u001b[5~',
  PageDown: '\u001b[6~',
  Delete: '\u001b[3~',
};

const RECORDING_ONLY = new Set(['Output', 'Set', 'Sleep', 'Hide', 'Show', 'Require', 'Screenshot', 'Source']);

export function parseTape(text: string): TapeStep[] {
  const steps: TapeStep[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    const expect = /^#\s*expect:\s*(.+)$/.exec(trimmed);
    if (expect) {
      steps.push({ kind: 'expect', text: (expect[1] as string).trim(), line });
      return;
    }
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const command = /^([A-Za-z]+(?:\+[A-Za-z]+)*)(?:@\S+)?(?:\s+(.*))?$/.exec(trimmed);
    if (!command) throw new Error(`demo.tape:${line}: cannot read "${trimmed}"`);
    const name = command[1] as string;
    const rest = (command[2] ?? '').trim();
    if (RECORDING_ONLY.has(name)) return;
    if (name === 'Type') {
      steps.push({ kind: 'type', text: unquote(rest, line), line });
    } else if (name === 'Env') {
      const env = /^(\S+)\s+(.+)$/.exec(rest);
      if (!env) throw new Error(`demo.tape:${line}: Env needs a name and a value`);
      steps.push({ kind: 'env', name: env[1] as string, value: unquote(env[2] as string, line), line });
    } else if (name.startsWith('Ctrl+')) {
      const letter = name.slice('Ctrl+'.length);
      if (!/^[A-Za-z]$/.test(letter)) throw new Error(`demo.tape:${line}: the replay knows Ctrl+<letter> only, not ${name}`);
      steps.push({ kind: 'keys', data: String.fromCharCode(letter.toUpperCase().charCodeAt(0) - 64), name, line });
    } else if (KEY_BYTES[name] !== undefined) {
      const count = rest === '' ? 1 : Number(rest);
      if (!Number.isInteger(count) || count < 1) throw new Error(`demo.tape:${line}: ${name} takes a count, not "${rest}"`);
      steps.push({ kind: 'keys', data: (KEY_BYTES[name] as string).repeat(count), name: `${name} ${count}`, line });
    } else {
      throw new Error(`demo.tape:${line}: the replay does not know the command ${name}`);
    }
  });
  return steps;
}

/** A VHS string: "double", 'single' or `backtick` quoted, without escapes. */
function unquote(text: string, line: number): string {
  const match = /^(["'`])([\s\S]*)\1$/.exec(text);
  if (!match) throw new Error(`demo.tape:${line}: expected a quoted string, got ${text}`);
  return match[2] as string;
}

/**
 * The command the tape types to start hunch (its first Type followed by Enter), as arguments to
 * the built CLI, and the steps after it.
 */
export function launchOf(steps: readonly TapeStep[]): { args: string[]; env: Record<string, string>; rest: TapeStep[] } {
  const at = steps.findIndex((s, i) => s.kind === 'type' && steps[i + 1]?.kind === 'keys' && (steps[i + 1] as { data: string }).data === '\r');
  const typed = steps[at];
  if (!typed || typed.kind !== 'type') throw new Error('demo.tape never types a command and presses Enter');
  const words = typed.text.trim().split(/\s+/);
  if (words[0] !== 'node' || words[1] !== 'dist/cli.js') throw new Error(`demo.tape:${typed.line}: the launch command must be "node dist/cli.js …", got "${typed.text}"`);
  const env = Object.fromEntries(steps.slice(0, at).flatMap((s) => (s.kind === 'env' ? [[s.name, s.value]] : [])));
  return { args: words.slice(2), env, rest: steps.slice(at + 2) };
}
