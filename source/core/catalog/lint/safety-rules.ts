import { renderCommand } from '../../params/render.js';
import type { Problem } from '../problem.js';
import { findWriteVerb, findWriteVerbInScript } from './read-verbs.js';
import { problemAt, type LintRule } from './rule.js';
import { sampleValues } from './sample-values.js';

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

export const scriptSafety: LintRule = {
  id: 'SCRIPT-INJECTION',
  description: 'scripts read parameters only from the environment: no {{placeholder}}, no eval',
  check(catalog) {
    const problems: Problem[] = [];
    for (const test of catalog.tests) {
      if (test.script === undefined) continue;
      if (/\{\{/.test(test.script)) {
        problems.push(problemAt(catalog, test, ['script'], this.id, 'script contains {{…}}: scripts read parameters from environment variables ($NAMESPACE), never from text pasted into them'));
      }
      if (/(^|[\s;|&(`])eval(\s|$)/m.test(test.script)) {
        problems.push(problemAt(catalog, test, ['script'], this.id, 'script uses eval, which would run parameter values as code'));
      }
    }
    return problems;
  },
};
