import type { Outcome } from '../catalog/schema.js';
import { redactDeep } from '../redact/redact-deep.js';
import type { BlockedTest, HypothesisState, RunState, SessionState } from '../session/reducer.js';
import { sanitizeText } from '../text/sanitize.js';

/** What the report needs to know about catalogue tests it mentions. */
export type TestLookup = (testId: string) => { title: string; next: string[]; command?: string } | undefined;

export type ReportRun = {
  runId: string;
  testId: string;
  title: string;
  component: string;
  command: string;
  context?: string | undefined;
  namespace?: string | undefined;
  startedAt: string;
  state: RunState['state'];
  exitCode: number | null;
  durationMs: number | undefined;
  outcome: Outcome;
  originalOutcome?: Outcome | undefined;
  overrideReason?: string | undefined;
  finding: string;
  notes: string[];
  output: string;
  outputLines: number;
  outputTrimmed: boolean;
  spillFile?: string | undefined;
  /** Set when an earlier run already reported the same finding from the same test. */
  repeatOf?: string | undefined;
};

export type ReportHypothesis = {
  id: string;
  text: string;
  status: HypothesisState['status'];
  conclusion?: string | undefined;
  notes: string[];
  runs: ReportRun[];
};

export type ReportNextStep = { testId: string; title: string; after: string };

/** The report, independent of its format: Markdown, Jira and JSON are all renderings of this. */
export type Report = {
  title: string;
  sessionId: string;
  context?: string | undefined;
  namespaces: string[];
  startedAt: string;
  endedAt: string;
  hunchVersion: string;
  catalogVersion: string;
  practice?: string | undefined;
  problem: string;
  hypotheses: ReportHypothesis[];
  anomalies: { hypothesisId: string; testId: string; title: string; finding: string }[];
  ruledOut: { hypothesisId: string; text: string; conclusion?: string | undefined }[];
  blocked: BlockedTest[];
  nextSteps: ReportNextStep[];
  reproduce: string[];
  redacted: boolean;
};

export type ReportOptions = { redact: boolean; outputLines?: number; lookup?: TestLookup };

const DEFAULT_OUTPUT_LINES = 40;

export function buildReport(session: SessionState, options: ReportOptions): Report {
  const outputLines = options.outputLines ?? DEFAULT_OUTPUT_LINES;
  const seenFindings = new Map<string, string>();
  const hypotheses = session.hypotheses.map((h) => ({
    id: h.id,
    text: h.text,
    status: h.status,
    conclusion: h.conclusion,
    notes: h.notes,
    runs: session.runs.filter((run) => run.hypothesisId === h.id).map((run) => toReportRun(run, outputLines, seenFindings)),
  }));
  const allRuns = hypotheses.flatMap((h) => h.runs.map((run) => ({ h, run })));
  const anomalies = allRuns
    .filter(({ run }) => run.outcome === 'anomaly' && !run.repeatOf)
    .map(({ h, run }) => ({ hypothesisId: h.id, testId: run.testId, title: run.title, finding: run.finding }));
  const namespaces = [...new Set([session.namespace, ...session.runs.map((r) => r.namespace ?? r.values.namespace)].filter((n): n is string => !!n))];
  const report: Report = {
    title: `Triage: ${session.hypotheses[0]?.text ?? 'troubleshooting session'}`,
    sessionId: session.id,
    context: session.context,
    namespaces,
    startedAt: session.startedAt,
    endedAt: session.updatedAt,
    hunchVersion: session.hunchVersion,
    catalogVersion: session.catalogVersion,
    practice: session.practice,
    problem: session.hypotheses[0]?.text ?? '',
    hypotheses,
    anomalies,
    ruledOut: session.hypotheses.filter((h) => h.status === 'refuted').map((h) => ({ hypothesisId: h.id, text: h.text, conclusion: h.conclusion })),
    blocked: dedupeBlocked(session.blocked),
    nextSteps: nextSteps(session, options.lookup),
    reproduce: [...new Set(session.runs.map((run) => run.command))],
    redacted: options.redact,
  };
  return options.redact ? redactDeep(report) : report;
}

function toReportRun(run: RunState, outputLines: number, seen: Map<string, string>): ReportRun {
  const combined = [run.stdout, run.stderr].filter((s) => s.trim() !== '').join(run.stdout.endsWith('\n') || run.stdout === '' ? '' : '\n');
  const lines = sanitizeText(combined).replace(/\n+$/, '').split('\n');
  const kept = lines.slice(-outputLines);
  const outcome: Outcome = run.outcome ?? 'error';
  const finding = run.finding ?? (run.state === 'running' ? 'did not finish' : '');
  const key = `${run.testId}\u0000${outcome}\u0000${finding}`;
  const repeatOf = seen.get(key);
  if (!repeatOf) seen.set(key, run.runId);
  return {
    runId: run.runId,
    testId: run.testId,
    title: run.title,
    component: run.component,
    command: run.command,
    context: run.context,
    namespace: run.namespace,
    startedAt: run.startedAt,
    state: run.state,
    exitCode: run.exitCode ?? null,
    durationMs: run.durationMs,
    outcome,
    originalOutcome: run.originalOutcome,
    overrideReason: run.overrideReason,
    finding,
    notes: run.notes,
    output: combined.trim() === '' ? '' : kept.join('\n'),
    outputLines: run.totalLines ?? lines.length,
    outputTrimmed: lines.length > kept.length || run.truncated === true,
    spillFile: run.spillFile,
    repeatOf,
  };
}

function dedupeBlocked(blocked: BlockedTest[]): BlockedTest[] {
  const seen = new Set<string>();
  return blocked.filter((b) => {
    const key = `${b.testId}\u0000${b.command}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
      steps.set(testId, { testId, title: test.title, after: run.title });
    }
  }
  return [...steps.values()];
}
