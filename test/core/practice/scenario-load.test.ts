import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../source/core/catalog/problem.js';
import { listScenarios, loadScenario } from '../../../source/core/practice/scenario/load.js';
import { builtinScenariosDir } from '../../../source/core/practice/scenario/locations.js';
import { tempDir } from '../../helpers/temp.js';

const base = `name: base
title: Base cluster
report: A cluster to build incidents on.
context: {namespace: shop}
objects:
  - apiVersion: v1
    kind: Pod
    metadata: {name: api-1, namespace: shop}
    spec: {containers: [{name: api, image: api:1}]}
  - apiVersion: v1
    kind: Pod
    metadata: {name: web-1, namespace: shop}
    spec: {containers: [{name: web, image: web:1}]}
`;

describe('scenario loading', () => {
  it('every shipped scenario loads without a problem, and exactly one is the default', () => {
    const dir = builtinScenariosDir();
    const { scenarios, problems } = listScenarios(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scenarios.filter((s) => s.isDefault)).toHaveLength(1);
    for (const s of scenarios) expect(loadScenario(dir, s.name).problems.map(formatProblem), s.name).toEqual([]);
  });

  it('extends replaces objects by identity, removes by glob and keeps the rest', () => {
    const dir = tempDir({
      'base.yaml': base,
      'incident.yaml': `name: incident
title: Something broke
report: The web pod is gone and api changed.
extends: base
remove: [{kind: Pod, name: 'web-*'}]
objects:
  - apiVersion: v1
    kind: Pod
    metadata: {name: api-1, namespace: shop, labels: {version: '2'}}
    spec: {containers: [{name: api, image: api:2}]}
`,
    });
    const { scenario, problems } = loadScenario(dir, 'incident');
    expect(problems).toEqual([]);
    expect(scenario?.objects.map((o) => `${o.metadata.name}:${o.metadata.labels?.version ?? '-'}`)).toEqual(['api-1:2']);
    expect(scenario?.namespace).toBe('shop');
  });

  it('reports problems at file:line: unknown kinds, logs for pods that do not exist, bad regexes', () => {
    const dir = tempDir({
      'base.yaml': `${base}logs:
  - {pod: nope-*, current: hi}
exec:
  - {pod: api-1, command: '(unclosed'}
  - apiVersion: x
`.replace('  - apiVersion: x\n', ''),
      'gizmo.yaml': 'name: gizmo\ntitle: Gizmos\nreport: There are gizmos everywhere.\nobjects:\n  - {apiVersion: v1, kind: Gizmo, metadata: {name: g}}\n',
    });
    const problems = [...loadScenario(dir, 'base').problems, ...loadScenario(dir, 'gizmo').problems].map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/base\.yaml:15:\d+ LOGS-POD no pod matches "nope-\*" in namespace shop/),
      expect.stringMatching(/base\.yaml:17:\d+ EXEC-REGEX not a valid regex/),
      expect.stringMatching(/gizmo\.yaml:5:\d+ OBJECT-KIND Gizmo \(v1\) is neither a built-in kind/),
    ]);
  });

  it('a scenario whose file name and name differ, or that extends itself in a loop, is a problem', () => {
    const dir = tempDir({ 'a.yaml': 'name: a\ntitle: Loop A\nreport: Goes round and round.\nextends: b\n', 'b.yaml': 'name: b\ntitle: Loop B\nreport: Goes round and round.\nextends: a\n', 'c.yaml': base });
    expect(loadScenario(dir, 'a').problems.map((p) => p.rule)).toEqual(['SCENARIO-EXTENDS']);
    expect(loadScenario(dir, 'c').problems.map((p) => p.rule)).toEqual(['SCENARIO-NAME']);
  });
});
