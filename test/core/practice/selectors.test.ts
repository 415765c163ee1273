import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from '../../../source/core/practice/select/field-selector.js';
import { formatSelector, matchesLabels, parseLabelSelector } from '../../../source/core/practice/select/label-selector.js';

describe('label selectors', () => {
  const labels = { app: 'api', tier: 'backend', 'app.kubernetes.io/part-of': 'shop' };
  it.each([
    ['app=api', true],
    ['app==api,tier=backend', true],
    ['app!=api', false],
    ['tier in (backend, web)', true],
    ['tier notin (backend)', false],
    ['app.kubernetes.io/part-of', true],
    ['!canary', true],
    ['!app', false],
    ['app=web', false],
  ])('%s matches: %s', (text, expected) => {
    const parsed = parseLabelSelector(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(matchesLabels(parsed.requirements, labels)).toBe(expected);
  });

  it('a malformed selector is a value with the server wording, not a throw', () => {
    expect(parseLabelSelector('app=a b')).toMatchObject({ ok: false, message: expect.stringMatching(/^unable to parse requirement/) });
  });

  it('prints object selectors the way kubectl shows them', () => {
    expect(formatSelector({ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] })).toBe('app=api,tier in (a,b)');
    expect(formatSelector({})).toBe('<none>');
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'api-0', namespace: 'shop' }, spec: { nodeName: 'node-a' }, status: { phase: 'Running' } };
  it('supports the fields a real server supports for the resource', () => {
    const parsed = parseFieldSelector('spec.nodeName=node-a,status.phase!=Failed,metadata.name=api-0', { group: '', plural: 'pods' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(matchesFields(parsed.requirements, pod, 'pods')).toBe(true);
  });

  it('refuses a field the real server does not index, as a real server would', () => {
    expect(parseFieldSelector('spec.nodeName=node-a', { group: 'apps', plural: 'deployments' })).toEqual({ ok: false, message: 'field label not supported: spec.nodeName' });
  });
});
