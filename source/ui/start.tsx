import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { render } from 'ink';
import { parseCommandArgs, parseParamPairs } from '../commands/args.js';
import { catalogFor } from '../commands/catalog-context.js';
import type { CommandContext } from '../commands/registry.js';
import { selectContext } from '../core/cluster/kubeconfig-files.js';
import { HunchError, UsageError } from '../core/errors.js';
import { buildReport } from '../core/export/report-model.js';
import { extensionFor, renderReport, type ExportFormat } from '../core/export/render.js';
import { testLookup } from '../core/export/test-lookup.js';
import { executeTest } from '../core/session/execute-test.js';
import { loadSession, reopenSession, startSession, type SessionRecorder } from '../core/session/store.js';
import { hunchVersion } from '../core/version.js';
import { App } from './app.js';
import type { ClusterView, TuiServices } from './services.js';
import type { AppState } from './state/app-state.js';
import { themeFor } from './theme.js';

/** How the TUI should open: a fresh session, a resumed one, or on the practice cluster. */
export type TuiOptions = {
  /** Reopen this session where it stopped (hunch resume). */
  resumeSessionId?: string | undefined;
  /** KUBECONFIG of a practice cluster started for this run, and its scenario name. */
  practice?: { kubeconfig: string; scenario: string } | undefined;
};

/** Opens the TUI on this terminal and returns the exit code once the user leaves. */
export async function startTui(context: CommandContext, options: TuiOptions = {}): Promise<number> {
  const { values } = parseCommandArgs('hunch', context.args, {
    'read-only': { type: 'boolean' },
    param: { type: 'string', multiple: true, short: 'p' },
  });
  const presets = parseParamPairs(values.param);
  const catalog = await catalogFor(context, values.catalog);
  const childEnv: Record<string, string> = {};
  if (options.practice) childEnv.KUBECONFIG = options.practice.kubeconfig;
  else if (values.kubeconfig) childEnv.KUBECONFIG = values.kubeconfig;
  const env = { ...context.env, ...childEnv };
  const selection = selectContext({ context: values.context, namespace: values.namespace, env });
  const cluster: ClusterView = {
    context: selection.context,
    namespace: selection.namespace,
    practice: options.practice?.scenario,
    production: false,
    note: selection.problem ?? (selection.hasKubeconfig ? undefined : 'no kubeconfig found: cluster tests cannot run; host and HTTP tests still work'),
  };

  const recorder = openRecorder(context, options, catalog.catalog.version, cluster);
  const theme = themeFor(context.env, { noColor: values['no-color'] });
  const lookup = testLookup(catalog.testById);
  const reportText = (format: ExportFormat) => renderReport(buildReport(recorder.state, { redact: true, lookup }), format);
  const services: TuiServices = {
    catalog,
    session: recorder,
    cluster,
    settings: { context: selection.context, namespace: selection.namespace },
    theme,
    readOnly: values['read-only'] ?? false,
    now: () => new Date(),
    runTest: (request) =>
      executeTest({
        recorder,
        hypothesisId: request.hypothesisId,
        test: request.test,
        command: request.command,
        context: selection.context,
        namespace: selection.namespace,
        signal: request.signal,
        onOutput: request.onOutput,
        env: context.env,
        childEnv,
      }),
    reportText,
    exportReport: (format) => {
      const path = resolve(context.cwd, `hunch-report-${recorder.state.id}.${extensionFor(format)}`);
      try {
        writeFileSync(path, reportText(format), { mode: 0o600 });
        recorder.record({ type: 'session-exported', format, path });
        return { path };
      } catch (error) {
        return { error: `could not write ${path}: ${(error as Error).message}` };
      }
    },
    copyText: (text) => {
      // OSC 52 asks the terminal itself to set the clipboard, which also works over SSH.
      process.stdout.write(`\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`);
      return 'copied to the clipboard (OSC 52; your terminal must allow it)';
    },
  };

  const initial: Partial<AppState> = {};
  if (cluster.note) initial.message = { kind: 'warn', text: cluster.note };
  if (Object.keys(presets).length > 0) initial.values = { '*': presets };
  if (recorder.state.hypotheses.length > 0) initial.screen = { name: 'tests' };
  let finalState: AppState | undefined;
  const instance = render(<App services={services} initial={initial} onExit={(state) => (finalState = state)} />, { exitOnCtrlC: false });
  const stop = () => instance.unmount();
  process.once('SIGHUP', stop);
  process.once('SIGTERM', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGHUP', stop);
    process.off('SIGTERM', stop);
    recorder.close();
  }
  const exported = (finalState as AppState | undefined)?.exportedPath;
  context.print.err(`session ${recorder.state.id} saved (hunch resume ${recorder.state.id})${exported ? `; report: ${exported}` : '; export it with hunch export'}`);
  return 0;
}

function openRecorder(context: CommandContext, options: TuiOptions, catalogVersion: string, cluster: ClusterView): SessionRecorder {
  if (options.resumeSessionId) {
    const loaded = loadSession(options.resumeSessionId, context.env);
    if (!loaded) throw new UsageError(`no session "${options.resumeSessionId}"`, 'hunch sessions lists them');
    if (loaded.damage) context.print.err(`hunch: ${loaded.path}: ${loaded.damage.message}`);
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
