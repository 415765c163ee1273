import { sortProblems, type Problem } from '../problem.js';
import type { Catalog } from '../load.js';
import { examplesCoverOutcomes, examplesProduceOutcome, regexValid } from './example-rules.js';
import { kubectlParses, shellcheckPasses, type ExternalLintRule, type ExternalOptions } from './external-rules.js';
import type { LintRule } from './rule.js';
import { paramDefaultValid, paramEnvReserved, placeholderInCode, readOnlyVerbs, scriptSafety } from './safety-rules.js';
import {
  componentKnown,
  hypothesisTestsExist,
  nextExists,
  optionalInsideWhen,
  paramUsed,
  placeholderDeclared,
  referencesDeclared,
  toolDeclared,
} from './structure-rules.js';

/** Rules checked on the loaded catalogue alone, fast enough for every start. */
export const LINT_RULES: readonly LintRule[] = [
  placeholderDeclared,
  paramUsed,
  optionalInsideWhen,
  referencesDeclared,
  nextExists,
  hypothesisTestsExist,
  componentKnown,
  toolDeclared,
  readOnlyVerbs,
  scriptSafety,
  placeholderInCode,
  paramEnvReserved,
  paramDefaultValid,
  regexValid,
  examplesProduceOutcome,
  examplesCoverOutcomes,
];

/** Rules that ask a real program. */
export const EXTERNAL_RULES: readonly ExternalLintRule[] = [kubectlParses, shellcheckPasses];

/** Problems found while loading have these ids. */
export const LOAD_RULES = ['YAML', 'SCHEMA', 'FILE', 'CATALOG-DIR', 'ID-DUPLICATE'] as const;

export type LintOptions = ExternalOptions & {
  /** Run the rules that need kubectl and shellcheck. */
  external?: boolean;
  /** Which programs are installed; rules whose tool is missing are skipped and named here. */
  hasTool?: (tool: string) => boolean;
};

export type LintReport = { problems: Problem[]; skipped: { rule: string; reason: string }[] };

/** Every problem in the catalogue: load problems plus every rule's findings, sorted by place. */
export async function lintCatalog(catalog: Catalog, options: LintOptions = {}): Promise<LintReport> {
  const problems = [...catalog.problems];
  for (const rule of LINT_RULES) problems.push(...rule.check(catalog));
  const skipped: LintReport['skipped'] = [];
  if (options.external) {
    const runnable = EXTERNAL_RULES.filter((rule) => {
      if (options.hasTool && !options.hasTool(rule.tool)) {
        skipped.push({ rule: rule.id, reason: `${rule.tool} is not installed` });
        return false;
      }
      return true;
    });
    const found = await Promise.all(runnable.map((rule) => rule.check(catalog, options)));
    problems.push(...found.flat());
  }
  return { problems: sortProblems(problems), skipped };
}
