import { describe, expect, it } from 'vitest';
import { findWriteVerb, findWriteVerbInScript } from '../../../source/core/catalog/lint/read-verbs.js';
import { lintBody } from './catalog-fixture.js';

// Commands a test marked `effect: read-only` must never run: one or more per tool hunch knows.
const WRITES: string[][] = [
  ['kubectl', 'delete', 'pod', 'x'],
  ['kubectl', '--context=prod', 'apply', '-f', 'x.yaml'],
  ['kubectl', 'patch', 'deploy', 'x', '-p', '{}'],
  ['kubectl', 'scale', 'deploy/x', '--replicas=0'],
  ['kubectl', 'rollout', 'restart', 'deploy/x'],
  ['kubectl', 'set', 'image', 'deploy/x', 'a=b'],
  ['kubectl', 'label', 'pod', 'x', 'a=b'],
  ['kubectl', 'annotate', 'pod', 'x', 'a=b'],
  ['kubectl', 'cordon', 'node-1'],
  ['kubectl', 'drain', 'node-1'],
  ['kubectl', 'debug', 'pod/x', '-it', '--image=busybox'],
  ['kubectl', 'cp', 'x:/etc/passwd', '.'],
  ['kubectl', 'create', 'job', 'x', '--image=y'],
  ['kubectl', 'certificate', 'approve', 'csr-1'],
  ['kubectl', 'exec', '-n', 'shop', 'db-0', '--', 'rm', '-rf', '/data'],
  ['kubectl', 'exec', 'db-0', '--', 'psql', '-c', 'drop table orders'],
  ['kubectl', 'exec', 'db-0', '--', 'psql', '-c', '\\! rm -rf /'],
  ['helm', 'upgrade', 'shop', 'chart'],
  ['helm', 'uninstall', 'shop'],
  ['helm', 'rollback', 'shop', '1'],
  ['istioctl', 'install', '-y'],
  ['istioctl', 'x', 'revision', 'tag', 'set', 'prod'],
  ['argocd', 'app', 'sync', 'shop'],
  ['argocd', 'app', 'delete', 'shop'],
  ['flux', 'reconcile', 'kustomization', 'apps'],
  ['flux', 'suspend', 'hr', 'shop'],
  ['linkerd', 'viz', 'install'],
  ['linkerd', 'upgrade'],
  ['cmctl', 'renew', 'cert'],
  ['vault', 'write', 'secret/x', 'a=b'],
  ['vault', 'secrets', 'enable', 'kv'],
  ['redis-cli', 'flushall'],
  ['redis-cli', '-h', 'r', 'config', 'set', 'maxmemory', '1'],
  ['redis-cli', 'client', 'kill', 'id', '1'],
  ['redis-cli', '--eval', 'script.lua'],
  ['redis-cli', '--pipe'],
  ['redis-cli', 'sentinel', 'remove', 'mymaster'],
  ['psql', '-c', 'delete from orders'],
  ['psql', '-c', "select nextval('orders_id_seq')"],
  ['psql', '-c', "copy t to program 'sh'"],
  ['psql', '-f', 'fix.sql'],
  ['mysql', '-e', 'update users set admin = 1'],
  ['mongosh', '--eval', 'db.orders.drop()'],
  ['mongosh', '--eval', 'db.adminCommand({ shutdown: 1 })'],
  ['curl', '-X', 'DELETE', 'http://es:9200/logs'],
  ['curl', '-XPOST', 'http://es:9200/_flush'],
  ['curl', '-d', '{}', 'http://api/reset'],
  ['rabbitmqctl', 'purge_queue', 'orders'],
  ['kafka-topics.sh', '--bootstrap-server', 'k:9092', '--delete', '--topic', 'orders'],
  ['kafka-consumer-groups.sh', '--bootstrap-server', 'k:9092', '--group', 'g', '--reset-offsets', '--execute'],
  ['systemctl', 'restart', 'kubelet'],
  ['rm', '-rf', '/var/lib/etcd'],
];

const READS: string[][] = [
  ['kubectl', 'get', 'pods', '-n', 'shop', '-o', 'wide'],
  ['kubectl', 'describe', 'pod', 'x'],
  ['kubectl', 'logs', 'x', '--tail=100'],
  ['kubectl', 'auth', 'can-i', '--list'],
  ['kubectl', 'rollout', 'status', 'deploy/x'],
  ['kubectl', 'exec', 'x', '--', 'cat', '/etc/resolv.conf'],
  ['helm', 'list', '-A'],
  ['helm', 'get', 'values', 'shop'],
  ['istioctl', 'analyze', '-n', 'shop'],
  ['istioctl', 'proxy-status'],
  ['argocd', 'app', 'get', 'shop'],
  ['flux', 'get', 'kustomizations'],
  ['linkerd', 'viz', 'stat', 'deploy'],
  ['redis-cli', 'info', 'memory'],
  ['redis-cli', 'config', 'get', 'maxmemory'],
  ['psql', '-c', 'select count(*) from pg_stat_activity'],
  ['mongosh', '--eval', 'db.serverStatus().connections'],
  ['curl', '-sS', '-X', 'GET', 'http://es:9200/_cluster/health'],
  ['rabbitmqctl', 'list_queues', 'name', 'messages'],
  ['kafka-topics.sh', '--bootstrap-server', 'k:9092', '--describe'],
];

describe('READONLY-VERB: read-only tests are held to an allow-list of read verbs', () => {
  it.each(WRITES.map((argv) => [argv.join(' '), argv] as const))('refuses %s', (_shown, argv) => {
    expect(findWriteVerb(argv)).toBeDefined();
  });

  it.each(READS.map((argv) => [argv.join(' '), argv] as const))('allows %s', (_shown, argv) => {
    expect(findWriteVerb(argv)).toBeUndefined();
  });

  it('reads scripts command by command, and mongosh code across lines', () => {
    expect(findWriteVerbInScript('set -e\nkubectl get pods -n "$NAMESPACE" | head\nkubectl delete pod "$POD" -n "$NAMESPACE"')).toBe('kubectl delete pod');
    expect(findWriteVerbInScript("mongosh --quiet --eval '\n  db.orders.deleteMany({})\n'")).toMatch(/^mongosh running/);
    expect(findWriteVerbInScript("mongosh --quiet --eval '\n  printjson(db.stats())\n'")).toBeUndefined();
  });

  it('reports a read-only catalogue test that deletes, with file:line:col', async () => {
    const problems = await lintBody('params: [{name: namespace, type: namespace}]\ncommand: [kubectl, delete, pods, --all, -n, "{{namespace}}"]\neffect: read-only\nrequires: {tools: [kubectl]}');
    expect(problems.join('\n')).toMatch(/^READONLY-VERB read-only test runs "kubectl delete pods"/m);
  });
});
