import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeconfigFiles, selectContext } from '../../../source/core/cluster/kubeconfig-files.js';
import { loadKubeconfig } from '../../../source/core/cluster/kube-config.js';
import { tempDir } from '../../helpers/temp.js';

// kubectl's rules for several kubeconfig files, with the real @kubernetes/client-node reading them.
const config = (parts: { current?: string; clusters?: [string, string][]; contexts?: [string, string, string?][] }) =>
  [
    'apiVersion: v1',
    'kind: Config',
    parts.current ? `current-context: ${parts.current}` : '',
    'clusters:',
    ...(parts.clusters ?? []).map(([name, server]) => `- name: ${name}\n  cluster: {server: "${server}"}`),
    'users:',
    '- name: me\n  user: {token: t}',
    'contexts:',
    ...(parts.contexts ?? []).map(([name, cluster, namespace]) => `- name: ${name}\n  context: {cluster: ${cluster}, user: me${namespace ? `, namespace: ${namespace}` : ''}}`),
  ]
    .filter((l) => l !== '')
    .join('\n');

describe('kubeconfig files as kubectl reads them', () => {
  const dir = tempDir({
    'a.yaml': config({ current: 'dev', clusters: [['dev', 'https://dev.example.com'], ['shared', 'https://first.example.com']], contexts: [['dev', 'dev', 'shop']] }),
    'b.yaml': config({ current: 'prod', clusters: [['prod', 'https://prod.example.com'], ['shared', 'https://second.example.com']], contexts: [['prod', 'prod'], ['dev', 'prod', 'other'], ['both', 'shared']] }),
    'broken.yaml': 'clusters: [unclosed\n  - name',
    'empty.yaml': '\n',
  });
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');

  it('takes --kubeconfig alone, else every KUBECONFIG file, else ~/.kube/config', () => {
    expect(kubeconfigFiles({ kubeconfig: '/x', env: { KUBECONFIG: `${a}:${b}` } })).toEqual(['/x']);
    expect(kubeconfigFiles({ env: { KUBECONFIG: `${a}::${b}` } })).toEqual([a, b]);
    expect(kubeconfigFiles({ env: { HOME: '/home/u' } })).toEqual(['/home/u/.kube/config']);
  });

  it('merges several files: the first current-context and the first definition of a name win', async () => {
    const loaded = await loadKubeconfig({ files: [a, join(dir, 'missing.yaml'), b] });
    if (!loaded.ok) throw new Error(loaded.failure.message);
    expect(loaded.value.context).toBe('dev');
    expect(loaded.value.server).toBe('https://dev.example.com');
    expect(loaded.value.contextNamespace).toBe('shop');
    expect(loaded.value.contexts.sort()).toEqual(['both', 'dev', 'prod']);
    const both = await loadKubeconfig({ files: [a, b], context: 'both' });
    expect(both.ok && both.value.server).toBe('https://first.example.com');
  });

  it('agrees with the YAML-only selection used before the client loads', () => {
    const selection = selectContext({ env: { KUBECONFIG: `${a}:${b}` } });
    expect(selection.context).toBe('dev');
    expect(selection.namespace).toBe('shop');
    expect(selection.contexts).toEqual([{ name: 'dev', namespace: 'shop' }, { name: 'prod' }, { name: 'both' }]);
  });

  it('--context picks another context; an unknown one is a one-line failure listing the others', async () => {
    const prod = await loadKubeconfig({ files: [a, b], context: 'prod' });
    expect(prod.ok && prod.value.server).toBe('https://prod.example.com');
    const unknown = await loadKubeconfig({ files: [a, b], context: 'staging' });
    expect(unknown).toEqual({ ok: false, failure: { kind: 'kubeconfig', message: 'context "staging" is not in the kubeconfig (contexts: dev, prod, both)' } });
  });

  it('a file that does not parse is named, with the parser’s reason', async () => {
    const broken = join(dir, 'broken.yaml');
    const loaded = await loadKubeconfig({ files: [broken, a] });
    expect(loaded).toEqual({ ok: false, failure: { kind: 'kubeconfig', message: expect.stringMatching(new RegExp(`^${broken}:\\d+:\\d+: not a valid kubeconfig \\(.+\\)$`)) } });
  });

  it('an empty file is an empty kubeconfig; no file at all is "no kubeconfig"', async () => {
    const loaded = await loadKubeconfig({ files: [join(dir, 'empty.yaml'), b] });
    expect(loaded.ok && loaded.value.context).toBe('prod');
    expect(await loadKubeconfig({ files: [join(dir, 'nope.yaml')] })).toEqual({ ok: false, failure: { kind: 'no-kubeconfig', message: expect.stringMatching(/^no kubeconfig found/) } });
    expect(await loadKubeconfig({ files: [join(dir, 'nope.yaml')], explicit: true })).toEqual({ ok: false, failure: { kind: 'kubeconfig', message: `${join(dir, 'nope.yaml')}: no such file` } });
  });

  it('a context naming a cluster nobody defines is refused with both names', async () => {
    const file = join(dir, 'dangling.yaml');
    writeFileSync(file, config({ current: 'lost', contexts: [['lost', 'gone']] }));
    expect(await loadKubeconfig({ files: [file] })).toEqual({ ok: false, failure: { kind: 'kubeconfig', message: 'context "lost" names cluster "gone", which the kubeconfig does not define' } });
  });
});
