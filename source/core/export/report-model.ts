import type { Outcome } from '../catalog/schema.js';
import { redactDeep } from '../redact/redact-deep.js';
import type { RunState, SessionState } from '../session/reducer.js';
import { blockedByAccessOrTool } from './blocked-runs.js';
import { REPORT_SCHEMA_ID, type Report, type ReportFinding, type ReportForSre, type ReportHypothesis, type ReportNextStep, type ReportRun } from './report-schema.js';
import { DEFAULT_OUTPUT_LIMITS, trimOutput, type OutputLimits } from './trim-output.js';

export type { Report, ReportHypothesis, ReportRun, ReportNextStep } from './report-schema.js';

/** What the report needs to know about catalogue tests it mentions. */
export type TestLookup = (testId: string) => { title: string; next: string[]; command?: string } | undefined;

export type ReportOptions = { redact: boolean; outputLines?: number; outputLimits?: Partial<OutputLimits>; lookup?: TestLookup };

/**
 * The report, independent of its format: Markdown, Jira and JSON are renderings of this. Built
 * from the session state alone (plus the catalogue for next steps), redacted unless asked not to.
 */
export function buildReport(session: SessionState, options: ReportOptions): Report {
  const limits: OutputLimits = { ...DEFAULT_OUTPUT_LIMITS, ...(options.outputLines !== undefined ? { lines: options.outputLines } : {}), ...options.outputLimits };
  const seen = new Map<string, string>();
  const hypotheses: ReportHypothesis[] = session.hypotheses.map((h) => ({
    id: h.id,
    text: h.text,
    status: h.status,
    ...(h.conclusion ? { conclusion: h.conclusion } : {}),
    notes: h.notes,
    runs: session.runs.filter((run) => run.hypothesisId === h.id).map((run) => toReportRun(run, limits, seen)),
  }));
  const runs = hypotheses.flatMap((h) => h.runs.map((run) => ({ h, run })));
  // The summary names each finding once, even when several runs (other pods, say) reported it.
  const findings = (outcome: Outcome): ReportFinding[] =>
    firstOfEach(
      runs.filter(({ run }) => run.outcome === outcome && run.state === 'finished'),
      ({ run }) => `${run.testId}\u0000${findingKey(run.finding)}`,
    ).map(({ h, run }) => ({ hypothesisId: h.id, runId: run.runId, testId: run.testId, title: run.title, finding: run.finding }));
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    title: `Triage: ${session.hypotheses[0]?.text ?? 'troubleshooting session'}`,
    sessionId: session.id,
    ...(session.context ? { context: session.context } : {}),
    namespaces: namespacesOf(session),
    startedAt: session.startedAt,
    endedAt: session.lastActivityAt || session.updatedAt,
    hunchVersion: session.hunchVersion,
    catalogVersion: session.catalogVersion,
    ...(session.practice ? { practice: session.practice } : {}),
    redacted: options.redact,
    summary: {
      problem: session.hypotheses[0]?.text ?? '',
      hypotheses: hypotheses.map((h) => ({ id: h.id, text: h.text, status: h.status, ...(h.conclusion ? { conclusion: h.conclusion } : {}), tests: h.runs.length })),
      anomalies: findings('anomaly'),
      ruledOut: session.hypotheses.filter((h) => h.status === 'refuted').map((h) => ({ hypothesisId: h.id, text: h.text, ...(h.conclusion ? { conclusion: h.conclusion } : {}) })),
      healthy: findings('healthy'),
      interrupted: session.runs.filter((run) => run.state === 'interrupted').length,
    },
    hypotheses,
    forSre: forSre(session),
    nextSteps: nextSteps(session, options.lookup),
    reproduce: reproduce(session.runs),
  };
  return options.redact ? redactDeep(report) : report;
}

function toReportRun(run: RunState, limits: OutputLimits, seen: Map<string, string>): ReportRun {
  const outcome: Outcome = run.outcome ?? 'error';
  const finding = run.finding ?? (run.state === 'running' ? 'still running when the report was made' : '');
  // A repeat is the same command giving the same reading: nothing new for the reader.
  const key = `${run.testId}\u0000${run.command}\u0000${outcome}\u0000${findingKey(finding)}`;
  const repeatOf = seen.get(key);
  if (!repeatOf) seen.set(key, run.runId);
  const output = trimOutput(run.stdout, run.stderr, limits);
  return {
    runId: run.runId,
    testId: run.testId,
    title: run.title,
    component: run.component,
    command: run.command,
    ...(run.context ? { context: run.context } : {}),
    ...(run.namespace ? { namespace: run.namespace } : {}),
    startedAt: run.startedAt,
    state: run.state,
    exitCode: run.exitCode ?? null,
    durationMs: run.durationMs ?? null,
    outcome,
    ...(run.originalOutcome ? { originalOutcome: run.originalOutcome } : {}),
    ...(run.overrideReason ? { overrideReason: run.overrideReason } : {}),
    finding,
    notes: run.notes,
    output: output.text,
    outputLines: run.totalLines ?? output.lines,
    outputTrimmed: output.trimmed || run.truncated === true,
    ...(run.spillFile ? { fullOutput: run.spillFile } : {}),
    ...(repeatOf ? { repeatOf } : {}),
  };
}

function namespacesOf(session: SessionState): string[] {
  const all = [session.namespace, ...session.runs.map((r) => r.namespace ?? r.values.namespace)];
  return [...new Set(all.filter((n): n is string => !!n))];
}

/** Tests blocked before they ran, and runs that failed for lack of access or a tool: once each. */
function forSre(session: SessionState): ReportForSre[] {
  const items: ReportForSre[] = [
    ...session.blocked.map((b) => ({ hypothesisId: b.hypothesisId, testId: b.testId, title: b.title, reason: b.reason, detail: b.detail, command: b.command })),
    ...session.runs.flatMap((run) => {
      const blocked = blockedByAccessOrTool(run);
      return blocked ? [{ hypothesisId: run.hypothesisId, testId: run.testId, title: run.title, reason: blocked.reason, detail: blocked.detail, command: run.command }] : [];
    }),
  ];
  return firstOfEach(items, (item) => `${item.testId}\u0000${item.command}`);
}

/** The catalogue's `next` tests of every anomaly, minus what was already run. */
function nextSteps(session: SessionState, lookup: TestLookup | undefined): ReportNextStep[] {
  if (!lookup) return [];
  const ran = new Set(session.runs.map((run) => run.testId));
  const steps = new Map<string, ReportNextStep>();
  for (const run of session.runs.filter((r) => r.outcome === 'anomaly')) {
    for (const testId of lookup(run.testId)?.next ?? []) {
      const test = lookup(testId);
      if (!test || ran.has(testId) || steps.has(testId)) continue;
      // A one-line command reads well in a list; a script is better read with `hunch show`.
      const short = test.command && !test.command.includes('\n') && test.command.length <= 240 ? test.command : undefined;
      steps.set(testId, { testId, title: test.title, after: run.title, ...(short ? { command: short } : {}) });
    }
  }
  return [...steps.values()];
}

function reproduce(runs: readonly RunState[]): Report['reproduce'] {
  return firstOfEach(runs, (run) => run.command).map((run) => ({ testId: run.testId, command: run.command }));
}

/**
 * A finding as compared for repeats: timestamps do not make a finding new (log lines quoted in a
 * finding carry the time they were read), counts and names do.
 */
export function findingKey(finding: string): string {
  return finding.replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<time>');
}

/** The first item of each key, in order. */
function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

