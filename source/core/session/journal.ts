import { closeSync, copyFileSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { redactDeep } from '../redact/redact-deep.js';
import type { NewSessionEvent, SessionEvent } from './events.js';

/** A damaged line found while reading a journal, with a message that names the file and line. */
export type JournalDamage = { line: number; message: string };

export type JournalOptions = { redact: boolean; now?: () => Date };

/**
 * An append-only JSON-lines file. Each event is redacted, written and fsynced before `append`
 * returns, so whatever the UI shows next is already on disk.
 */
export class SessionJournal {
  private fd: number | undefined;

  constructor(
    readonly path: string,
    private readonly options: JournalOptions = { redact: true },
  ) {}

  /** Whether events are redacted before they are written (the default; off only with --no-redact). */
  get redacts(): boolean {
    return this.options.redact;
  }

  append(event: NewSessionEvent): SessionEvent {
    const now = this.options.now?.() ?? new Date();
    const stamped = { ...event, at: event.at ?? now.toISOString() } as SessionEvent;
    const stored = this.options.redact ? redactDeep(stamped) : stamped;
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      this.fd = openSync(this.path, 'a', 0o600);
    }
    // One write per line: a crash leaves at most the last line cut, never two events interleaved.
    writeSync(this.fd, `${JSON.stringify(stored)}\n`);
    fsyncSync(this.fd);
    return stored;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export type JournalRead = { events: SessionEvent[]; damage?: JournalDamage | undefined; damagedLines: number[] };

/**
 * Reads a journal without ever throwing on its content. A line cut off by a crash or power loss
 * is reported and everything before it is loaded; a damaged line elsewhere is skipped and named,
 * and the events after it are loaded too, so nothing readable is lost.
 */
export function readJournal(path: string): JournalRead {
  const text = readFileSync(path, 'utf8');
  return parseJournal(text, basename(path));
}

export function parseJournal(text: string, name: string): JournalRead {
  const events: SessionEvent[] = [];
  const damagedLines: number[] = [];
  const lines = text.split('\n');
  let cutOff = false;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const event = parseEvent(line);
    if (event) {
      events.push(event);
      continue;
    }
    damagedLines.push(index + 1);
    if (index === lines.length - 1) cutOff = true;
  }
  if (damagedLines.length === 0) return { events, damagedLines };
  const first = damagedLines[0] as number;
  const message =
    cutOff && damagedLines.length === 1
      ? `${name}:${first}: the last line was cut off mid-write (a crash or power loss); the ${events.length} events before it are loaded`
      : `${name}:${first}: ${damagedLines.length === 1 ? 'a damaged line was' : `${damagedLines.length} damaged lines were`} skipped (line${damagedLines.length === 1 ? '' : 's'} ${damagedLines.join(', ')}); ${events.length} events loaded`;
  return { events, damage: { line: first, message }, damagedLines };
}

function parseEvent(line: string): SessionEvent | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    if (!value || typeof value !== 'object') return undefined;
    const event = value as { type?: unknown; at?: unknown };
    return typeof event.type === 'string' && typeof event.at === 'string' ? (value as SessionEvent) : undefined;
  } catch {
    return undefined;
  }
}

export type JournalRepair = { backup: string; line: number };

/**
 * Makes a journal safe to append to. A last line cut off mid-write would swallow the next event
 * (both on one line), so the whole file is first copied aside (nothing is lost) and then cut back
 * to its last complete line. Returns what was done, or undefined when the file was fine.
 */
export function repairJournalTail(path: string, now = new Date()): JournalRepair | undefined {
  const text = readFileSync(path, 'utf8');
  if (text === '' || text.endsWith('\n')) return undefined;
  const lastNewline = text.lastIndexOf('\n');
  const fd = openSync(path, 'r+');
  try {
    if (parseEvent(text.slice(lastNewline + 1))) {
      // The event is whole and only its newline is missing.
      writeSync(fd, '\n', Buffer.byteLength(text));
      fsyncSync(fd);
      return undefined;
    }
    const backup = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(path, backup);
    ftruncateSync(fd, Buffer.byteLength(text.slice(0, lastNewline + 1)));
    fsyncSync(fd);
    return { backup, line: text.slice(0, lastNewline + 1).split('\n').length };
  } finally {
    closeSync(fd);
  }
}
