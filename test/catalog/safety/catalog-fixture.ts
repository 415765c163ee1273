import { lintCatalog } from '../../../source/core/catalog/lint/lint.js';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { formatProblem } from '../../../source/core/catalog/problem.js';
import { tempDir } from '../../helpers/temp.js';

/** The body of one catalogue test (params, command or script, effect), in YAML, indented by four. */
export type TestBody = string;

/** A whole catalogue file around test bodies, with the fields every test needs. */
export function catalogFile(bodies: readonly TestBody[]): string {
  const tests = bodies.map(
    (body, i) => `  - id: safety-test-${i}
    title: Safety test ${i}
    summary: A test written to exercise one safety rule.
    explain: Exists only so the rule under test has something to judge.
    symptoms: [fixture]
${body.replace(/^/gm, '    ')}
    interpret:
      - when: {exitCode: 0, stdout: bad}
        outcome: anomaly
        finding: bad
      - when: {exitCode: 0}
        outcome: healthy
        finding: fine
    examples:
      - {stdout: bad, outcome: anomaly}
      - {stdout: good, outcome: healthy}`,
  );
  return `component: fixture\ntests:\n${tests.join('\n')}\n`;
}

/** Lints one test body (external rules included when asked) and returns its problems as `RULE message` lines. */
export async function lintBody(body: TestBody, options: { external?: boolean } = {}): Promise<string[]> {
  const dir = tempDir({ 't.yaml': catalogFile([body]) });
  const report = await lintCatalog(loadCatalog([dir], dir), { external: options.external ?? false });
  return report.problems.filter((p) => p.rule !== 'COMPONENT-UNKNOWN').map((p) => formatProblem(p).replace(/^\S+ /, ''));
}
