import { commandPlaceholders, envNameFor } from '../../params/placeholders.js';
import { isRequired } from '../../params/render.js';
import type { Problem } from '../problem.js';
import { problemAt, type LintRule } from './rule.js';

export const placeholderDeclared: LintRule = {
  id: 'PLACEHOLDER-UNDECLARED',
  description: 'every {{placeholder}} in a command is a declared parameter',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const declared = new Set(test.params.map((p) => p.name));
      for (const { name } of commandPlaceholders(test.command ?? [])) {
        if (!declared.has(name)) problems.push(problemAt(catalog, test, ['command'], this.id, `{{${name}}} is not a declared parameter of ${test.id}`));
      }
    }
    return problems;
  },
};

export const paramUsed: LintRule = {
  id: 'PARAM-UNUSED',
  description: 'every declared parameter is used by the command or script',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const used = test.command
        ? new Set(commandPlaceholders(test.command).flatMap((p) => [p.name, ...(p.conditionalOn ? [p.conditionalOn] : [])]))
        : undefined;
      test.params.forEach((param, index) => {
        const isUsed = used ? used.has(param.name) : new RegExp(`\\$\\{?${envNameFor(param.name)}\\b`).test(test.script ?? '');
        if (!isUsed) problems.push(problemAt(catalog, test, ['params', index, 'name'], this.id, `parameter "${param.name}" is never used`));
      });
    }
    return problems;
  },
};

export const optionalInsideWhen: LintRule = {
  id: 'PARAM-OPTIONAL-BARE',
  description: 'an optional parameter without a default is only used inside a `when` group',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const optional = new Set(test.params.filter((p) => !isRequired(p) && p.default === undefined).map((p) => p.name));
      for (const placeholder of commandPlaceholders(test.command ?? [])) {
        if (optional.has(placeholder.name) && placeholder.conditionalOn !== placeholder.name) {
          problems.push(
            problemAt(catalog, test, ['command'], this.id, `optional parameter "${placeholder.name}" must sit inside {when: ${placeholder.name}, args: [...]} so it disappears when empty`),
          );
        }
      }
    }
    return problems;
  },
};

export const referencesDeclared: LintRule = {
  id: 'PARAM-REFERENCE',
  description: '`dependsOn` and `when` name declared parameters',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const declared = new Set(test.params.map((p) => p.name));
      if (test.target === 'pod') ['namespace', 'pod', 'container'].forEach((name) => declared.add(name));
      test.params.forEach((param, index) => {
        const deps = param.dependsOn === undefined ? [] : Array.isArray(param.dependsOn) ? param.dependsOn : [param.dependsOn];
        for (const dep of deps) {
          if (!declared.has(dep)) problems.push(problemAt(catalog, test, ['params', index, 'dependsOn'], this.id, `dependsOn "${dep}" is not a parameter of ${test.id}`));
        }
      });
      (test.command ?? []).forEach((part, index) => {
        if (typeof part !== 'string' && !declared.has(part.when)) {
          problems.push(problemAt(catalog, test, ['command', index, 'when'], this.id, `when "${part.when}" is not a parameter of ${test.id}`));
        }
      });
    }
    return problems;
  },
};

export const nextExists: LintRule = {
  id: 'NEXT-UNKNOWN',
  description: '`next` names tests that exist',
  check(catalog) {
    const ids = new Set(catalog.tests.map((t) => t.id));
    return catalog.tests.flatMap((test) =>
      test.next.flatMap((id, index) => (ids.has(id) ? [] : [problemAt(catalog, test, ['next', index], this.id, `next test "${id}" does not exist`)])),
    );
  },
};

export const hypothesisTestsExist: LintRule = {
  id: 'HYPOTHESIS-TEST-UNKNOWN',
  description: 'hypotheses name tests that exist',
  check(catalog) {
    const ids = new Set(catalog.tests.map((t) => t.id));
    return catalog.hypotheses.flatMap((h) =>
      h.tests.flatMap((id, index) =>
        ids.has(id)
          ? []
          : [{ ...catalog.locate(h.source.file, [...h.source.path, 'tests', index]), rule: this.id, message: `hypothesis "${h.id}" names unknown test "${id}"` }],
      ),
    );
  },
};

export const componentKnown: LintRule = {
  id: 'COMPONENT-UNKNOWN',
  description: 'tests and hypotheses belong to a component declared in components.yaml',
  check(catalog) {
    if (catalog.components.length === 0) return [];
    const ids = new Set(catalog.components.map((c) => c.id));
    const unknown = (component: string, source: { file: string; path: (string | number)[] }): Problem => ({
      ...catalog.locate(source.file, [...source.path, 'component']),
      rule: this.id,
      message: `component "${component}" is not declared in components.yaml`,
    });
    return [
      ...catalog.tests.filter((t) => !ids.has(t.component)).map((t) => unknown(t.component, t.source)),
      ...catalog.hypotheses.filter((h) => h.component && !ids.has(h.component)).map((h) => unknown(h.component ?? '', h.source)),
    ];
  },
};

export const toolDeclared: LintRule = {
  id: 'TOOL-UNDECLARED',
  description: 'the program a command starts is listed in requires.tools',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      const tools = new Set(test.requires.tools);
      const first = test.command?.[0];
      const program = test.target === 'pod' ? 'kubectl' : typeof first === 'string' ? first : test.script !== undefined ? 'bash' : undefined;
      if (program && !tools.has(program)) {
        problems.push(problemAt(catalog, test, ['requires'], this.id, `"${program}" runs but is not listed in requires.tools`));
      }
    }
    return problems;
  },
};
