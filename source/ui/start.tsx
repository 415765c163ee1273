import { join } from 'node:path';
import { render } from 'ink';
import { parseCommandArgs, parseParamPairs } from '../commands/args.js';
import { requireFolders } from '../commands/catalog-context.js';
import type { CommandContext } from '../commands/registry.js';
import { selectContext, type ContextSelection } from '../core/cluster/kubeconfig-files.js';
import { openCatalog, type OpenCatalog } from '../core/catalog/open-catalog.js';
import { formatProblem } from '../core/catalog/problem.js';
import { isProductionContext, mutationRefusal } from '../core/params/mutation-guard.js';
import { killAllGroups } from '../core/runner/process-group.js';
import { readSettings } from '../core/settings/read-settings.js';
import { HunchError, UsageError } from '../core/errors.js';
import { buildReport } from '../core/export/report-model.js';
import { reportPath, writeReportFile } from '../core/export/save-report.js';
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
import { clusterServices, journalAccessBlocks } from './cluster-services.js';
import { openClusterService } from './cluster-setup.js';
import { Boot } from './boot.js';
import type { ClusterView, PracticeView, TuiServices } from './services.js';
import type { AppState } from './state/app-state.js';
import { themeFor, type Theme } from './theme.js';

/** How the TUI should open: a fresh session, a resumed one, or on the practice cluster. */
export type TuiOptions = {
  /** Reopen this session where it stopped (hunch resume). */
  resumeSessionId?: string | undefined;
  /** KUBECONFIG of a practice cluster started for this run, its scenario name, and the scenario itself. */
  practice?: { kubeconfig: string; scenario: string; details?: Scenario | undefined } | undefined;
};

/** Opens the TUI on this terminal and returns the exit code once the user leaves. */
export async function startTui(context: CommandContext, options: TuiOptions = {}): Promise<number> {
  const { values } = parseCommandArgs('hunch', context.args, {
    'read-only': { type: 'boolean' },
    'allow-mutating': { type: 'boolean' },
    param: { type: 'string', multiple: true, short: 'p' },
  });
  const presets = parseParamPairs(values.param);
  requireFolders(context, values.catalog);
  const childEnv: Record<string, string> = {};
  if (options.practice) childEnv.KUBECONFIG = options.practice.kubeconfig;
  else if (values.kubeconfig) childEnv.KUBECONFIG = values.kubeconfig;
  const env = { ...context.env, ...childEnv };
  const selection = selectContext({ context: values.context, namespace: values.namespace, env });
  const cluster: ClusterView = {
    context: selection.context,
    namespace: selection.namespace,
    practice: options.practice?.scenario,
    production: !options.practice && isProductionContext(readSettings(env).settings.productionContextPattern, selection.context),
    note: selection.problem ?? (selection.hasKubeconfig ? undefined : 'no kubeconfig found: cluster tests cannot run; host and HTTP tests still work'),
    allNamespaces: values['all-namespaces'] ?? false,
  };
  const theme = themeFor(context.env, { noColor: values['no-color'] });

  // The first frame goes out before anything slow: the catalogue loads behind it.
  const typed = { current: '' };
  let quitDuringBoot = false;
  const instance = render(<Boot cluster={cluster} theme={theme} typed={typed} onQuit={() => (quitDuringBoot = true)} />, { exitOnCtrlC: false });
  let recorder: SessionRecorder | undefined;
  let clusterService: ClusterService | undefined;
  let finalState: AppState | undefined;
  const stop = () => instance.unmount();
  // `on`, not `once`: a hangup often brings a second SIGHUP, whose default action would kill hunch
  // before the run it is stopping has been journaled.
  process.on('SIGHUP', stop);
  process.on('SIGTERM', stop);
  try {
    const catalog = await openCatalog({ extraDirs: values.catalog ?? [], env: context.env, cwd: context.cwd });
    if (quitDuringBoot) return 130;
    recorder = openRecorder(context, options, catalog.catalog.version, cluster);
    // Cluster awareness: nothing is asked of the cluster until the app's first frame is out.
    clusterService = openClusterService({
      env,
      selection,
      components: catalog.catalog.components,
      allNamespaces: values['all-namespaces'] ?? false,
      explicitKubeconfig: childEnv.KUBECONFIG !== undefined,
      practice: options.practice !== undefined,
    });
    const services = buildServices({ context, catalog, recorder, cluster, theme, selection, childEnv, readOnly: values['read-only'] ?? false, allowMutating: values['allow-mutating'] ?? false, clusterService });
    if (options.practice?.details) services.practice = practiceView(options.practice.details);
    const initial: Partial<AppState> = { initialQuery: typed.current };
    const note = catalogNote(catalog) ?? cluster.note;
    if (note) initial.message = { kind: 'warn', text: note };
    if (Object.keys(presets).length > 0) initial.values = { '*': presets };
    if (recorder.state.hypotheses.length > 0) initial.screen = { name: 'tests' };
    instance.rerender(<App services={services} initial={initial} onExit={(state) => (finalState = state)} />);
    await instance.waitUntilExit();
  } catch (error) {
    instance.unmount();
    throw error;
  } finally {
    process.off('SIGHUP', stop);
    process.off('SIGTERM', stop);
    // The UI is gone but a run it stopped may still be ending: a late signal (a hangup often
    // brings two) kills what is left of it at once instead of killing hunch before it journals.
    process.on('SIGHUP', killAllGroups);
    process.on('SIGTERM', killAllGroups);
    clusterService?.dispose();
    recorder?.close();
  }
  if (!recorder) return 130;
  const exported = (finalState as AppState | undefined)?.exportedPath;
  context.print.err(`session ${recorder.state.id} saved (hunch resume ${recorder.state.id})${exported ? `; report: ${exported}` : '; export it with hunch export'}`);
  return 0;
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
    exportReport: (format) => {
      const path = reportPath({ sessionId: recorder.state.id, format, directory: readSettings(context.env).settings.export.directory, cwd: context.cwd });
      try {
        writeReportFile(path, reportText(format));
        recorder.record({ type: 'session-exported', format, path });
        return { path };
      } catch (error) {
        return { error: `could not write ${path}: ${(error as Error).message}` };
      }
    },
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
