import { describe, expect, it } from 'vitest';
import { commandLines } from '../../source/ui/components/command-box.js';
import { chromeLayout } from '../../source/ui/state/chrome-layout.js';
import { cursorIndex, movedKey, type HypothesisChoice } from '../../source/ui/state/hypothesis-choices.js';
import { recentValues, withRecentFirst } from '../../source/ui/state/recent-values.js';
import { testRowLayout } from '../../source/ui/state/test-row-layout.js';
import { wrapText } from '../../source/ui/state/wrap-text.js';
import { splitInput } from '../../source/ui/keys/split-input.js';

describe('the chrome in small terminals', () => {
  it('drops the blank line, then the hints, then says the terminal is too small, and always leaves the last row free', () => {
    expect(chromeLayout(80, 30)).toEqual({ tooSmall: false, hints: true, spacer: true, bodyRows: 25 });
    expect(chromeLayout(80, 16)).toEqual({ tooSmall: false, hints: true, spacer: false, bodyRows: 12 });
    expect(chromeLayout(80, 12)).toEqual({ tooSmall: false, hints: false, spacer: false, bodyRows: 9 });
    expect(chromeLayout(39, 30)).toMatchObject({ tooSmall: true, message: 'terminal too small: 39x30, needs 40x10' });
    for (const rows of [10, 13, 14, 19, 20, 50]) {
      const layout = chromeLayout(80, rows);
      if (layout.tooSmall) throw new Error('too small');
      expect(2 + Number(layout.hints) + Number(layout.spacer) + layout.bodyRows).toBe(rows - 1);
    }
  });
});

describe('the tests list columns', () => {
  const rows = [
    { title: 'ingress-nginx controller pods are running and ready', component: 'ingress-nginx', marks: 'read-only  ● here  may run' },
    { title: 'Pods that are not running and ready', component: 'pod', marks: 'read-only  may run' },
  ];
  it('keeps one line per test while the title has room, two lines below that', () => {
    expect(testRowLayout(120, rows, 1)).toMatchObject({ twoLine: false, componentWidth: 13 });
    expect(testRowLayout(80, rows, 1)).toMatchObject({ twoLine: false, titleWidth: 33 });
    expect(testRowLayout(72, rows, 1)).toMatchObject({ twoLine: true, titleWidth: 68 });
    expect(testRowLayout(60, rows, 3)).toMatchObject({ twoLine: true, titleWidth: 54 });
  });
});

describe('wrapping', () => {
  it('breaks text at spaces and cuts words longer than a line', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('https://example.com/a/long/path', 10)).toEqual(['https://ex', 'ample.com/', 'a/long/pat', 'h']);
  });

  it('keeps every character of a command, breaking at spaces where it can', () => {
    const lines = commandLines("kubectl get pods -n shop -o jsonpath='{.items[*].metadata.name}'", 20);
    expect(lines.join('')).toBe("$ kubectl get pods -n shop -o jsonpath='{.items[*].metadata.name}'");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(20);
    expect(commandLines('bash -c \'a\nb\'', 40)).toEqual(["$ bash -c 'a", "b'"]);
  });
});

describe('the hypothesis cursor', () => {
  const choice = (id: string): HypothesisChoice => ({ key: `test-${id}`, kind: 'test', id, text: id, component: 'pod' });
  it('follows the item when the list re-ranks, and lets go when it leaves the list', () => {
    const before = [choice('a'), choice('b'), choice('c')];
    const key = movedKey(before, movedKey(before, undefined, 1), 1);
    expect(key).toBe('test-b');
    expect(cursorIndex([choice('c'), choice('b'), choice('a')], key)).toBe(1);
    expect(cursorIndex([choice('c'), choice('a')], key)).toBe(-1);
    expect(movedKey(before, 'test-a', -1)).toBeUndefined();
  });
});

describe('recently used parameter values', () => {
  it('come first, newest first, with what the cluster says of them', () => {
    const runs: { values: Record<string, string> }[] = [{ values: { namespace: 'data', pod: 'postgres-0' } }, { values: { namespace: 'shop' } }];
    const recent = recentValues('namespace', runs, { '*': { namespace: 'preset' }, t1: { namespace: 'kube-system' } });
    expect(recent).toEqual(['shop', 'data', 'kube-system']);
    expect(withRecentFirst([{ value: 'default' }, { value: 'data', note: 'has postgres (postgres-0)' }], ['data'])).toEqual([
      { value: 'data', note: 'used earlier · has postgres (postgres-0)' },
      { value: 'default' },
    ]);
  });
});

describe('keys that arrive together', () => {
  it('splits a short burst into single keys and keeps a long paste whole', () => {
    const key = { ctrl: false, meta: false } as Parameters<typeof splitInput>[1];
    expect(splitInput('?db', key).map((k) => k.input)).toEqual(['?', 'd', 'b']);
    expect(splitInput('x\r\r', key).map((k) => (k.key.return ? 'enter' : k.input))).toEqual(['x', 'enter', 'enter']);
    const paste = 'FATAL: sorry, too many clients already for this database';
    expect(splitInput(paste, key)).toHaveLength(1);
  });
});
