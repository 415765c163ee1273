import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, SessionJournal } from '../../../source/core/session/journal.js';
import { replaySession, suggestVerdict } from '../../../source/core/session/reducer.js';
import { tempDir } from '../../helpers/temp.js';

function sampleJournal(path: string) {
  const journal = new SessionJournal(path, { redact: true });
  journal.append({ type: 'session-started', sessionId: 's1', hunchVersion: '1', catalogVersion: 'c', namespace: 'shop' });
  journal.append({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'postgres is down' });
  journal.append({
    type: 'run-started', runId: 'r1', hypothesisId: 'h1', testId: 'pod-not-running', title: 'Pods', component: 'pod',
    effect: 'read-only', command: 'kubectl get pods', argv: ['kubectl'], values: {},
  });
  journal.append({ type: 'output', runId: 'r1', stream: 'stdout', text: 'db-0 0/1 CrashLoopBackOff\npassword=hunter2\n' });
  return journal;
}

describe('session journal and reducer', () => {
  it('replays events into state, with secrets redacted on disk', () => {
    const path = join(tempDir(), 's.jsonl');
    const journal = sampleJournal(path);
    journal.append({
      type: 'run-finished', runId: 'r1', status: 'exited', exitCode: 0, durationMs: 12, outcome: 'anomaly', finding: '1 pod not ready',
      stdout: 'db-0 0/1 CrashLoopBackOff\n', stderr: '', truncated: false, totalLines: 1,
    });
    journal.close();
    expect(readFileSync(path, 'utf8')).not.toContain('hunter2');
    const state = replaySession(readJournal(path).events);
    expect(state.runs[0]).toMatchObject({ state: 'finished', outcome: 'anomaly' });
    expect(suggestVerdict(state, 'h1')).toBe('confirmed');
  });

  it('given a line cut off mid-write, loads everything before it and says so', () => {
    const path = join(tempDir(), 's.jsonl');
    sampleJournal(path).close();
    appendFileSync(path, '{"type":"run-fini');
    const { events, damage } = readJournal(path);
    expect(events).toHaveLength(4);
    expect(damage?.message).toBe('s.jsonl:5: the last line was cut off mid-write (a crash or power loss); the 4 events before it are loaded');
  });

  it('given garbage in the middle, skips that line, names it and loads the events after it', () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, '{"type":"session-started","at":"x","sessionId":"s"}\nnot json\n{"type":"session-ended","at":"y"}\n');
    const { events, damage, damagedLines } = readJournal(path);
    expect(events.map((e) => e.type)).toEqual(['session-started', 'session-ended']);
    expect(damagedLines).toEqual([2]);
    expect(damage?.message).toBe('s.jsonl:2: a damaged line was skipped (line 2); 2 events loaded');
  });

  it('given a line that is JSON but not an event, treats it as damaged', () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, '{"type":"session-started","at":"x","sessionId":"s"}\n[1,2]\n{"no":"type"}\n');
    expect(readJournal(path).damagedLines).toEqual([2, 3]);
  });

  it('keeps events of a type it does not know (a newer hunch) and the reducer skips them', () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, '{"type":"session-started","at":"x","sessionId":"s","hunchVersion":"9","catalogVersion":"c"}\n{"type":"from-the-future","at":"y"}\n');
    const { events, damage } = readJournal(path);
    expect(damage).toBeUndefined();
    expect(events).toHaveLength(2);
    expect(replaySession(events)).toMatchObject({ id: 's', hunchVersion: '9', updatedAt: 'x' });
  });
});
