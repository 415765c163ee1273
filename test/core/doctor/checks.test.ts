import { describe, expect, it } from 'vitest';
import {
  checkAccess,
  checkIdentity,
  checkKubeconfig,
  checkKubectl,
  checkNode,
  checkOtherTools,
  checkReachability,
  mustFix,
  parseCanIList,
  ruleAllows,
} from '../../../source/core/doctor/checks.js';

describe('doctor checks, from facts alone', () => {
  it('node: 20.18 and newer pass; older fails with how to fix it', () => {
    expect(checkNode('v20.18.0').status).toBe('ok');
    expect(checkNode('v22.1.0').status).toBe('ok');
    expect(checkNode('v20.17.1')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/install Node\.js 20\.18/) });
  });

  it('kubectl missing fails (cluster tests need it); other tools missing only warn, most needed first', () => {
    const needed = new Map([['kubectl', 300], ['psql', 10], ['mongosh', 7], ['dig', 2]]);
    const without = (missing: string[]) => ({ needed, isInstalled: (t: string) => !missing.includes(t) });
    expect(checkKubectl(without(['kubectl']))).toMatchObject({ status: 'fail', detail: 'not on PATH; 300 tests need it' });
    expect(checkKubectl(without([]))).toMatchObject({ status: 'ok' });
    const tools = checkOtherTools(without(['dig', 'psql']));
    expect(tools).toMatchObject({ status: 'warn', detail: '2 of 3 missing: psql (10 tests), dig (2 tests)' });
    expect(checkOtherTools(without([])).status).toBe('ok');
  });

  it('kubeconfig: a parse problem or no current context fails, none at all fails with the practice hint', () => {
    const base = { files: ['/home/me/.kube/config'], hasKubeconfig: true, namespace: 'default' };
    expect(checkKubeconfig({ ...base, problem: '/home/me/.kube/config:3:11: not a valid kubeconfig (bad)' })).toMatchObject({ status: 'fail', detail: expect.stringContaining(':3:11:') });
    expect(checkKubeconfig({ ...base, context: undefined })).toMatchObject({ status: 'fail', fix: expect.stringMatching(/use-context/) });
    expect(checkKubeconfig({ ...base, hasKubeconfig: false })).toMatchObject({ status: 'fail', fix: expect.stringMatching(/hunch practice/) });
    expect(checkKubeconfig({ ...base, context: 'dev' })).toMatchObject({ status: 'ok', detail: 'context dev, namespace default (/home/me/.kube/config)' });
  });

  it('reachability: the advice follows the error', () => {
    expect(checkReachability({ serverVersion: 'v1.31.2' }, 'dev')).toMatchObject({ status: 'ok', detail: 'API server v1.31.2 (context dev)' });
    const advice = (error: string, timedOut = false) => checkReachability({ error, timedOut }, 'dev').fix;
    expect(advice('Unable to connect to the server: dial tcp 127.0.0.1:9: connect: connection refused')).toMatch(/VPN or network/);
    expect(advice('Unable to connect to the server: net/http: TLS handshake timeout')).toMatch(/does not answer in time/);
    expect(advice('no answer within 10 s', true)).toMatch(/does not answer in time/);
    expect(advice('context "prod" does not exist')).toMatch(/get-contexts/);
    expect(advice('Unable to connect to the server: x509: certificate signed by unknown authority')).toMatch(/certificate/);
    expect(advice('You must be logged in to the server (Unauthorized)')).toMatch(/log in again/);
    expect(checkReachability(undefined, undefined).status).toBe('skip');
  });

  it('identity: a user with groups; unauthorized fails; an old server that cannot say only warns', () => {
    expect(checkIdentity({ username: 'jane', groups: ['devs', 'system:authenticated'] })).toMatchObject({ status: 'ok', detail: 'jane (groups: devs)' });
    expect(checkIdentity({ error: 'You must be logged in to the server (Unauthorized)' }).status).toBe('fail');
    expect(checkIdentity({ error: "the server doesn't have a resource type \"selfsubjectreviews\"" }).status).toBe('warn');
  });

  it('access: reads can-i --list and names what the catalogue needs and may not do, most needed first', () => {
    const rules = parseCanIList(`Resources                 Non-Resource URLs   Resource Names   Verbs
pods                      []                  []               [get list watch]
pods/log                  []                  []               [get]
deployments.apps          []                  []               [get list]
selfsubjectreviews.authentication.k8s.io   []   []   [create]
                          [/healthz]          []               [get]
`);
    expect(rules).toHaveLength(4);
    expect(ruleAllows(rules[2] as never, { verb: 'get', resource: 'deployments', group: 'apps' })).toBe(true);
    expect(ruleAllows(rules[2] as never, { verb: 'get', resource: 'deployments' })).toBe(false);
    expect(ruleAllows({ resources: ['*.*'], verbs: ['*'] }, { verb: 'create', resource: 'pods', subresource: 'exec' })).toBe(true);
    const needs = new Map([
      ['a', { need: { verb: 'get', resource: 'pods' }, tests: 50 }],
      ['b', { need: { verb: 'create', resource: 'pods', subresource: 'exec' }, tests: 40 }],
      ['c', { need: { verb: 'get', resource: 'pods', subresource: 'log' }, tests: 10 }],
      ['d', { need: { verb: 'list', resource: 'events' }, tests: 12 }],
    ]);
    expect(checkAccess({ namespace: 'shop', rules, needs })).toMatchObject({ status: 'warn', detail: 'in shop you may not: create pods/exec (40 tests), list events (12 tests)' });
    expect(checkAccess({ namespace: 'shop', rules: [{ resources: ['*.*'], verbs: ['*'] }], needs }).status).toBe('ok');
    expect(checkAccess({ namespace: 'shop', error: 'forbidden', needs }).status).toBe('warn');
  });

  it('only a failure must be fixed; warnings and skips do not fail the doctor', () => {
    expect(mustFix([{ id: 'a', title: 'a', status: 'warn', detail: '' }, { id: 'b', title: 'b', status: 'skip', detail: '' }])).toBe(false);
    expect(mustFix([{ id: 'a', title: 'a', status: 'fail', detail: '' }])).toBe(true);
  });
});
