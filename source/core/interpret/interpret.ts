import type { Condition, InterpretRule, Outcome } from '../catalog/schema.js';
import { readJsonPath } from './json-path.js';
import { compileRegex } from './regex.js';

/** What a test's output means: the outcome and a one-line finding. */
export type Interpretation = { outcome: Outcome; finding: string; rule?: number };

/** The parts of a run the rules read. */
export type Observed = { stdout: string; stderr: string; exitCode: number | null };

type Comparison = { gt?: number | undefined; ge?: number | undefined; lt?: number | undefined; le?: number | undefined; eq?: number | undefined; ne?: number | undefined };

/** Facts a matching condition captured, for the finding's {{placeholders}}. */
type Captures = { match?: string; count?: number; value?: number; lines?: string[] };

/**
 * Applies the rules in order; the first whose every condition holds decides. When none does, a
 * clean exit is inconclusive and a failed one is an error, so a rule set never claims more than it
 * checked.
 */
export function interpretOutput(rules: readonly InterpretRule[], observed: Observed): Interpretation {
  for (const [index, rule] of rules.entries()) {
    const captures = matchCondition(rule.when, observed);
    if (captures) return { outcome: rule.outcome, finding: fillFinding(rule.finding, captures), rule: index };
  }
  if (observed.exitCode === 0) return { outcome: 'inconclusive', finding: 'the output matched none of the test\u2019s rules' };
  const lastLine = lastNonEmptyLine(observed.stderr) ?? lastNonEmptyLine(observed.stdout);
  return { outcome: 'error', finding: `exited with code ${observed.exitCode ?? 'none'}${lastLine ? `: ${lastLine}` : ''}` };
}

/** Returns what the condition captured when it holds, undefined when it does not. */
export function matchCondition(condition: Condition, observed: Observed): Captures | undefined {
  const captures: Captures = {};
  const text = (stream: 'stdout' | 'stderr' | 'output' | undefined) =>
    stream === 'stderr' ? observed.stderr : stream === 'output' ? `${observed.stdout}\n${observed.stderr}` : observed.stdout;

  if (condition.exitCode !== undefined && !exitCodeMatches(condition.exitCode, observed.exitCode)) return undefined;

  for (const [key, stream] of [['stdout', 'stdout'], ['stderr', 'stderr'], ['output', 'output']] as const) {
    const pattern = condition[key];
    if (pattern === undefined) continue;
    const match = compileRegex(pattern).exec(text(stream));
    if (!match) return undefined;
    captures.match ??= (match[1] ?? match[0]).trim();
  }
  for (const [key, stream] of [['notStdout', 'stdout'], ['notStderr', 'stderr'], ['notOutput', 'output']] as const) {
    const pattern = condition[key];
    if (pattern !== undefined && compileRegex(pattern).test(text(stream))) return undefined;
  }
  if (condition.lines) {
    const match = condition.lines.match === undefined ? undefined : compileRegex(condition.lines.match);
    const lines = text(condition.lines.in)
      .split('\n')
      .slice(condition.lines.skip ?? 0)
      .filter((line) => line.trim() !== '' && (match ? match.test(line) : true));
    if (!compare(lines.length, condition.lines)) return undefined;
    captures.count = lines.length;
    captures.lines = lines.map((line) => line.trim());
  }
  if (condition.number) {
    const values = extractNumbers(text(condition.number.in), condition.number.regex);
    const value = aggregate(values, condition.number.aggregate ?? 'max');
    if (value === undefined || !compare(value, condition.number)) return undefined;
    captures.value = value;
  }
  if (condition.json) {
    const values = readJsonPath(observed.stdout, condition.json.path);
    if (values === undefined) return undefined;
    if (!jsonMatches(values, condition.json)) return undefined;
    captures.count = values.length;
    const numbers = values.filter((v): v is number => typeof v === 'number');
    if (numbers.length > 0) captures.value = Math.max(...numbers);
    captures.lines = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return captures;
}

function exitCodeMatches(expected: NonNullable<Condition['exitCode']>, actual: number | null): boolean {
  if (typeof expected === 'number') return actual === expected;
  if (Array.isArray(expected)) return actual !== null && expected.includes(actual);
  const excluded = Array.isArray(expected.not) ? expected.not : [expected.not];
  return actual !== null && !excluded.includes(actual);
}

function compare(value: number, c: Comparison): boolean {
  if (c.gt !== undefined && !(value > c.gt)) return false;
  if (c.ge !== undefined && !(value >= c.ge)) return false;
  if (c.lt !== undefined && !(value < c.lt)) return false;
  if (c.le !== undefined && !(value <= c.le)) return false;
  if (c.eq !== undefined && value !== c.eq) return false;
  if (c.ne !== undefined && value === c.ne) return false;
  return true;
}

function hasComparison(c: Comparison): boolean {
  return [c.gt, c.ge, c.lt, c.le, c.eq, c.ne].some((v) => v !== undefined);
}

function extractNumbers(text: string, pattern: string): number[] {
  const regex = compileRegex(pattern, 'g');
  const numbers: number[] = [];
  for (const match of text.matchAll(regex)) {
    const value = Number.parseFloat((match[1] ?? match[0]).replace(/,/g, ''));
    if (Number.isFinite(value)) numbers.push(value);
  }
  return numbers;
}

function aggregate(values: number[], how: 'max' | 'min' | 'sum' | 'first' | 'last' | 'count'): number | undefined {
  if (how === 'count') return values.length;
  if (values.length === 0) return undefined;
  switch (how) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'first':
      return values[0];
    case 'last':
      return values[values.length - 1];
  }
}

function jsonMatches(values: unknown[], json: NonNullable<Condition['json']>): boolean {
  if (json.count && !compare(values.length, json.count)) return false;
  if (json.equals !== undefined && !values.some((v) => v === json.equals)) return false;
  if (json.matches !== undefined) {
    const regex = compileRegex(json.matches);
    if (!values.some((v) => regex.test(typeof v === 'string' ? v : JSON.stringify(v)))) return false;
  }
  if (hasComparison(json)) {
    const numbers = values.map(Number).filter(Number.isFinite);
    if (!numbers.some((n) => compare(n, json))) return false;
  }
  return true;
}

function fillFinding(template: string, captures: Captures): string {
  const lines = captures.lines ?? [];
  const listed = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ` (+${lines.length - 5} more)` : '');
  return template.replace(/\{\{\s*(match|count|value|lines)\s*\}\}/g, (_, key: string) => {
    if (key === 'lines') return listed;
    const value = captures[key as 'match' | 'count' | 'value'];
    return value === undefined ? '' : String(value);
  });
}

function lastNonEmptyLine(text: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = lines[lines.length - 1]?.trim();
  return last === undefined ? undefined : last.slice(0, 200);
}
