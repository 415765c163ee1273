import { describe, expect, it } from 'vitest';
import { interpretOutput } from '../../../source/core/interpret/interpret.js';
import { readJsonPath } from '../../../source/core/interpret/json-path.js';

describe('interpretOutput', () => {
  it('takes the first rule whose conditions all hold and fills the finding', () => {
    const rules = [
      { when: { exitCode: 0, lines: { match: 'Crash', gt: 0 } }, outcome: 'anomaly' as const, finding: '{{count}} bad: {{lines}}' },
      { when: { exitCode: 0 }, outcome: 'healthy' as const, finding: 'fine' },
    ];
    expect(interpretOutput(rules, { stdout: 'a Crash\nb ok\nc Crash\n', stderr: '', exitCode: 0 })).toMatchObject({ outcome: 'anomaly', finding: '2 bad: a Crash, c Crash' });
    expect(interpretOutput(rules, { stdout: 'b ok\n', stderr: '', exitCode: 0 })).toMatchObject({ outcome: 'healthy' });
  });

  it('compares extracted numbers and json values', () => {
    const number = [{ when: { number: { regex: '(\\d+)%', aggregate: 'max' as const, ge: 90 } }, outcome: 'anomaly' as const, finding: '{{value}}%' }];
    expect(interpretOutput(number, { stdout: '12% /a\n95% /b\n', stderr: '', exitCode: 0 })).toMatchObject({ outcome: 'anomaly', finding: '95%' });
    expect(interpretOutput(number, { stdout: '12% /a\n', stderr: '', exitCode: 0 }).outcome).toBe('inconclusive');
    const json = [{ when: { json: { path: 'items[*].status.phase', equals: 'Pending' } }, outcome: 'anomaly' as const, finding: '{{count}} phases' }];
    const stdout = JSON.stringify({ items: [{ status: { phase: 'Running' } }, { status: { phase: 'Pending' } }] });
    expect(interpretOutput(json, { stdout, stderr: '', exitCode: 0 })).toMatchObject({ outcome: 'anomaly', finding: '2 phases' });
  });

  it('without a matching rule: inconclusive on exit 0, error with the last stderr line otherwise', () => {
    expect(interpretOutput([], { stdout: '', stderr: '', exitCode: 0 }).outcome).toBe('inconclusive');
    expect(interpretOutput([], { stdout: '', stderr: 'x\nError: boom\n', exitCode: 2 })).toMatchObject({ outcome: 'error', finding: 'exited with code 2: Error: boom' });
  });

  it('honours regex flags and negative conditions', () => {
    const rules = [{ when: { stdout: '/error/i', notStdout: 'ignored' }, outcome: 'anomaly' as const, finding: 'x' }];
    expect(interpretOutput(rules, { stdout: 'ERROR', stderr: '', exitCode: 0 }).outcome).toBe('anomaly');
    expect(interpretOutput(rules, { stdout: 'ERROR ignored', stderr: '', exitCode: 0 }).outcome).toBe('inconclusive');
  });
});

describe('readJsonPath', () => {
  it('reads nested arrays, indexes and quoted keys, and says when the text is not JSON', () => {
    const doc = JSON.stringify({ metadata: { labels: { 'app.kubernetes.io/name': 'db' } }, items: [{ a: 1 }, { a: 2 }] });
    expect(readJsonPath(doc, "metadata.labels['app.kubernetes.io/name']")).toEqual(['db']);
    expect(readJsonPath(doc, '{.items[*].a}')).toEqual([1, 2]);
    expect(readJsonPath(doc, '$.items[-1].a')).toEqual([2]);
    expect(readJsonPath('not json', 'a')).toBeUndefined();
  });
});
