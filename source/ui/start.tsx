import { render } from 'ink';
import { parseCommandArgs, parseParamPairs } from '../commands/args.js';
import { requireFolders } from '../commands/catalog-context.js';
import type { CommandContext } from '../commands/registry.js';
import { selectContext } from '../core/cluster/kubeconfig-files.js';
import type { ClusterService } from '../core/cluster/cluster-service.js';
import { isProductionContext } from '../core/params/mutation-guard.js';
import type { Scenario } from '../core/practice/scenario/scenario.js';
import { killAllGroups } from '../core/runner/process-group.js';
import type { SessionRecorder } from '../core/session/store.js';
import { readSettings } from '../core/settings/read-settings.js';
import { writeAsciiOnly } from './ascii-output.js';
import { Boot } from './boot.js';
import { InputRoot } from './input-root.js';
import type { ClusterView } from './services.js';
import type { AppState } from './state/app-state.js';
import { themeFor } from './theme.js';

/** How the TUI should open: a fresh session, a resumed one, or on the practice cluster. */
export type TuiOptions = {
  /** Reopen this session where it stopped (hunch resume). */
  resumeSessionId?: string | undefined;
  /** KUBECONFIG of a practice cluster started for this run, its scenario name, and the scenario itself. */
  practice?: { kubeconfig: string; scenario: string; details?: Scenario | undefined } | undefined;
};

/**
 * Opens the TUI on this terminal and returns the exit code once the user leaves. Only Ink and the
 * boot frame are loaded before the first frame; the app, the catalogue, the session and the
 * cluster come after it (./open-app.js).
 */
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
  const restoreOutput = theme.unicode ? undefined : writeAsciiOnly(process.stdout);

  const typed: { current: string; help?: boolean } = { current: '' };
  let quitDuringBoot = false;
  const instance = render(
    <InputRoot>
      <Boot cluster={cluster} theme={theme} typed={typed} onQuit={() => (quitDuringBoot = true)} />
    </InputRoot>,
    { exitOnCtrlC: false },
  );
  let recorder: SessionRecorder | undefined;
  let clusterService: ClusterService | undefined;
  let finalState: AppState | undefined;
  // A hangup or TERM while the boot frame shows must also stop the app from opening (no session
  // started, nothing left running): the same as Ctrl-C on the boot frame.
  const stop = () => {
    quitDuringBoot = true;
    instance.unmount();
  };
  // `on`, not `once`: a hangup often brings a second SIGHUP, whose default action would kill hunch
  // before the run it is stopping has been journaled.
  process.on('SIGHUP', stop);
  process.on('SIGTERM', stop);
  try {
    const { openApp, App } = await import('./open-app.js');
    const opened = await openApp(
      {
        context,
        options,
        cluster,
        theme,
        selection,
        childEnv,
        env,
        flags: { catalog: values.catalog ?? [], readOnly: values['read-only'] ?? false, allowMutating: values['allow-mutating'] ?? false, allNamespaces: values['all-namespaces'] ?? false, presets, typed: typed.current },
      },
      () => !quitDuringBoot,
    );
    if (!opened) return 130;
    recorder = opened.recorder;
    clusterService = opened.clusterService;
    // A signal that came while the app was opening: the finally below closes what it opened.
    if (quitDuringBoot) return 130;
    // What was typed while loading carries over.
    opened.initial.initialQuery = typed.current;
    if (typed.help) opened.initial.help = true;
    // The same InputRoot stays mounted, so the terminal stays in raw mode from boot frame to app.
    instance.rerender(
      <InputRoot>
        <App services={opened.services} initial={opened.initial} onExit={(state) => (finalState = state)} />
      </InputRoot>,
    );
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
    restoreOutput?.();
  }
  if (!recorder) return 130;
  const exported = (finalState as AppState | undefined)?.exportedPath;
  context.print.err(`session ${recorder.state.id} saved (hunch resume ${recorder.state.id})${exported ? `; report: ${exported}` : '; export it with hunch export'}`);
  return 0;
}
