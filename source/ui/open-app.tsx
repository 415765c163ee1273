import { join } from 'node:path';
import type { CommandContext } from '../commands/registry.js';
import type { ContextSelection } from '../core/cluster/kubeconfig-files.js';
import { openCatalog, type OpenCatalog } from '../core/catalog/open-catalog.js';
import { formatProblem } from '../core/catalog/problem.js';
import { mutationRefusal } from '../core/params/mutation-guard.js';
import { HunchError, UsageError } from '../core/errors.js';
import { buildReport } from '../core/export/report-model.js';
import { copyToClipboard } from '../core/clipboard/copy.js';
import { renderReport, type ExportFormat } from '../core/export/render.js';
import { testLookup } from '../core/export/test-lookup.js';
import { executeTest } from '../core/session/execute-test.js';
import { loadSession, reopenSession, startSession, type SessionRecorder } from '../core/session/store.js';
import { hunchVersion } from '../core/version.js';
import { scorePracticeSession } from '../core/practice/score.js';
import type { Scenario } from '../core/practice/scenario/scenario.js';
import type { ClusterService } from '../core/cluster/cluster-service.js';
import { App } from './app.js';
import { exportServices } from './export-services.js';
import { recentHypotheses } from '../core/session/recent-hypotheses.js';
import { clusterServices, journalAccessBlocks } from './cluster-services.js';
import { openClusterService } from './cluster-setup.js';
import type { ClusterView, PracticeView, TuiServices } from './services.js';
import type { AppState } from './state/app-state.js';
import type { Theme } from './theme.js';
import type { TuiOptions } from './start.js';

export { App };

/** What the TUI needs after its first frame, loaded then so that frame waits for none of it. */
export type AppParts = {
  context: CommandContext;
  options: TuiOptions;
  cluster: ClusterView;
  theme: Theme;
  selection: ContextSelection;
  childEnv: Record<string, string>;
  env: NodeJS.ProcessEnv;
  flags: { catalog: string[]; readOnly: boolean; allowMutating: boolean; allNamespaces: boolean; presets: Record<string, string>; typed: string };
};

export type OpenedApp = { services: TuiServices; initial: Partial<AppState>; recorder: SessionRecorder; clusterService: ClusterService };

/** Opens the catalogue, the session and the cluster services, and builds what the app starts with. */
export async function openApp(parts: AppParts, stillWanted: () => boolean): Promise<OpenedApp | undefined> {
  const { context, options, cluster, theme, selection, childEnv, env, flags } = parts;
  const catalog = await openCatalog({ extraDirs: flags.catalog, env: context.env, cwd: context.cwd });
  if (!stillWanted()) return undefined;
  const recorder = openRecorder(context, options, catalog.catalog.version, cluster);
  // Cluster awareness: nothing is asked of the cluster until the app's first frame is out.
  const clusterService = openClusterService({
    env,
    selection,
    components: catalog.catalog.components,
    allNamespaces: flags.allNamespaces,
    explicitKubeconfig: childEnv.KUBECONFIG !== undefined,
    practice: options.practice !== undefined,
  });
  const services = buildServices({ context, catalog, recorder, cluster, theme, selection, childEnv, readOnly: flags.readOnly, allowMutating: flags.allowMutating, clusterService });
  if (options.practice?.details) services.practice = practiceView(options.practice.details);
  const initial: Partial<AppState> = { initialQuery: flags.typed };
  const note = catalogNote(catalog) ?? cluster.note;
  if (note) initial.message = { kind: 'warn', text: note };
  if (Object.keys(flags.presets).length > 0) initial.values = { '*': flags.presets };
  if (recorder.state.hypotheses.length > 0) initial.screen = { name: 'tests' };
  return { services, initial, recorder, clusterService };
}

type ServiceParts = {
  context: CommandContext;
  catalog: OpenCatalog;
  recorder: SessionRecorder;
  cluster: ClusterView;
  theme: Theme;
  selection: ContextSelection;
  childEnv: Record<string, string>;
  readOnly: boolean;
  allowMutating: boolean;
  clusterService: ClusterService;
};

/** The real services: runs through the runner and the journal, reports written next to the user. */
function buildServices({ context, catalog, recorder, cluster, theme, selection, childEnv, readOnly, allowMutating, clusterService }: ServiceParts): TuiServices {
  const lookup = testLookup(catalog.testById);
  const aware = clusterServices(clusterService, { components: catalog.catalog.components, base: cluster });
  // Context, namespace and the production marker follow `:ctx` and `:ns`.
  const current = () => clusterService.state();
  const policy = () => ({ readOnly, production: !cluster.practice && current().production, allowMutating, context: current().context });
  const reportText = (format: ExportFormat) => renderReport(buildReport(recorder.state, { redact: true, lookup }), format);
  return {
    catalog,
    session: recorder,
    cluster,
    settings: { context: selection.context, namespace: selection.namespace },
    theme,
    readOnly,
    allowMutating,
    now: () => new Date(),
    ...aware,
    runTest: journalAccessBlocks((request) => {
      // The confirm screen refuses first; this is the last gate before a process starts.
      const refusal = mutationRefusal(request.test, policy());
      if (refusal) return Promise.resolve({ runId: '', outcome: 'error', finding: refusal });
      return executeTest({
        recorder,
        hypothesisId: request.hypothesisId,
        test: request.test,
        command: request.command,
        context: current().context,
        namespace: current().namespace,
        signal: request.signal,
        onOutput: request.onOutput,
        env: context.env,
        childEnv,
      });
    }, { access: aware.access, recorder, namespace: () => current().namespace }),
    reportText,
    ...exportServices({ recorder, env: context.env, cwd: context.cwd, reportText }),
    recentHypotheses: () => recentHypotheses({ env: context.env, exclude: recorder.state.id }),
    copyText: async (text) => {
      const result = await copyToClipboard(text, { env: context.env, writeToTerminal: (sequence) => process.stdout.write(sequence) });
      return result.message;
    },
  };
}

function practiceView(scenario: Scenario): PracticeView {
  return {
    name: scenario.name,
    title: scenario.title,
    report: scenario.report,
    reveal: (session) => {
      if (!scenario.rootCause) return undefined;
      const score = scorePracticeSession(scenario, session);
      return { rootCause: scenario.rootCause.summary, detail: scenario.rootCause.detail, fix: scenario.rootCause.fix, summary: score.summary, directness: score.directness };
    },
  };
}

/** One line about catalogue problems; hunch catalog lint lists them all. */
function catalogNote(catalog: OpenCatalog): string | undefined {
  const problems = catalog.catalog.problems;
  const first = problems[0];
  if (!first) return undefined;
  return `catalogue problem: ${formatProblem(first)}${problems.length > 1 ? ` (and ${problems.length - 1} more: hunch catalog lint)` : ''}`;
}

function openRecorder(context: CommandContext, options: TuiOptions, catalogVersion: string, cluster: ClusterView): SessionRecorder {
  if (options.resumeSessionId) {
    const loaded = loadSession(options.resumeSessionId, context.env);
    if (!loaded) throw new UsageError(`no session "${options.resumeSessionId}"`, 'hunch sessions lists them');
    if (loaded.damage) context.print.err(`hunch: ${loaded.damage.message}`);
    return reopenSession(loaded, { redact: true });
  }
  try {
    return startSession({
      env: context.env,
      context: cluster.context,
      namespace: cluster.namespace,
      practice: cluster.practice,
      catalogVersion,
      hunchVersion: hunchVersion(),
      redact: true,
    });
  } catch (error) {
    throw new HunchError(`cannot create the session journal: ${(error as Error).message}`, { hint: `check that ${join(context.env.HOME ?? '~', '.local/share/hunch')} is writable, or set HUNCH_HOME` });
  }
}
