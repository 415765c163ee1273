import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { renderCommand } from '../../../source/core/params/render.js';
import { executeTest } from '../../../source/core/session/execute-test.js';
import { readJournal } from '../../../source/core/session/journal.js';
import { startSession } from '../../../source/core/session/store.js';
import { tempDir } from '../../helpers/temp.js';

// Prints a private key in three writes a little apart, so it reaches hunch in several chunks and
// several journal batches: the key must still never be written in clear.
const CATALOG = `component: test
tests:
  - id: dribble-key
    title: Prints a key in pieces
    summary: Prints a private key in several writes for the redaction test.
    explain: Used by hunch's own tests; proves chunked output is redacted before it is stored.
    symptoms: [key]
    script: |
      printf 'config loaded\\n-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA0Z3V'
      sleep 0.4
      printf 'S5JJcds3xfn\\n-----END RSA PRI'
      sleep 0.4
      printf 'VATE KEY-----\\npassword=hunter2-in-clear\\ndone\\n'
    effect: read-only
    requires: {tools: [bash, sleep]}
    timeout: 10s
    interpret:
      - when: {exitCode: 0, stdout: done}
        outcome: anomaly
        finding: the key was printed
      - when: {exitCode: 0}
        outcome: healthy
        finding: nothing printed
    examples:
      - {stdout: done, outcome: anomaly}
      - {stdout: x, outcome: healthy}
`;

describe('executeTest with a real process', () => {
  it('journals streamed output redacted, keeps secrets off the screen and out of the spill file, and reads the raw output', async () => {
    const env = { ...process.env, HUNCH_HOME: tempDir({}, 'hunch-exec-') };
    const catalog = loadCatalog([tempDir({ 'test.yaml': CATALOG })]);
    const test = catalog.tests[0];
    if (!test) throw new Error(`catalogue did not load: ${JSON.stringify(catalog.problems)}`);
    const rendered = renderCommand(test, {});
    if (!rendered.ok) throw new Error('render failed');
    const recorder = startSession({ env, catalogVersion: catalog.version, hunchVersion: '0.1.0', redact: true });
    recorder.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'a key leaks' });

    const shown: string[] = [];
    const result = await executeTest({ recorder, hypothesisId: 'h1', test, command: rendered.command, env, onOutput: (_s, text) => shown.push(text) });
    recorder.close();

    expect(result.outcome).toBe('anomaly');
    const journalText = readFileSync(recorder.journal.path, 'utf8');
    const { events } = readJournal(recorder.journal.path);
    const outputEvents = events.filter((e) => e.type === 'output');
    expect(outputEvents.length).toBeGreaterThanOrEqual(2);
    for (const text of [journalText, shown.join(''), readFileSync(recorder.state.runs[0]?.spillFile ?? '', 'utf8')]) {
      expect(text).not.toContain('MIIEowIBAAKCAQEA0Z3V');
      expect(text).not.toContain('S5JJcds3xfn');
      expect(text).not.toContain('hunter2-in-clear');
    }
    expect(shown.join('')).toBe('config loaded\n[REDACTED:private-key]\npassword=[REDACTED:password]\ndone\n');
    expect(recorder.state.runs[0]).toMatchObject({ state: 'finished', exitCode: 0, stdout: 'config loaded\n[REDACTED:private-key]\npassword=[REDACTED:password]\ndone\n' });
  });
});
