import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportPath, resolveReportDestination } from '../../../source/core/export/save-report.js';
import { tempDir } from '../../helpers/temp.js';

describe('where a report is written', () => {
  const base = { sessionId: '20261128-101500-abcd', format: 'md' as const };

  it('takes a typed file as the file, and a folder (existing, or ending in /) as the place for the default name', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'reports'));
    expect(resolveReportDestination('triage.md', { ...base, cwd })).toBe(join(cwd, 'triage.md'));
    expect(resolveReportDestination('reports', { ...base, cwd })).toBe(join(cwd, 'reports', 'hunch-report-20261128-101500-abcd.md'));
    expect(resolveReportDestination('new/', { ...base, cwd })).toBe(join(cwd, 'new', 'hunch-report-20261128-101500-abcd.md'));
    expect(resolveReportDestination('', { ...base, cwd })).toBe(join(cwd, 'hunch-report-20261128-101500-abcd.md'));
  });

  it('reads ~ as the home folder, typed or in the settings', () => {
    expect(resolveReportDestination('~/t.md', { ...base, cwd: '/x', home: '/home/sre' })).toBe('/home/sre/t.md');
    expect(reportPath({ ...base, format: 'json', directory: '~', cwd: '/x' })).toMatch(/\/hunch-report-20261128-101500-abcd\.json$/);
    expect(reportPath({ ...base, format: 'json', directory: '~', cwd: '/x' })).not.toMatch(/^\/x\//);
  });
});
