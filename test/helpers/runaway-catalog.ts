import { tempDir } from './temp.js';

/** One YAML test entry of a test-only catalogue (local, read-only, bash script). */
export function scriptTest(id: string, script: string, options: { timeout?: string; params?: string } = {}): string {
  return `  - id: ${id}
    title: ${id}
    summary: A test-only command used by hunch's own tests.
    explain: Exists only so hunch's own tests have a command that misbehaves on purpose.
    symptoms: [${id}]
    params: ${options.params ?? '[]'}
    script: |
${script.replace(/^/gm, '      ')}
    effect: read-only
    requires: {tools: [bash]}
    timeout: ${options.timeout ?? '5m'}
    interpret:
      - when: {exitCode: 0, stdout: THE LAST LINE}
        outcome: healthy
        finding: printed to the end
      - when: {exitCode: 0}
        outcome: anomaly
        finding: stopped early
    examples:
      - {stdout: "THE LAST LINE", outcome: healthy}
      - {stdout: x, outcome: anomaly}
`;
}

/** A catalogue folder holding the given test entries. */
export function testCatalog(entries: string[]): string {
  return tempDir({ 'runaway.yaml': `component: host\ntests:\n${entries.join('')}` }, 'hunch-runaway-catalog-');
}

// 1 GiB of 1000-character lines from a fast producer, then one last line; no secrets in it, so
// redaction's fast path applies (output full of secret-looking words is slower, and its run's
// timeout bounds it).
export const GIGABYTE_SCRIPT = `line=$(printf 'runaway output %.0s' $(seq 1 66))
yes "$line" | head -c 1073741824
printf '\\nTHE LAST LINE\\n'`;
