import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type OpenCatalog } from '../../source/core/catalog/open-catalog.js';
import type { ClusterService } from '../../source/core/cluster/cluster-service.js';
import { buildReport } from '../../source/core/export/report-model.js';
import { renderReport } from '../../source/core/export/render.js';
import { testLookup } from '../../source/core/export/test-lookup.js';
import { isProductionContext } from '../../source/core/params/mutation-guard.js';
import type { Scenario } from '../../source/core/practice/scenario/scenario.js';
import { startPracticeCluster, type PracticeCluster } from '../../source/core/practice/start.js';
import { DEFAULT_PRODUCTION_PATTERN } from '../../source/core/settings/defaults.js';
import { clusterServices } from '../../source/ui/cluster-services.js';
import { clusterServiceFor } from '../core/cluster/fault-servers.js';
import { shippedScenario } from '../helpers/practice.js';
import { tempDir } from '../helpers/temp.js';
import { renderApp, type Harness } from './harness.js';

// Access marks, `:ctx`/`:ns` and the production marker through the TUI, with the real cluster
// service against a practice cluster whose user is an app developer: workloads in shop, no exec.
const developer: Scenario['access'] = {
  user: 'dev@example.com',
  groups: ['system:authenticated'],
  rules: [
    { verbs: ['get', 'list', 'watch'], apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'], resources: ['pods', 'pods/log', 'services', 'events', 'deployments', 'replicasets', 'statefulsets', 'jobs', 'cronjobs', 'ingresses', 'configmaps'], namespaces: ['shop'] },
    { verbs: ['get', 'list'], apiGroups: [''], resources: ['namespaces'], namespaces: ['*'] },
  ],
};

let catalog: OpenCatalog;
let cluster: PracticeCluster;
let kubeconfig: string;
beforeAll(async () => {
  [catalog, cluster] = await Promise.all([openCatalog({ cache: false }), startPracticeCluster({ scenario: { ...shippedScenario('api-oomkilled'), access: developer } })]);
  // The practice server under two contexts; the second is named like production.
  kubeconfig = join(tempDir(), 'kubeconfig');
  writeFileSync(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'practice', cluster: { server: cluster.url } }],
      users: [{ name: 'dev', user: { token: 'x' } }],
      contexts: [
        { name: 'hunch-practice', context: { cluster: 'practice', user: 'dev', namespace: 'shop' } },
        { name: 'prod-eu', context: { cluster: 'practice', user: 'dev', namespace: 'shop' } },
      ],
      'current-context': 'hunch-practice',
    }),
  );
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});
afterEach(() => cleanup());

/** Presses down until the highlighted line matches, one key at a time, each move seen before the next. */
async function moveTo(ui: Harness, line: RegExp): Promise<void> {
  const highlighted = () => ui.frame().split('\n').find((l) => /^> (hypothesis|test) /.test(l)) ?? '';
  for (let i = 0; i < 12 && !line.test(highlighted()); i++) {
    const before = highlighted();
    await ui.press('down');
    for (let wait = 0; wait < 1000 && highlighted() === before; wait++) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(highlighted()).toMatch(line);
}

async function open(remembered: string[] = []): Promise<{ ui: Harness; service: ClusterService }> {
  const service = clusterServiceFor(kubeconfig, {
    components: catalog.catalog.components,
    isProduction: (context) => isProductionContext(DEFAULT_PRODUCTION_PATTERN, context),
    rememberNamespace: (namespace, context) => remembered.push(`${context}/${namespace}`),
  });
  const ui = await renderApp({
    columns: 120,
    rows: 34,
    env: { LANG: 'C', NO_COLOR: '1' },
    services: { ...clusterServices(service, { components: catalog.catalog.components, base: { namespace: 'shop', production: false } }), catalog, now: () => new Date() },
  });
  for (let i = 0; i < 600 && service.state().discovery.status !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await ui.waitFor(/ctx hunch-practice {2}ns shop(?! {2}discovering)/);
  return { ui, service };
}

describe('access checks in the TUI', () => {
  it('marks a test the user may not run, explains it, and lists it for the SRE when skipped', async () => {
    const { ui, service } = await open();
    try {
      await ui.type('postgres is down', 'Postgres is down or refuses connections');
      await ui.press('down', /> hypothesis\s+Postgres is down/);
      await ui.press('enter', /tests for this hypothesis/);
      // Every test here runs psql inside a pod: kubectl exec, which this user lacks.
      await ui.waitFor(/>.*PostgreSQL accepts a connection.*no create pods\/exec/);
      await ui.press('enter', 'parameter 1 of 7');
      await ui.press('enter', 'parameter 2 of 7');
      // The pod from the suggestions; the rest keep their defaults.
      await ui.waitFor(/ api-5c8d7f9b6c-h5n9d {2}unhealthy/);
      await ui.press('down', /> api-5c8d7f9b6c-h5n9d/);
      for (let step = 3; step <= 7; step++) await ui.press('enter', `parameter ${step} of 7`);
      await ui.press('enter');
      const confirm = await ui.waitFor('NOT PERMITTED: you may not create pods/exec in shop.');
      expect(confirm).toMatch(/s skips it and lists it in the report for\s+someone who may\./);
      await ui.press('s', /skipped pg-can-connect; the report lists it for someone who may create pods\/exec in shop/);
      expect(ui.session.state.blocked).toEqual([expect.objectContaining({ testId: 'pg-can-connect', reason: 'access', detail: 'you may not create pods/exec in shop (SelfSubjectAccessReview)' })]);
      const report = renderReport(buildReport(ui.session.state, { redact: true, lookup: testLookup(catalog.testById) }), 'md');
      expect(report).toMatch(/## For the SRE to run[\s\S]*pg-can-connect[\s\S]*kubectl --context=hunch-practice exec -n shop/);
    } finally {
      ui.unmount();
      service.dispose();
    }
  }, 120_000);

  it('says "may run" for a test the rules grant', async () => {
    const { ui, service } = await open();
    try {
      await ui.type('pods OOMKilled', 'A container is being killed for using too much memory');
      await ui.press('down', /> hypothesis\s+A container is being killed/);
      await ui.press('enter', /tests for this hypothesis/);
      await ui.waitFor(/>.*Why a pod's containers last stopped.*may run/);
    } finally {
      ui.unmount();
      service.dispose();
    }
  }, 120_000);
});

describe(':ctx and :ns in the hypothesis field', () => {
  it('switches namespace and context, refuses unknown ones, and marks a production context', async () => {
    const remembered: string[] = [];
    const { ui, service } = await open(remembered);
    try {
      await ui.type(':ns data', ':ns data');
      expect(ui.frame()).toContain(':ctx NAME switches the kubeconfig context');
      await ui.press('enter', /ns data/);
      await ui.waitFor('namespace data');
      expect(remembered).toEqual(['hunch-practice/data']);

      await ui.type(':ns nope', ':ns nope');
      await ui.press('enter', 'no namespace "nope" in context hunch-practice');
      expect(service.state().namespace).toBe('data');

      await ui.type(':ctx staging', ':ctx staging');
      await ui.press('enter', 'no context "staging" in the kubeconfig (contexts: hunch-practice, prod-eu)');

      await ui.type(':ctx prod-eu', ':ctx prod-eu');
      await ui.press('enter', /ctx prod-eu {2}ns shop {2}\[PRODUCTION\]/);
      await ui.waitFor('mutating tests are refused without --allow-mutating');
      // The new context is discovered afresh; wait for it so the ranking holds still.
      await ui.waitFor(/\[PRODUCTION\](?! {2}discovering)/);
      expect(service.state().discovery.status).toBe('ready');

      // A mutating test on the production context is refused at the confirm step.
      await ui.type('rollout restart', /test\s+Restart a deployment's pods/);
      await moveTo(ui, /> test\s+Restart a deployment's pods/);
      await ui.press('enter', 'parameter 1 of 2');
      await ui.press('enter', 'parameter 2 of 2');
      await ui.waitFor(/ api {2}unhealthy: 1\/3 ready/);
      await ui.press('down', /> api/);
      await ui.press('enter');
      const refused = await ui.waitFor('refused:');
      expect(refused).toMatch(/context "prod-eu" is production/);
      expect(refused).toContain('--context=prod-eu');
    } finally {
      ui.unmount();
      service.dispose();
    }
  }, 120_000);
});
