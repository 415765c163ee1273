import { interpretOutput } from '../../interpret/interpret.js';
import { regexProblem } from '../../interpret/regex.js';
import type { Condition } from '../schema.js';
import type { Problem } from '../problem.js';
import { problemAt, type LintRule } from './rule.js';

export const examplesProduceOutcome: LintRule = {
  id: 'EXAMPLE-OUTCOME',
  description: "each example's output, read by the test's rules, gives the example's declared outcome",
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      test.examples.forEach((example, index) => {
        let got;
        try {
          got = interpretOutput(test.interpret, example);
        } catch {
          return; // a broken regex is REGEX-INVALID's to report
        }
        if (got.outcome !== example.outcome) {
          const name = example.name ? ` "${example.name}"` : '';
          problems.push(problemAt(catalog, test, ['examples', index, 'outcome'], this.id, `example ${index + 1}${name} should give ${example.outcome} but the rules give ${got.outcome} (${got.finding})`));
        }
      });
    }
    return problems;
  },
};

export const examplesCoverOutcomes: LintRule = {
  id: 'EXAMPLE-COVERAGE',
  description: 'every test has at least one anomaly example and one healthy example',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const outcomes = new Set(test.examples.map((e) => e.outcome));
      for (const needed of ['anomaly', 'healthy'] as const) {
        if (!outcomes.has(needed)) problems.push(problemAt(catalog, test, ['examples'], this.id, `${test.id} has no ${needed} example`));
      }
    }
    return problems;
  },
};

const REGEX_FIELDS = ['stdout', 'stderr', 'output', 'notStdout', 'notStderr', 'notOutput'] as const;

export const regexValid: LintRule = {
  id: 'REGEX-INVALID',
  description: 'every regex in interpret rules compiles',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      test.interpret.forEach((rule, index) => {
        for (const [path, pattern] of regexesOf(rule.when)) {
          const problem = regexProblem(pattern);
          if (problem) problems.push(problemAt(catalog, test, ['interpret', index, 'when', ...path], this.id, problem));
        }
      });
    }
    return problems;
  },
};

function regexesOf(condition: Condition): [string[], string][] {
  const found: [string[], string][] = [];
  for (const field of REGEX_FIELDS) {
    const value = condition[field];
    if (value !== undefined) found.push([[field], value]);
  }
  if (condition.lines?.match !== undefined) found.push([['lines', 'match'], condition.lines.match]);
  if (condition.number) found.push([['number', 'regex'], condition.number.regex]);
  if (condition.json?.matches !== undefined) found.push([['json', 'matches'], condition.json.matches]);
  return found;
}
