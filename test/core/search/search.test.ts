import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../source/core/catalog/open-catalog.js';
import { stem, terms } from '../../../source/core/search/tokenize.js';

const { searcher } = await openCatalog({ cache: false });
const top = (query: string, n = 5) => searcher.search(query, { limit: n }).tests.map((hit) => hit.id);

describe('search', () => {
  it('stems the forms of a word to one term and splits CamelCase reasons', () => {
    expect(new Set(['restarts', 'restarted', 'restarting'].map(stem)).size).toBe(1);
    expect(terms('CrashLoopBackOff')).toEqual(expect.arrayContaining(['crashloopbackoff', 'crash', 'loop']));
  });

  it('puts the disk usage test first or second for "disk full"', () => {
    expect(top('disk full', 2)).toContain('host-disk-usage');
  });

  it('tolerates typos in words it knows', () => {
    expect(top('crashloopbakoff')).toContain('pod-not-running');
  });

  it('matches pasted error strings to the tests whose symptoms quote them', () => {
    expect(top('x509: certificate has expired or is not yet valid', 3)).toContain('tls-certificate-expiry');
  });

  it('maps everyday words to what tests are about', () => {
    expect(top('site is super slow', 5)).toContain('http-latency');
  });

  it('ranks components detected in the cluster higher', () => {
    const plain = searcher.search('not ready', { limit: 50 }).tests.map((h) => h.id);
    const boosted = searcher.search('not ready', { limit: 50, detectedComponents: new Set(['dns']) }).tests.map((h) => h.id);
    expect(boosted.indexOf('dns-coredns-pods-ready')).toBeLessThan(plain.indexOf('dns-coredns-pods-ready'));
  });
});
