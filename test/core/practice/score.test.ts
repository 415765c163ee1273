import { describe, expect, it } from 'vitest';
import { scorePracticeSession } from '../../../source/core/practice/score.js';
import { emptySession, type RunState, type SessionState } from '../../../source/core/session/reducer.js';

const scenario = {
  reveal: { hypotheses: ['service-has-no-endpoints'], tests: [{ id: 'service-endpoints-ready', params: {} }, { id: 'pod-probe-failures', params: {} }] },
};

function run(testId: string, outcome: RunState['outcome'], hypothesisId = 'h1'): RunState {
  return { runId: `r-${testId}`, hypothesisId, testId, title: testId, component: 'x', effect: 'read-only', command: '', argv: [], values: {}, startedAt: '', state: 'finished', stdout: '', stderr: '', outcome, notes: [] };
}

function session(runs: RunState[], hypotheses: Partial<SessionState['hypotheses'][number]>[] = []): SessionState {
  return {
    ...emptySession,
    runs,
    hypotheses: hypotheses.map((h, i) => ({ id: `h${i + 1}`, text: 't', statedAt: '', status: 'open', notes: [], ...h })),
  };
}

describe('scorePracticeSession', () => {
  it('a revealing anomaly first, with the right catalogue hypothesis confirmed, is direct', () => {
    const score = scorePracticeSession(scenario, session([run('service-endpoints-ready', 'anomaly')], [{ status: 'confirmed', catalogHypothesis: 'service-has-no-endpoints' }]));
    expect(score).toMatchObject({ reached: true, revealedOnRun: 1, testsBeforeReveal: 0, rightHypothesisConfirmed: true, wrongHypothesesConfirmed: 0, directness: 'direct' });
    expect(score.summary).toBe('Reached the root cause with the first test and confirmed the right hypothesis.');
  });

  it('counts the other tests before the reveal and calls a long path roundabout', () => {
    const runs = [run('pod-not-running', 'healthy'), run('dns-coredns-pods-ready', 'healthy'), run('http-status', 'anomaly'), run('pod-probe-failures', 'anomaly')];
    const score = scorePracticeSession(scenario, session(runs, [{ status: 'confirmed' }]));
    expect(score).toMatchObject({ reached: true, revealedOnRun: 4, testsBeforeReveal: 3, directness: 'roundabout', rightHypothesisConfirmed: true });
    expect(score.revealingRuns).toEqual([{ testId: 'pod-probe-failures', outcome: 'anomaly' }]);
  });

  it('a revealing test that came back healthy does not count as reaching the cause', () => {
    const score = scorePracticeSession(scenario, session([run('service-endpoints-ready', 'healthy'), run('pod-not-running', 'anomaly')], [{ status: 'confirmed' }]));
    expect(score).toMatchObject({ reached: false, testsBeforeReveal: 2, directness: 'missed', rightHypothesisConfirmed: false, wrongHypothesesConfirmed: 1 });
    expect(score.summary).toMatch(/^The root cause was not reached: 2 tests run.*1 other hypothesis also marked confirmed\.$/);
  });

  it('reaching the cause without confirming the hypothesis it belongs to is said plainly', () => {
    const runs = [run('service-endpoints-ready', 'anomaly', 'h1')];
    const score = scorePracticeSession(scenario, session(runs, [{ status: 'open' }, { status: 'confirmed' }]));
    expect(score).toMatchObject({ reached: true, rightHypothesisConfirmed: false, wrongHypothesesConfirmed: 1 });
    expect(score.summary).toContain('did not confirm a hypothesis that names it');
  });

  it('runs still going or interrupted are not evidence', () => {
    const running = { ...run('service-endpoints-ready', undefined), state: 'running' as const };
    expect(scorePracticeSession(scenario, session([running])).reached).toBe(false);
  });
});
