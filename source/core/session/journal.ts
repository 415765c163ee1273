import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactDeep } from '../redact/redact-deep.js';
import type { NewSessionEvent, SessionEvent } from './events.js';

/** A damaged line found while reading a journal: everything before it was loaded. */
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

  append(event: NewSessionEvent): SessionEvent {
    const now = this.options.now?.() ?? new Date();
    const stamped = { ...event, at: event.at ?? now.toISOString() } as SessionEvent;
    const stored = this.options.redact ? redactDeep(stamped) : stamped;
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      this.fd = openSync(this.path, 'a', 0o600);
    }
    writeSync(this.fd, `${JSON.stringify(stored)}\n`);
    fsyncSync(this.fd);
    return stored;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Reads a journal. A line that does not parse (a write cut by power loss) stops the read: the
 * events before it are returned with a note of the damage, never an exception.
 */
export function readJournal(path: string): { events: SessionEvent[]; damage?: JournalDamage } {
  const text = readFileSync(path, 'utf8');
  const events: SessionEvent[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      const event = JSON.parse(line) as SessionEvent;
      if (!event || typeof event !== 'object' || typeof event.type !== 'string') throw new Error('not an event');
      events.push(event);
    } catch {
      const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
      return {
        events,
        damage: {
          line: index + 1,
          message: isLast
            ? `line ${index + 1} was cut off mid-write; the ${events.length} events before it are loaded`
            : `line ${index + 1} is damaged; the ${events.length} events before it are loaded and the rest is ignored`,
        },
      };
    }
  }
  return { events };
}
