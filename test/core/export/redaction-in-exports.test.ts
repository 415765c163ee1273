import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { buildReport } from '../../../source/core/export/report-model.js';
import { EXPORT_FORMATS, renderReport } from '../../../source/core/export/render.js';
import { renderCommand } from '../../../source/core/params/render.js';
import { outputsDir } from '../../../source/core/paths.js';
import { executeTest } from '../../../source/core/session/execute-test.js';
import { loadSession, startSession } from '../../../source/core/session/store.js';
import { tempDir } from '../../helpers/temp.js';
import { ORDINARY_CASES } from '../redact/corpus/ordinary-outputs.js';
import { SECRET_CASES } from '../redact/corpus/secret-outputs.js';

const CATALOG = `component: test
tests:
  - id: print-file
    title: Print a captured output
    summary: Prints a file so a real process produces the corpus output.
    explain: Used by hunch's own tests to push realistic output through the whole pipeline.
    symptoms: [print]
    params:
      - {name: file, type: string}
    command: [cat, "{{file}}"]
    effect: read-only
    requires: {tools: [cat]}
    interpret:
      - when: {exitCode: 0}
        outcome: anomaly
        finding: printed
      - when: {exitCode: {not: 0}}
        outcome: error
        finding: could not print
    examples:
      - {stdout: x, outcome: anomaly}
      - {exitCode: 1, outcome: error}
`;

/** Runs every case's output through a real `cat` into one journaled session; returns everything written. */
async function sessionOf(cases: { id: string; output: string }[], extra: (recorder: ReturnType<typeof startSession>) => void = () => {}) {
  const env = { ...process.env, HUNCH_HOME: tempDir({}, 'hunch-redact-export-') };
  const files = tempDir(Object.fromEntries(cases.map((c) => [`${c.id}.txt`, c.output])));
  const test = loadCatalog([tempDir({ 'test.yaml': CATALOG })]).tests[0];
  if (!test) throw new Error('test catalogue did not load');
  const recorder = startSession({ env, catalogVersion: 'corpus', hunchVersion: '0.1.0', redact: true });
  recorder.record({ type: 'hypothesis-stated', hypothesisId: 'h1', text: 'secrets leak into reports' });
  extra(recorder);
  for (const c of cases) {
    const rendered = renderCommand(test, { file: join(files, `${c.id}.txt`) });
    if (!rendered.ok) throw new Error('render failed');
    await executeTest({ recorder, hypothesisId: 'h1', test, command: rendered.command, env });
  }
  recorder.close();
  const loaded = loadSession(recorder.state.id, env);
  if (!loaded) throw new Error('session did not load');
  const report = buildReport(loaded.state, { redact: true, outputLimits: { lines: 500, lineChars: 100_000, totalChars: 1_000_000 } });
  const spills = readdirSync(outputsDir(recorder.state.id, env)).map((name) => readFileSync(join(outputsDir(recorder.state.id, env), name), 'utf8'));
  return {
    journal: readFileSync(loaded.path, 'utf8'),
    spills: spills.join('\n'),
    exports: Object.fromEntries(EXPORT_FORMATS.map((format) => [format, renderReport(report, format)])),
  };
}

describe('redaction through the whole pipeline: real process → journal → every export', () => {
  it('no secret of the corpus survives in the journal, the output files, or the md, jira and json exports', async () => {
    const written = await sessionOf(SECRET_CASES, (recorder) => {
      recorder.record({ type: 'note-added', hypothesisId: 'h1', text: 'tried PGPASSWORD=note-pw-123 by hand, and ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d' });
    });
    const places = { journal: written.journal, spills: written.spills, ...written.exports };
    for (const [place, text] of Object.entries(places)) {
      for (const testCase of SECRET_CASES) {
        for (const secret of testCase.secrets) expect(text.includes(secret), `${testCase.id} secret in ${place}: ${secret.slice(0, 24)}…`).toBe(false);
      }
      expect(text, place).not.toContain('note-pw-123');
    }
    // The evidence is still there around the markers.
    expect(written.exports.md).toContain('[REDACTED:secret-data]');
    expect(written.exports.md).toContain('aws_access_key_id = [REDACTED:aws-access-key-id]');
  }, 60_000);

  it('ordinary output goes through untouched: no marker anywhere in the exports', async () => {
    const written = await sessionOf(ORDINARY_CASES);
    for (const [format, text] of Object.entries(written.exports)) expect(text, format).not.toContain('[REDACTED');
    expect(written.exports.md).toContain('connected_clients:9981');
    expect(written.exports.md).toContain('DB_PASSWORD:   <set to the key');
  }, 60_000);
});
