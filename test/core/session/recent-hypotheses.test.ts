import { describe, expect, it } from 'vitest';
import { recentHypotheses } from '../../../source/core/session/recent-hypotheses.js';
import { startSession } from '../../../source/core/session/store.js';
import { tempDir } from '../../helpers/temp.js';

function sessionWith(env: NodeJS.ProcessEnv, hypotheses: string[]): string {
  const recorder = startSession({ env, catalogVersion: 'c', hunchVersion: 'v', redact: true, namespace: 'shop' });
  hypotheses.forEach((text, i) => recorder.record({ type: 'hypothesis-stated', hypothesisId: `h${i + 1}`, text }));
  const id = recorder.state.id;
  recorder.close();
  return id;
}

describe('hypotheses of earlier sessions', () => {
  it('lists them newest first, one per wording, without the session asking', () => {
    const env = { HUNCH_HOME: tempDir() };
    sessionWith(env, ['DNS is broken', 'Postgres is down']);
    const current = sessionWith(env, ['the disk is full']);
    const recent = recentHypotheses({ env, exclude: current });
    expect(recent.map((h) => h.text)).toEqual(['Postgres is down', 'DNS is broken']);
    expect(recent[0]).toMatchObject({ status: 'open' });
    expect(recentHypotheses({ env }).map((h) => h.text)).toContain('the disk is full');
  });

  it('is empty when there is no earlier session', () => {
    expect(recentHypotheses({ env: { HUNCH_HOME: tempDir() } })).toEqual([]);
  });
});
