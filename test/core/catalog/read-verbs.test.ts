import { describe, expect, it } from 'vitest';
import { findWriteVerb, findWriteVerbInScript } from '../../../source/core/catalog/lint/read-verbs.js';

describe('read-only verb allow-list', () => {
  it('given kubectl diff (a server-side dry run), finds nothing that writes', () => {
    expect(findWriteVerb(['kubectl', 'diff', '-f', '-'])).toBeUndefined();
    expect(findWriteVerbInScript('helm get manifest "$RELEASE" -n "$NAMESPACE" | kubectl diff -n "$NAMESPACE" -f -')).toBeUndefined();
  });

  it('given kubectl apply or helm upgrade next to a diff, still names the writing verb', () => {
    expect(findWriteVerb(['kubectl', 'apply', '-f', '-'])).toBe('kubectl apply');
    expect(findWriteVerbInScript('kubectl diff -f - || kubectl apply -f -')).toBe('kubectl apply');
    expect(findWriteVerbInScript('helm get manifest "$R" | kubectl diff -f -\nhelm upgrade "$R" ./chart')).toBe('helm upgrade');
  });
});
