import { z } from 'zod';
import { OUTCOMES } from '../catalog/schema.js';

/** Names the JSON report's format; bumped only when a field changes meaning or disappears. */
export const REPORT_SCHEMA_ID = 'hunch-report/1';

const outcome = z.enum(OUTCOMES).describe('anomaly: evidence for a fault; healthy: evidence against; inconclusive: ran, cannot tell; error: could not run');
const status = z.enum(['open', 'confirmed', 'refuted', 'inconclusive']);

export const reportRunSchema = z.object({
  runId: z.string(),
  testId: z.string().describe('catalogue test id; stable, never renamed'),
  title: z.string(),
  component: z.string(),
  command: z.string().describe('the command exactly as it ran, shell-quoted for reading'),
  context: z.string().optional(),
  namespace: z.string().optional(),
  startedAt: z.string().describe('ISO 8601'),
  state: z.enum(['running', 'finished', 'interrupted']).describe('interrupted: hunch stopped (crash, kill) before the run finished'),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  outcome,
  originalOutcome: outcome.optional().describe('what the rules said, when the user overrode the outcome'),
  overrideReason: z.string().optional(),
  finding: z.string(),
  notes: z.array(z.string()),
  output: z.string().describe('the last lines of stdout and stderr, redacted and trimmed'),
  outputLines: z.number().int().describe('lines the command printed in all'),
  outputTrimmed: z.boolean(),
  fullOutput: z.string().optional().describe('local file with the whole (redacted) output'),
  repeatOf: z.string().optional().describe('runId of an earlier run of the same test with the same outcome and finding; not repeated in full'),
});

export const reportHypothesisSchema = z.object({
  id: z.string(),
  text: z.string(),
  status,
  conclusion: z.string().optional(),
  notes: z.array(z.string()),
  runs: z.array(reportRunSchema),
});

const finding = z.object({ hypothesisId: z.string(), runId: z.string(), testId: z.string(), title: z.string(), finding: z.string() });

export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    title: z.string(),
    sessionId: z.string(),
    context: z.string().optional(),
    namespaces: z.array(z.string()),
    startedAt: z.string(),
    endedAt: z.string().describe('the last piece of work in the session (run, note, verdict)'),
    hunchVersion: z.string(),
    catalogVersion: z.string(),
    practice: z.string().optional().describe('practice scenario: not a real cluster'),
    redacted: z.boolean().describe('false only for a local file written with --no-redact'),
    summary: z.object({
      problem: z.string().describe('the problem as first stated'),
      hypotheses: z.array(z.object({ id: z.string(), text: z.string(), status, conclusion: z.string().optional(), tests: z.number().int() })),
      anomalies: z.array(finding).describe('distinct anomalies found; the same finding of the same test appears once'),
      ruledOut: z.array(z.object({ hypothesisId: z.string(), text: z.string(), conclusion: z.string().optional() })).describe('refuted hypotheses'),
      healthy: z.array(finding).describe('checks that came back healthy: causes made less likely'),
      interrupted: z.number().int().describe('runs that never finished because hunch stopped'),
    }),
    hypotheses: z.array(reportHypothesisSchema),
    forSre: z
      .array(
        z.object({
          hypothesisId: z.string(),
          testId: z.string(),
          title: z.string(),
          reason: z.enum(['access', 'tool', 'read-only', 'production', 'skipped']),
          detail: z.string(),
          command: z.string().describe('exactly what hunch would have run'),
        }),
      )
      .describe('tests the user could not run (no access, a missing tool, read-only mode): for someone who can'),
    nextSteps: z.array(z.object({ testId: z.string(), title: z.string(), after: z.string(), command: z.string().optional() })).describe("the catalogue's next tests after each anomaly, minus those already run"),
    reproduce: z.array(z.object({ testId: z.string(), command: z.string() })).describe('every distinct command, in the order first run'),
  })
  .meta({ title: 'hunch triage report', description: 'hunch export --format json' });

export type Report = z.infer<typeof reportSchema>;
export type ReportRun = z.infer<typeof reportRunSchema>;
export type ReportHypothesis = z.infer<typeof reportHypothesisSchema>;
export type ReportFinding = z.infer<typeof finding>;
export type ReportForSre = Report['forSre'][number];
export type ReportNextStep = Report['nextSteps'][number];

/** The JSON Schema published as docs/report.schema.json (a test keeps the file in step). */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportSchema, { io: 'output' }) as Record<string, unknown>;
}
