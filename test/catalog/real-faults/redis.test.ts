import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import { waitFor } from '../../helpers/postgres-server.js';
import { infoField, redisAvailable, startRedis, type RedisConnection, type RedisServer } from '../../helpers/redis-server.js';
import { expectHealthyThenAnomaly, runAsHunch as runShared, type FaultCase, type FaultStep } from './run-as-hunch.js';

/**
 * Every Redis test in the catalogue, run exactly as hunch runs it (rendered for a local target,
 * started by the runner, read by its own rules) against a real redis-server: first clean, where it
 * must read healthy, then with the fault it looks for injected, where it must read anomaly. A
 * catalogue test without a fault case here fails the suite.
 */

const catalog = loadCatalog([builtinCatalogDir()]);
const tests = catalog.tests.filter((t) => t.component === 'redis');

type Values = Record<string, string>;

// Tests that cannot be proven on this machine, and why. Keep it short.
const NOT_PROVABLE_HERE: Readonly<Record<string, string>> = {};

let main: RedisServer;
const others: RedisServer[] = [];

async function startOther(args: readonly string[] = []): Promise<RedisServer> {
  const server = await startRedis(args);
  others.push(server);
  return server;
}

/** As hunch runs it, with no inherited REDIS_PASSWORD or REDISCLI_AUTH: these servers have no password. */
function runAsHunch(test: CatalogTest, values: Values, env: Record<string, string> = {}) {
  return runShared(test, values, { REDIS_PASSWORD: '', REDISCLI_AUTH: '', ...env });
}

async function info(server: RedisServer, field: string, section = 'all'): Promise<string | undefined> {
  return infoField(await server.call('INFO', section), field);
}

/** Opens `count` client connections that stay idle until the case cleans up. */
async function openClients(server: RedisServer, count: number): Promise<RedisConnection[]> {
  const clients: RedisConnection[] = [];
  for (let i = 0; i < count; i++) {
    const client = await server.connect();
    await client.call('CLIENT', 'SETNAME', `hunch-idle-${i}`);
    clients.push(client);
  }
  return clients;
}

const cases: Readonly<Record<string, FaultCase>> = {
  'redis-ping': {
    // The fault: the server is gone. Its port then refuses connections, as a crashed pod's would.
    fault: async () => {
      const gone = await startRedis();
      await gone.stop();
      return { values: gone.params() };
    },
    finding: /nothing accepts connections/,
  },
  'redis-memory-maxmemory': {
    fault: async () => {
      await main.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
      await main.call('CONFIG', 'SET', 'maxmemory', String(4 * 1024 * 1024));
      const value = 'x'.repeat(1024);
      // Pipelined writes well past the limit: Redis evicts to make room for each.
      await Promise.all(Array.from({ length: 6000 }, (_, i) => main.call('SET', `fill:${i}`, value)));
      await waitFor(async () => Number(await info(main, 'evicted_keys', 'stats')) > 0, 'evictions');
      return { values: main.params() };
    },
    finding: /Redis has evicted \d+ keys since it started, so it reached maxmemory: memory: used [\d.]+ MB of maxmemory 4\.0 MB .*policy allkeys-lru/,
  },
  'redis-slowlog': {
    fault: async () => {
      await main.call('DEBUG', 'SLEEP', '0.05');
      return { values: main.params() };
    },
    finding: /commands took up to \d+ ms.* DEBUG SLEEP 0\.05/i,
  },
  'redis-clients-maxclients': {
    fault: async () => {
      await main.call('CONFIG', 'SET', 'maxclients', '20');
      // 17 idle clients, the harness's own and the test's: 19 of 20.
      const clients = await openClients(main, 17);
      return { values: main.params(), cleanup: async () => clients.forEach((c) => c.close()) };
    },
    finding: /clients: (19|20) connected of maxclients 20, (95|100) %/,
  },
  'redis-rejected-connections': {
    // A spike past maxclients that is already over when the test runs: only the counter remembers it.
    fault: async () => {
      await main.call('CONFIG', 'SET', 'maxclients', '3');
      const clients = await Promise.all(Array.from({ length: 5 }, () => main.connect()));
      await Promise.all(clients.map((c) => c.call('PING').catch(() => undefined)));
      await waitFor(async () => Number(await info(main, 'rejected_connections', 'stats')) > 0, 'a rejected connection');
      clients.forEach((c) => c.close());
      await main.call('CONFIG', 'SET', 'maxclients', '10000');
      return { values: main.params() };
    },
    finding: /Redis has refused [1-9]\d* connection\(s\) at maxclients/,
  },
  'redis-replication-link': {
    healthy: async () => {
      const replica = await startOther(['--replicaof', '127.0.0.1', String(main.port)]);
      await waitFor(async () => (await info(replica, 'master_link_status', 'replication')) === 'up', 'the replica link');
      return { values: replica.params() };
    },
    // The fault: a replica whose primary is unreachable.
    fault: async () => {
      const primary = await startRedis();
      const replica = await startOther(['--replicaof', '127.0.0.1', String(primary.port)]);
      await waitFor(async () => (await info(replica, 'master_link_status', 'replication')) === 'up', 'the replica link');
      await primary.stop();
      await waitFor(async () => (await info(replica, 'master_link_status', 'replication')) === 'down', 'the link to drop');
      return { values: replica.params() };
    },
    finding: /this replica's link to its primary 127\.0\.0\.1 is down/,
  },
  'redis-persistence': {
    // The fault: the server's data directory disappears, so the next snapshot cannot be written.
    fault: async () => {
      const server = await startOther();
      await server.call('SET', 'order:1', 'paid');
      rmSync(server.dir, { recursive: true, force: true });
      await server.call('BGSAVE');
      await waitFor(
        async () => (await info(server, 'rdb_bgsave_in_progress', 'persistence')) === '0' && (await info(server, 'rdb_last_bgsave_status', 'persistence')) === 'err',
        'the snapshot to fail',
      );
      return { values: server.params() };
    },
    finding: /the last RDB snapshot failed/,
  },
  'redis-blocked-clients': {
    fault: async () => {
      const worker = await main.connect();
      await worker.call('CLIENT', 'SETNAME', 'hunch-worker');
      void worker.call('BLPOP', 'jobs:never-fed', '0').catch(() => undefined);
      await waitFor(async () => Number(await info(main, 'blocked_clients', 'clients')) === 1, 'the worker to block');
      return { values: main.params(), cleanup: async () => worker.close() };
    },
    finding: /1 client\(s\) sit blocked waiting for data: blocked: .*name=hunch-worker .*cmd=blpop/,
  },
  'redis-latency-doctor': {
    fault: async () => {
      await main.call('DEBUG', 'SLEEP', '0.2');
      return { values: main.params() };
    },
    finding: /Redis recorded latency spikes: 1\. command: 1 latency spike/,
  },
  'redis-keyspace-hit-ratio': {
    // Clean means a cache doing its job: lookups that find their key.
    healthy: async () => {
      await main.call('SET', 'user:42', 'cached');
      await Promise.all(Array.from({ length: 200 }, () => main.call('GET', 'user:42')));
      return { values: main.params() };
    },
    fault: async () => {
      await main.call('CONFIG', 'RESETSTAT');
      await Promise.all(Array.from({ length: 200 }, (_, i) => main.call('GET', `user:v2:${i}`)));
      return { values: main.params() };
    },
    finding: /only 0(\.0)? % of lookups find their key: key lookups: 200 \(0 hits, 200 misses\)/,
  },
  'redis-big-keys': {
    healthy: async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => main.call('SET', `session:${i}`, 'x'.repeat(100))));
      return { values: main.params() };
    },
    fault: async () => {
      await main.call('SETRANGE', 'report:blob', 2_000_000, 'x');
      return { values: main.params() };
    },
    finding: /1 key type\(s\) hold a key of 1 MB or more: Biggest string found '"report:blob"' has \d+ bytes/,
  },
};

/** Puts the main server back to a clean state: no data, default limits, no history. */
async function resetMain(): Promise<void> {
  await main.call('FLUSHALL');
  await main.call('CONFIG', 'SET', 'maxmemory', '0');
  await main.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
  await main.call('CONFIG', 'SET', 'maxclients', '10000');
  await main.call('CONFIG', 'RESETSTAT');
  await main.call('SLOWLOG', 'RESET');
  await main.call('LATENCY', 'RESET');
}

describe.skipIf(!redisAvailable())('Redis catalogue tests against a real server', () => {
  beforeAll(async () => {
    main = await startRedis(['--latency-monitor-threshold', '100']);
  });

  beforeEach(async () => {
    await resetMain();
  });

  afterAll(async () => {
    await Promise.all(others.map((s) => s.stop()));
    await main?.stop();
  });

  it('has Redis tests to prove, and a fault case for each', () => {
    expect(tests.length).toBeGreaterThanOrEqual(9);
    const missing = tests.map((t) => t.id).filter((id) => !cases[id] && !NOT_PROVABLE_HERE[id]);
    expect(missing, 'catalogue tests without a fault case in this file').toEqual([]);
  });

  describe.each(tests.map((t) => [t.id, t] as const))('%s', (id, test) => {
    it('reads a clean server as healthy and the injected fault as anomaly', async (context) => {
      const fault = cases[id];
      if (!fault) return context.skip(NOT_PROVABLE_HERE[id] ?? 'no fault case');

      await expectHealthyThenAnomaly(test, fault, main.params(), runAsHunch);
    });
  });

  it('reads a primary with an online replica as healthy and one without replicas as inconclusive', async () => {
    const test = tests.find((t) => t.id === 'redis-replication-link') as CatalogTest;
    const alone = await startOther();
    expect(await runAsHunch(test, alone.params())).toMatchObject({ outcome: 'inconclusive' });
    const replica = await startOther(['--replicaof', '127.0.0.1', String(alone.port)]);
    await waitFor(async () => (await info(alone, 'connected_slaves', 'replication')) === '1' && /state=online/.test(String(await alone.call('INFO', 'replication'))), 'the replica to come online');
    expect(replica.port).toBeGreaterThan(0);
    expect(await runAsHunch(test, alone.params())).toMatchObject({ outcome: 'healthy' });
  });

  it('reads a server that wants a password as an error that says so, and uses the pod\'s REDIS_PASSWORD', async () => {
    const test = tests.find((t) => t.id === 'redis-ping') as CatalogTest;
    const locked = await startOther(['--requirepass', 'bitnami-style-secret']);
    expect(await runAsHunch(test, locked.params())).toMatchObject({ outcome: 'error', finding: expect.stringMatching(/wants a password/) });
    // The bitnami image puts the password in the container's environment as REDIS_PASSWORD.
    expect(await runAsHunch(test, locked.params(), { REDIS_PASSWORD: 'bitnami-style-secret' })).toMatchObject({ outcome: 'healthy' });
  });
});
