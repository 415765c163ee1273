import type { Outcome } from '../core/catalog/schema.js';
import type { HypothesisStatus } from '../core/session/events.js';

/** How to draw: colour on or off, Unicode symbols or ASCII. Words always carry the meaning. */
export type Theme = {
  color: boolean;
  unicode: boolean;
  symbols: Record<'anomaly' | 'healthy' | 'inconclusive' | 'error' | 'stopped' | 'cursor' | 'selected' | 'unselected' | 'running' | 'ellipsis' | 'detected', string>;
};

const UNICODE = {
  anomaly: '✖',
  healthy: '✔',
  inconclusive: '?',
  error: '!',
  stopped: '⏹',
  cursor: '›',
  selected: '◉',
  unselected: '○',
  running: '…',
  ellipsis: '…',
  detected: '●',
};

const ASCII = {
  anomaly: 'x',
  healthy: 'v',
  inconclusive: '?',
  error: '!',
  stopped: '#',
  cursor: '>',
  selected: '[x]',
  unselected: '[ ]',
  running: '...',
  ellipsis: '...',
  detected: '*',
};

/** NO_COLOR, TERM=dumb and --no-color turn colour off; a non-UTF-8 locale gets ASCII symbols. */
export function themeFor(env: NodeJS.ProcessEnv, options: { noColor?: boolean } = {}): Theme {
  const color = !options.noColor && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const unicode = locale === '' ? env.TERM !== 'dumb' : /utf-?8/i.test(locale);
  return { color, unicode, symbols: unicode ? UNICODE : ASCII };
}

export function outcomeColor(outcome: Outcome): string {
  return { anomaly: 'red', healthy: 'green', inconclusive: 'yellow', error: 'magenta' }[outcome];
}

export function statusColor(status: HypothesisStatus): string {
  return { open: 'cyan', confirmed: 'red', refuted: 'green', inconclusive: 'yellow' }[status];
}
