import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../source/core/export/report-model.js';
import { reportJsonSchema } from '../../../source/core/export/report-schema.js';
import { renderReport } from '../../../source/core/export/render.js';
import { ROOT } from '../../helpers/cli.js';
import { sampleSession } from './sample-session.js';

const SCHEMA_FILE = join(ROOT, 'docs', 'report.schema.json');

describe('docs/report.schema.json', () => {
  it('is the JSON Schema generated from the report model (regenerate: UPDATE_REPORT_SCHEMA=1 npx vitest run test/core/export/report-schema.test.ts)', () => {
    const generated = reportJsonSchema();
    if (process.env.UPDATE_REPORT_SCHEMA) writeFileSync(SCHEMA_FILE, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(generated);
  });

  it('validates a real JSON export, and rejects one with a field of the wrong type', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const exported = JSON.parse(renderReport(buildReport(sampleSession(), { redact: true }), 'json')) as Record<string, unknown>;
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(exported.schema).toBe('hunch-report/1');
    expect(validate({ ...exported, hypotheses: [{ id: 'h1' }] })).toBe(false);
    expect(validate({ ...exported, redacted: 'yes' })).toBe(false);
  });
});
