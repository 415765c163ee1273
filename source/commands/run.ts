import { selectContext } from '../core/cluster/kubeconfig-files.js';
import { CancelledError, HunchError, UsageError } from '../core/errors.js';
import { isProductionContext, mutationRefusal } from '../core/params/mutation-guard.js';
import { renderCommand, type Target } from '../core/params/render.js';
import { readSettings } from '../core/settings/read-settings.js';
import { executeTest } from '../core/session/execute-test.js';
import { sanitizeText } from '../core/text/sanitize.js';
import { outcomeSymbol, formatDuration } from '../core/export/labels.js';
import { parseCommandArgs, parseParamPairs } from './args.js';
import { catalogFor } from './catalog-context.js';
import { openRunSession } from './run-session.js';
import { suggestIds } from './suggest-ids.js';
import type { CommandContext } from './registry.js';

/**
 * Runs one test non-interactively. Read-only tests run at once (the command line is the
 * confirmation); mutating tests need --yes and are refused under --read-only, and on a production
 * context unless --allow-mutating is given. The run is journaled as a session of its own, so
 * `hunch export` can report it.
 */
export async function run(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', context.args, {
    param: { type: 'string', multiple: true, short: 'p' },
    target: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    'read-only': { type: 'boolean' },
    'allow-mutating': { type: 'boolean' },
    'no-redact': { type: 'boolean' },
    json: { type: 'boolean' },
    session: { type: 'string' },
    hypothesis: { type: 'string' },
  });
  const id = positionals[0];
  if (!id) throw new UsageError('run needs a test id, e.g. hunch run host-disk-usage');
  if (positionals.length > 1) throw new UsageError(`run takes one test id; got ${positionals.join(' ')}`, 'pass values with --param name=value');
  const target = parseTarget(values.target);
  const { catalog, testById } = await catalogFor(context, values.catalog);
  const test = testById.get(id);
  if (!test) throw new UsageError(`no test with id "${id}"`, suggestIds(id, [...testById.keys()]));

  const selection = selectContext({ kubeconfig: values.kubeconfig, context: values.context, namespace: values.namespace, env: context.env });
  if (selection.problem) context.print.err(`hunch: ${selection.problem}`);
  const given = parseParamPairs(values.param);
  const rendered = renderCommand(test, given, { context: selection.context, namespace: values.namespace ?? selection.namespace, target });
  if (!rendered.ok) {
    throw new UsageError(rendered.errors.map((e) => `parameter ${e.param} ${e.message}`).join('; '), `hunch show ${test.id} lists its parameters`);
  }
  if (test.effect === 'mutating') {
    const production = isProductionContext(readSettings(context.env).settings.productionContextPattern, selection.context);
    const refusal = mutationRefusal(test, { readOnly: values['read-only'] ?? false, production, allowMutating: values['allow-mutating'] ?? false, context: selection.context });
    if (refusal) throw new HunchError(refusal);
    if (!values.yes) throw new UsageError(`${test.id} changes the cluster; add --yes to run it`, `the command would be: ${rendered.command.display}`);
  }

  const redact = !values['no-redact'];
  const { recorder, hypothesisId } = openRunSession(context, {
    sessionId: values.session,
    hypothesis: values.hypothesis,
    testId: test.id,
    redact,
    context: selection.context,
    namespace: rendered.command.values.namespace ?? selection.namespace,
    catalogVersion: catalog.version,
  });
  if (!values.json) context.print.err(`$ ${rendered.command.display}`);

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // A closed terminal (SIGHUP) stops the run like Ctrl-C, so the journal records how it ended.
  // `on`, not `once`: a second signal while the run stops must not kill hunch before it journals.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const kubeconfigEnv = values.kubeconfig ? { KUBECONFIG: values.kubeconfig } : undefined;
  try {
    const outcome = await executeTest({
      recorder,
      hypothesisId,
      test,
      command: rendered.command,
      context: selection.context,
      namespace: selection.namespace,
      signal: abort.signal,
      env: context.env,
      ...(kubeconfigEnv ? { childEnv: kubeconfigEnv } : {}),
      // Output arrives redacted already (unless --no-redact): only control sequences are left to strip.
      ...(values.json ? {} : { onOutput: (_stream, text) => process.stdout.write(sanitizeText(text)) }),
    });
    const state = recorder.state;
    const runState = state.runs.find((r) => r.runId === outcome.runId);
    if (values.json) {
      context.print.json({
        sessionId: state.id,
        test: test.id,
        command: rendered.command.display,
        argv: rendered.command.argv,
        status: runState?.status ?? 'blocked',
        exitCode: runState?.exitCode ?? null,
        durationMs: runState?.durationMs ?? 0,
        outcome: outcome.outcome,
        finding: outcome.finding,
        stdout: runState?.stdout ?? '',
        stderr: runState?.stderr ?? '',
      });
    } else {
      context.print.err(`${outcomeSymbol(outcome.outcome)} ${outcome.outcome}: ${outcome.finding} (${formatDuration(runState?.durationMs)}, session ${state.id})`);
    }
    if (abort.signal.aborted) throw new CancelledError('stopped; the run was journaled as stopped');
    return outcome.outcome === 'error' ? 1 : 0;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    recorder.close();
  }
}

function parseTarget(text: string | undefined): Target | undefined {
  if (text === undefined) return undefined;
  if (text === 'local' || text === 'pod') return text;
  throw new UsageError(`--target must be local or pod, got "${text}"`);
}
