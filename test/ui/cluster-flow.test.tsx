import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type OpenCatalog } from '../../source/core/catalog/open-catalog.js';
import type { ClusterService } from '../../source/core/cluster/cluster-service.js';
import { buildReport } from '../../source/core/export/report-model.js';
import { renderReport } from '../../source/core/export/render.js';
import { testLookup } from '../../source/core/export/test-lookup.js';
import { executeTest } from '../../source/core/session/execute-test.js';
import type { SessionRecorder } from '../../source/core/session/store.js';
import { clusterServices, journalAccessBlocks } from '../../source/ui/cluster-services.js';
import type { TuiServices } from '../../source/ui/services.js';
import { clusterServiceFor } from '../core/cluster/fault-servers.js';
import { startPractice, type Practice } from '../helpers/practice.js';
import { tempDir } from '../helpers/temp.js';
import { renderApp, type Harness } from './harness.js';

// The whole loop through the TUI with the real cluster service, the real runner and the real
// kubectl against the practice scenario api-oomkilled: every parameter is picked from suggestions.

let catalog: OpenCatalog;
let practice: Practice;
beforeAll(async () => {
  [catalog, practice] = await Promise.all([openCatalog({ cache: false }), startPractice('api-oomkilled')]);
}, 120_000);
afterAll(async () => {
  await practice?.stop();
});
afterEach(() => cleanup());

/** Services as start.tsx builds them: the cluster's parts, the real runner, reports written to a folder. */
function realServices(service: ClusterService, session: () => SessionRecorder, reports: string): Partial<TuiServices> {
  const aware = clusterServices(service, { components: catalog.catalog.components, base: { namespace: 'shop', production: false, practice: 'api-oomkilled' } });
  const report = (format: 'md') => renderReport(buildReport(session().state, { redact: true, lookup: testLookup(catalog.testById) }), format);
  return {
    ...aware,
    catalog,
    now: () => new Date(),
    runTest: journalAccessBlocks(
      (request) =>
        executeTest({
          recorder: session(),
          hypothesisId: request.hypothesisId,
          test: request.test,
          command: request.command,
          context: service.state().context,
          namespace: service.state().namespace,
          signal: request.signal,
          onOutput: request.onOutput,
          childEnv: practice.env,
        }),
      { access: aware.access, recorder: session(), namespace: () => service.state().namespace },
    ),
    reportText: () => report('md'),
    exportReport: () => {
      const path = join(reports, 'report.md');
      writeFileSync(path, report('md'));
      return { path };
    },
  };
}

async function untilDiscovered(ui: Harness, service: ClusterService): Promise<void> {
  for (let i = 0; i < 600 && service.state().discovery.status !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(service.state().discovery.status).toBe('ready');
  await ui.waitFor(/ctx hunch-practice {2}ns shop {2}\[PRACTICE\](?! {2}discovering)/);
}

describe('a practice scenario from hypothesis to report, parameters from the cluster', () => {
  it('picks the namespace and the crash-looping pod from suggestions, runs kubectl, reports', async () => {
    const service = clusterServiceFor(practice.kubeconfigPath, { components: catalog.catalog.components });
    const reports = tempDir();
    let session: SessionRecorder | undefined;
    const ui = await renderApp({ columns: 110, rows: 32, env: { LANG: 'C', NO_COLOR: '1' }, services: realServices(service, () => session as SessionRecorder, reports) });
    session = ui.session;
    try {
      await ui.waitFor('What do you think is wrong?');
      await untilDiscovered(ui, service);

      await ui.type('pods OOMKilled', 'A container is being killed for using too much memory');
      await ui.press('down', /> hypothesis\s+A container is being killed/);
      await ui.press('enter', /tests for this hypothesis/);
      // The plan's first test, with its access checked against the cluster.
      await ui.waitFor(/>.*Why a pod's containers last stopped.*may run/);

      await ui.press('enter', 'parameter 1 of 2');
      // The current namespace is typed already; its suggestion says why it is first.
      await ui.waitFor(/ shop {2}current · 2 unhealthy pods/);
      expect(ui.frame()).toMatch(/from the cluster \d+s ago \(ctrl\+r refreshes\)/);
      await ui.press('down', /> shop/);
      await ui.press('enter', 'parameter 2 of 2');
      // The crash-looping pods first, each with its state.
      const pods = await ui.waitFor('api-5c8d7f9b6c-h5n9d');
      const rows = pods.split('\n').filter((l) => /^\s+(api|redis|frontend|checkout|report|nightly)-/.test(l));
      expect(rows[0]).toMatch(/api-5c8d7f9b6c-h5n9d\s+unhealthy: CrashLoopBackOff, 15 restarts/);
      expect(rows[1]).toMatch(/api-5c8d7f9b6c-q8d4x\s+unhealthy: CrashLoopBackOff, 13 restarts/);
      await ui.press('down', /> api-5c8d7f9b6c-h5n9d/);
      await ui.press('enter', 'Press enter to run exactly this command.');
      expect(ui.frame()).toContain('$ kubectl --context=hunch-practice get pod api-5c8d7f9b6c-h5n9d -n shop');
      expect(ui.frame()).toContain('access: permitted');

      await ui.press('enter');
      await ui.waitFor(/ANOMALY/, 30_000);
      expect(ui.session.state.runs[0]).toMatchObject({ testId: 'pod-last-termination', outcome: 'anomaly', exitCode: 0, values: { namespace: 'shop', pod: 'api-5c8d7f9b6c-h5n9d' } });
      expect(ui.session.state.runs[0]?.stdout).toContain('last=OOMKilled exit=137');

      await ui.press('v', 'Verdict on: A container is being killed');
      await ui.type('api OOMKilled at 768Mi during warm-up', 'warm-up');
      await ui.press('enter', 'What next?');
      await ui.press('x', 'Export the triage report');
      await ui.press('enter', /report written to/);
      const report = readFileSync(join(reports, 'report.md'), 'utf8');
      expect(report).toContain('kubectl --context=hunch-practice get pod api-5c8d7f9b6c-h5n9d -n shop');
      expect(report).toMatch(/killed for exceeding its memory limit/);
    } finally {
      ui.unmount();
      service.dispose();
    }
  }, 120_000);
});
