import { HunchError } from '../core/errors.js';
import { PRACTICE_CONTEXT } from '../core/practice/kubeconfig.js';
import { currentHypothesis } from '../core/session/reducer.js';
import { resolveSessionId, resumeSession, startSession, type SessionRecorder } from '../core/session/store.js';
import { hunchVersion } from '../core/version.js';
import type { CommandContext } from './registry.js';

export type RunSessionRequest = {
  /** Append to this session (id or unique prefix) instead of starting one. */
  sessionId?: string | undefined;
  /** The hypothesis the run tests; a new one unless it is the session's current one. */
  hypothesis?: string | undefined;
  testId: string;
  redact: boolean;
  context?: string | undefined;
  namespace?: string | undefined;
  catalogVersion: string;
};

/**
 * The session a `hunch run` journals into: a new one, or an existing one reopened (so a script can
 * run several tests into one report), with the hypothesis the run belongs to.
 */
export function openRunSession(command: CommandContext, request: RunSessionRequest): { recorder: SessionRecorder; hypothesisId: string } {
  const recorder = request.sessionId
    ? reopen(command, request.sessionId, request.redact)
    : startSession({
        env: command.env,
        context: request.context,
        namespace: request.namespace,
        practice: practiceScenario(command.env, request.context),
        catalogVersion: request.catalogVersion,
        hunchVersion: hunchVersion(),
        redact: request.redact,
      });
  const current = currentHypothesis(recorder.state);
  const text = request.hypothesis?.trim() || (current ? undefined : `hunch run ${request.testId}`);
  if (current && (text === undefined || text === current.text)) return { recorder, hypothesisId: current.id };
  const taken = new Set(recorder.state.hypotheses.map((h) => h.id));
  let n = recorder.state.hypotheses.length + 1;
  while (taken.has(`h${n}`)) n++;
  recorder.record({ type: 'hypothesis-stated', hypothesisId: `h${n}`, text: text ?? `hunch run ${request.testId}` });
  return { recorder, hypothesisId: `h${n}` };
}

/**
 * The practice scenario a run goes to, so its report says PRACTICE: named by
 * HUNCH_PRACTICE_SCENARIO, or known only by the practice kubeconfig's context.
 */
function practiceScenario(env: NodeJS.ProcessEnv, context: string | undefined): string | undefined {
  if (env.HUNCH_PRACTICE_SCENARIO) return env.HUNCH_PRACTICE_SCENARIO;
  return context === PRACTICE_CONTEXT ? 'unnamed (context hunch-practice)' : undefined;
}

function reopen(command: CommandContext, text: string, redact: boolean): SessionRecorder {
  const lookup = resolveSessionId(text, command.env);
  if (!lookup.ok) throw new HunchError(lookup.message, { hint: lookup.hint });
  const resumed = resumeSession(lookup.id, { redact, env: command.env });
  if (!resumed.ok) throw new HunchError(resumed.message, { hint: 'run the tests one after another, or into a new session' });
  if (resumed.damage) command.print.err(`hunch: ${resumed.damage.message}`);
  if (resumed.interrupted.length > 0) command.print.err(`hunch: ${resumed.interrupted.length} run(s) left going by a hunch that stopped are now marked interrupted`);
  return resumed.recorder;
}
