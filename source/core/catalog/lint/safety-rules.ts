import { reservedEnvReason, unsafePlaceholders } from '../../params/argv-safety.js';
import { envNameFor } from '../../params/placeholders.js';
import { optionLikeValue, validateParamValue } from '../../params/validate.js';
import type { Problem } from '../problem.js';
import type { CatalogTest } from '../schema.js';
import { findWriteVerb, findWriteVerbInScript } from './read-verbs.js';
import { problemAt, type LintRule } from './rule.js';
import { sampleValues } from './sample-values.js';
import { leadingPlaceholder, renderCommand } from '../../params/render.js';

export const readOnlyVerbs: LintRule = {
  id: 'READONLY-VERB',
  description: 'an `effect: read-only` test only runs verbs on the read allow-list (kubectl, helm, istioctl, argocd, flux, redis-cli, SQL …)',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      if (test.effect !== 'read-only') continue;
      let verdict: string | undefined;
      if (test.script !== undefined) verdict = findWriteVerbInScript(test.script);
      else {
        const rendered = renderCommand(test, sampleValues(test), { target: 'local' });
        // Render with every optional group present, so nothing hides behind an unset parameter.
        const argv = rendered.ok ? rendered.command.argv : (test.command ?? []).flatMap((p) => (typeof p === 'string' ? [p] : p.args));
        verdict = findWriteVerb(argv);
      }
      if (verdict) {
        problems.push(problemAt(catalog, test, [test.script !== undefined ? 'script' : 'command'], this.id, `read-only test runs "${verdict}", which is not on the read allow-list; mark it effect: mutating or use a read verb`));
      }
    }
    return problems;
  },
};

/**
 * Shapes of script text that turn data back into code: the value of a variable (a parameter, or a
 * name read from the cluster) handed to something that parses it. Each is a way around "parameters
 * arrive only as environment variables".
 */
const CODE_FROM_DATA: readonly { pattern: RegExp; message: string }[] = [
  { pattern: /(^|[\s;|&(`])eval(\s|$)/m, message: 'script uses eval, which would run parameter values as code' },
  {
    pattern: /\b(?:sh|bash|dash|ash|zsh|ksh)\s+(?:-[A-Za-z]+\s+)*-[A-Za-z]*c[A-Za-z]*\s+"[^"]*\$/,
    message: 'script builds shell code from a variable ("sh -c \\"…$X…\\"", the same as eval); pass values as arguments: sh -c \'… "$1" …\' sh "$X"',
  },
  {
    pattern: /(^|[\s;|&(])(?:source|\.)\s+(?:<\(|\/dev\/stdin|\/dev\/fd\/|\/proc\/self\/fd\/|"?\$)/m,
    message: 'script sources code it built or received at run time (the same as eval)',
  },
  {
    pattern: /\b(?:perl|ruby|node|python3?|php)\s+(?:-\S+\s+)*-[ecEr]\s+"[^"]*\$/,
    message: 'script builds interpreter code from a variable; pass values through the environment or as arguments',
  },
  {
    pattern: /\b(?:awk|gawk|mawk|nawk|sed)\s+(?:-[vFe]\s+\S+\s+|-\S+\s+)*"[^"]*\$/,
    message: 'script builds an awk or sed program from a variable; pass values with awk -v name="$X" and a single-quoted program',
  },
  {
    pattern: /\b(?:psql|mysql|mariadb)\b[^\n|;]*\s(?:-c|--command|-e|--execute)\s+"[^"]*\$/,
    message: 'script builds SQL from a variable (SQL injection); pass values as psql variables (-v name="$X" and :\'name\') or mysql user variables',
  },
  {
    pattern: /\b(?:mongosh|mongo)\b[^\n|;]*--eval\s+"[^"]*\$/,
    message: 'script builds mongosh code from a variable; read values from process.env inside single-quoted code',
  },
  { pattern: /\btrap\s+"[^"]*\$/, message: 'script builds a trap handler from a variable (the same as eval)' },
  {
    pattern: /#\s*shellcheck\s+disable=[^\n]*\b(?:SC2086|SC2046|SC2048|SC2294|all)\b/i,
    message: 'script switches off a shellcheck check that guards against word splitting or eval (SC2086, SC2046, SC2048, SC2294)',
  },
];

export const scriptSafety: LintRule = {
  id: 'SCRIPT-INJECTION',
  description: 'scripts read parameters only from the environment: no {{placeholder}}, no eval or its equivalents, no parameter as the program',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      if (test.script === undefined) continue;
      if (/\{\{/.test(test.script)) {
        problems.push(problemAt(catalog, test, ['script'], this.id, 'script contains {{…}}: scripts read parameters from environment variables ($NAMESPACE), never from text pasted into them'));
      }
      for (const { pattern, message } of CODE_FROM_DATA) {
        if (pattern.test(test.script)) problems.push(problemAt(catalog, test, ['script'], this.id, message));
      }
      const program = parameterAsProgram(test);
      if (program) problems.push(problemAt(catalog, test, ['script'], this.id, `script runs the value of $${program} as a program; the programs a test runs are written in the catalogue`));
    }
    return problems;
  },
};

/** A parameter's variable in command position (`"$TOOL" --version`), so the user's value picks the program. */
function parameterAsProgram(test: CatalogTest): string | undefined {
  const script = test.script ?? '';
  for (const param of test.params) {
    const name = envNameFor(param.name);
    // `||` and `&&` are left out: inside [[ … ]] they join tests, not commands.
    const inCommandPosition = new RegExp(`(^|;|(?<![|])[|](?![|])|\\$\\(|\\b(?:then|do|else|exec|command|xargs))[ \\t]*"?\\$\\{?${name}\\b`, 'm');
    if (inCommandPosition.test(script)) return name;
  }
  return undefined;
}

export const placeholderInCode: LintRule = {
  id: 'PLACEHOLDER-IN-CODE',
  description: 'a {{placeholder}} never chooses the program or sits inside code a shell, an interpreter or a SQL client parses (sh -c, awk, psql -c …)',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      for (const unsafe of unsafePlaceholders(test.command ?? [])) {
        problems.push(problemAt(catalog, test, ['command'], this.id, `{{${unsafe.param}}} ${unsafe.reason}`));
      }
    }
    return problems;
  },
};

export const paramEnvReserved: LintRule = {
  id: 'PARAM-ENV-RESERVED',
  description: "a script's parameters never set environment variables that change what it runs (PATH, IFS, BASH_ENV, LD_* …)",
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      if (test.script === undefined) continue;
      test.params.forEach((param, index) => {
        const reason = reservedEnvReason(envNameFor(param.name));
        if (reason) problems.push(problemAt(catalog, test, ['params', index, 'name'], this.id, `parameter "${param.name}" ${reason}`));
      });
    }
    return problems;
  },
};

export const paramDefaultValid: LintRule = {
  id: 'PARAM-DEFAULT-INVALID',
  description: "a parameter's default passes the same checks as a typed value (type, choices, invisible characters)",
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      test.params.forEach((param, index) => {
        if (param.default === undefined) return;
        const value = String(param.default);
        const startsArgument = (test.command ?? []).flatMap((p) => (typeof p === 'string' ? [p] : p.args)).some((element) => leadingPlaceholder(element, { [param.name]: value }) === param.name);
        const problem = validateParamValue(param, value) ?? (startsArgument ? optionLikeValue(value) : undefined);
        if (problem) problems.push(problemAt(catalog, test, ['params', index, 'default'], this.id, `default of "${param.name}" ${problem}`));
      });
    }
    return problems;
  },
};
