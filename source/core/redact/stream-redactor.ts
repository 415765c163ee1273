import { SECRET_KEY_NAMES } from './key-names.js';
import { redactText } from './redact.js';
import { blockHeader, closesMapping, redactSecretManifests, siblingKind } from './secret-manifests.js';

type Header = NonNullable<ReturnType<typeof blockHeader>>;

/** Why lines are being held back instead of emitted. */
type Hold =
  | { kind: 'private-key'; lines: string[]; size: number; dropped: boolean }
  | { kind: 'secret-block'; header: Header; lines: string[]; size: number; inBlock: boolean }
  | { kind: 'pair'; lines: string[]; size: number };

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
// First halves of secrets that span two lines: env `- name: DB_PASSWORD` (value on the next line)
// and redis-cli's numbered CONFIG GET answers.
const PAIR_FIRST_HALF = new RegExp(
  `^\\s*(?:-\\s*)?["']?name["']?\\s*:\\s*["']?[A-Za-z0-9_.-]*(?:${SECRET_KEY_NAMES})["']?,?\\s*$|^\\d+\\) "(?:requirepass|masterauth|masteruser)"\\s*$`,
  'i',
);
/** A line longer than this without a newline is released anyway, so memory stays bounded. */
const MAX_PARTIAL = 16 * 1024;
/** A private key is a few KiB; past this the block is dropped rather than held. */
const MAX_KEY_HOLD = 256 * 1024;
/** A Secret cannot exceed 1 MiB (base64 adds a third): a longer data block is not a Secret's. */
const MAX_SECRET_HOLD = 2 * 1024 * 1024;
/** Lines already emitted, kept so a held block can look back for its `kind:`. */
const LOOK_BACK = 200;

/**
 * Redacts output that arrives in chunks, so a secret split between two chunks (a PEM block, a
 * Secret's data printed before its `kind: Secret`, a header cut mid-token) is still found. Text is
 * released a whole line at a time; lines that may belong to a multi-line secret are held until it
 * can be decided. Feed each stream (stdout, stderr) its own redactor.
 */
export class StreamRedactor {
  private partial = '';
  /** Ordinary lines waiting to be redacted together (one pass over many lines is much cheaper). */
  private plain: string[] = [];
  private hold: Hold | undefined;
  private recent: string[] = [];

  /** Takes a chunk and returns the redacted text that can be shown and stored now. */
  push(chunk: string): string {
    const text = this.partial + chunk;
    const lastNewline = text.lastIndexOf('\n');
    let complete: string;
    if (lastNewline === -1) {
      if (text.length < MAX_PARTIAL) {
        this.partial = text;
        return '';
      }
      complete = text;
      this.partial = '';
    } else {
      complete = text.slice(0, lastNewline + 1);
      this.partial = text.slice(lastNewline + 1);
    }
    const out: string[] = [];
    for (const line of splitKeepingNewlines(complete)) this.feed(line, out);
    this.flushPlain(out);
    return out.join('');
  }

  /** Everything still held, redacted: call when the stream ends. */
  end(): string {
    const out: string[] = [];
    if (this.partial !== '') this.feed(this.partial, out);
    this.partial = '';
    this.flushPlain(out);
    if (this.hold) out.push(this.release(this.hold));
    this.hold = undefined;
    return out.join('');
  }

  /** Whether lines are being held back (the screen may say "…"). */
  get holding(): boolean {
    return this.hold !== undefined || this.partial !== '';
  }

  private feed(line: string, out: string[]): void {
    const hold = this.hold;
    if (hold) {
      this.continueHold(hold, line, out);
      return;
    }
    this.startOrEmit(line, out);
  }

  private startOrEmit(line: string, out: string[]): void {
    const hold = this.holdFor(line);
    if (!hold) {
      this.plain.push(line);
      return;
    }
    this.flushPlain(out);
    this.hold = hold;
  }

  /** The hold a line starts, if it may be the first line of a multi-line secret. Cheap tests first. */
  private holdFor(line: string): Hold | undefined {
    if (line.includes('-----BEGIN') && PEM_BEGIN.test(line) && !PEM_END.test(line.slice(line.search(PEM_BEGIN)))) {
      return { kind: 'private-key', lines: [line], size: line.length, dropped: false };
    }
    const bare = line.replace(/\r?\n$/, '');
    if (bare.includes('ata')) {
      const header = blockHeader(bare);
      if (header && !header.inline) return { kind: 'secret-block', header, lines: [line], size: line.length, inBlock: true };
    }
    if ((bare.includes('name') || bare.includes(') "')) && PAIR_FIRST_HALF.test(bare)) return { kind: 'pair', lines: [line], size: line.length };
    return undefined;
  }

  private flushPlain(out: string[]): void {
    if (this.plain.length === 0) return;
    out.push(this.emit(this.plain));
    this.plain = [];
  }

  private continueHold(hold: Hold, line: string, out: string[]): void {
    hold.lines.push(line);
    hold.size += line.length;
    switch (hold.kind) {
      case 'private-key':
        if (PEM_END.test(line)) this.finishHold(out);
        else if (hold.size > MAX_KEY_HOLD) {
          // Too long to hold: keep discarding until the END line, so no part of it leaks.
          hold.lines = [];
          hold.size = 0;
          hold.dropped = true;
        }
        return;
      case 'pair':
        this.finishHold(out);
        return;
      case 'secret-block': {
        const bare = line.replace(/\r?\n$/, '');
        if (hold.inBlock && bare.trim() !== '' && indentOf(bare) <= hold.header.indent) hold.inBlock = false;
        // Decided once the mapping ends or names its kind after the block; a block too big for a
        // Secret is not one.
        const decided = !hold.inBlock && (closesMapping(bare, hold.header) || siblingKind(bare, hold.header) !== undefined);
        if (decided || hold.size > MAX_SECRET_HOLD) this.finishHold(out);
        return;
      }
    }
  }

  private finishHold(out: string[]): void {
    const hold = this.hold;
    this.hold = undefined;
    if (!hold) return;
    if (hold.kind === 'secret-block' && !hold.inBlock) {
      // The line that decided it may itself start a new hold (the next document's data:).
      const last = hold.lines.pop() as string;
      hold.size -= last.length;
      out.push(this.release(hold, last));
      this.startOrEmit(last, out);
      return;
    }
    out.push(this.release(hold));
  }

  /** Redacts held lines; `lookAhead` (the line that decided a block) is read but not emitted. */
  private release(hold: Hold, lookAhead = ''): string {
    if (hold.kind === 'private-key' && hold.dropped) {
      const last = hold.lines[hold.lines.length - 1] ?? '';
      const end = PEM_END.exec(last);
      return `[REDACTED:private-key]${end ? this.emit([last.slice(end.index + end[0].length)]) : '\n'}`;
    }
    if (hold.kind !== 'secret-block') return this.emit(hold.lines);
    // Look back at lines already emitted for a `kind: Secret` above the block; line-preserving.
    const context = this.recent.join('');
    const held = hold.lines.join('');
    const redacted = redactSecretManifests(context + held + lookAhead);
    const start = offsetOfLine(redacted, lineCount(context));
    const heldPart = redacted.slice(start, offsetOfLine(redacted, lineCount(context) + lineCount(held)));
    this.remember(hold.lines);
    return redactText(heldPart);
  }

  private emit(lines: string[]): string {
    this.remember(lines);
    return redactText(lines.join(''));
  }

  private remember(lines: readonly string[]): void {
    this.recent.push(...lines.slice(-LOOK_BACK).filter((l) => l.length < 4096));
    if (this.recent.length > LOOK_BACK) this.recent.splice(0, this.recent.length - LOOK_BACK);
  }
}

/** Complete lines in a text made of whole lines (each ends with a newline but maybe the last). */
function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Where line `n` starts; manifest redaction keeps line count and order, so offsets line up. */
function offsetOfLine(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return at;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function splitKeepingNewlines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
