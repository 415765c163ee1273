import { rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../source/core/catalog/load.js';
import { builtinCatalogDir } from '../../../source/core/catalog/locations.js';
import type { CatalogTest } from '../../../source/core/catalog/schema.js';
import {
  canMountTmpfs,
  freePort,
  mountTmpfs,
  postgresAvailable,
  removeClusterTemplate,
  startPostgres,
  startReplica,
  startWraparoundServer,
  unmountTmpfs,
  waitFor,
  type PostgresServer,
} from '../../helpers/postgres-server.js';
import { expectHealthyThenAnomaly, runAsHunch, type FaultCase, type FaultStep } from './run-as-hunch.js';

/**
 * Every PostgreSQL test in the catalogue, run exactly as hunch runs it (rendered for a local
 * target, started by the runner, read by its own rules) against a real server: first clean, where
 * it must read healthy, then with the fault it looks for injected, where it must read anomaly.
 * A catalogue test without a fault case here fails the suite.
 */

const catalog = loadCatalog([builtinCatalogDir()]);
const tests = catalog.tests.filter((t) => t.component === 'postgres');

type Values = Record<string, string>;

// Tests that cannot be proven on this machine, and why. Keep it short. (pg-data-disk-usage needs
// root to mount a small tmpfs; without it that one case is skipped with the reason, at run time.)
const NOT_PROVABLE_HERE: Readonly<Record<string, string>> = {};

const SEGMENT = 16 * 1024 * 1024;
let main: PostgresServer;
let replica: PostgresServer | undefined;
const extraServers: PostgresServer[] = [];

/** Opens `count` idle connections named prefix-N and waits until the server sees them all. */
async function openSessions(server: PostgresServer, prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) server.session(`${prefix}-${i}`).send('select 1;');
  await waitFor(async () => Number(await server.sql(`select count(*) from pg_stat_activity where application_name like '${prefix}-%'`)) >= count, `${count} ${prefix} sessions`);
}

async function ensureReplica(): Promise<PostgresServer> {
  if (!replica) {
    // Report replay progress every second, so catching up after a fault is seen quickly.
    replica = await startReplica(main, { wal_receiver_status_interval: 1 });
    const standby = replica;
    await waitFor(async () => (await standby.sql("select coalesce((select status from pg_stat_wal_receiver), 'none')")) === 'streaming', 'the replica to stream');
  }
  await waitForCatchUp();
  return replica;
}

async function waitForCatchUp(): Promise<void> {
  await waitFor(
    async () => (await main.sql("select coalesce(bool_and(state = 'streaming' and pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) < 1048576), false) from pg_stat_replication")) === 't',
    'the replica to catch up',
  );
}

/** Pauses replay on the replica and moves the primary two WAL segments ahead of it. */
async function pauseReplayAndWriteWal(standby: PostgresServer): Promise<FaultStep['cleanup']> {
  await standby.sql('select pg_wal_replay_pause()');
  await main.sql('create table if not exists wal_filler (i int)');
  for (let i = 0; i < 2; i++) {
    await main.sql('insert into wal_filler values (1)');
    await main.sql('select pg_switch_wal()');
  }
  await main.sql('insert into wal_filler values (1)');
  return async () => {
    await standby.sql('select pg_wal_replay_resume()');
    await waitForCatchUp();
  };
}

const cases: Readonly<Record<string, FaultCase>> = {
  'pg-can-connect': {
    // The fault: every slot an ordinary role may use is taken, so the application's role is refused.
    fault: async () => {
      await main.sql("do $$ begin if not exists (select from pg_roles where rolname = 'app') then create role app login; end if; end $$");
      await openSessions(main, 'hunch-fill', 17);
      return { values: main.params({ user: 'app' }), cleanup: () => main.closeSessions() };
    },
    finding: /reserved for superusers/,
  },
  'pg-connections-usage': {
    fault: async () => {
      await openSessions(main, 'hunch-pool', 14);
      return { values: main.params(), cleanup: () => main.closeSessions() };
    },
    finding: /connections: 1[5-7] of 17 usable, \d+ % of the slots/,
  },
  'pg-idle-in-transaction': {
    healthy: async () => ({ values: main.params({ min_seconds: '1' }) }),
    fault: async () => {
      main.session('hunch-forgot-commit').send('begin; select txid_current();');
      await waitFor(
        async () => (await main.sql("select count(*) from pg_stat_activity where application_name = 'hunch-forgot-commit' and state = 'idle in transaction' and now() - state_change > interval '1.2 seconds'")) === '1',
        'a session idle in a transaction for over a second',
      );
      return { values: main.params({ min_seconds: '1' }), cleanup: () => main.closeSessions() };
    },
    finding: /1 session\(s\).*app=hunch-forgot-commit.*client=127\.0\.0\.1 .*last statement: begin; select txid_current\(\)/,
  },
  'pg-blocked-queries': {
    fault: async () => {
      await main.sql('create table if not exists locked_orders (id int)');
      main.session('hunch-holder').send('begin; lock table locked_orders in access exclusive mode;');
      await waitFor(async () => (await main.sql("select state from pg_stat_activity where application_name = 'hunch-holder'")) === 'idle in transaction', 'the lock holder');
      main.session('hunch-waiter').send('select count(*) from locked_orders;');
      await waitFor(async () => (await main.sql("select wait_event_type from pg_stat_activity where application_name = 'hunch-waiter'")) === 'Lock', 'the waiter to block');
      return {
        values: main.params(),
        cleanup: async () => {
          await main.closeSessions();
          await main.sql('drop table locked_orders');
        },
      };
    },
    finding: /1 session\(s\) wait for a lock: pid=\d+ .*blocked by pid \d+ \(idle in transaction.*query: select count\(\*\) from locked_orders/,
  },
  'pg-long-running-queries': {
    healthy: async () => ({ values: main.params({ min_seconds: '1' }) }),
    fault: async () => {
      main.session('hunch-runaway').send('select pg_sleep(120);');
      await waitFor(
        async () => (await main.sql("select count(*) from pg_stat_activity where application_name = 'hunch-runaway' and state = 'active' and now() - query_start > interval '1.2 seconds'")) === '1',
        'a statement running for over a second',
      );
      return { values: main.params({ min_seconds: '1' }), cleanup: () => main.closeSessions() };
    },
    finding: /1 statement\(s\).*waiting on Timeout\/PgSleep, query: select pg_sleep\(120\)/,
  },
  'pg-replication-lag': {
    healthy: async () => {
      await ensureReplica();
      return { values: main.params() };
    },
    fault: async () => {
      const standby = await ensureReplica();
      const cleanup = await pauseReplayAndWriteWal(standby);
      await waitFor(async () => Number(await main.sql('select max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) from pg_stat_replication')) >= SEGMENT, 'replay to fall a segment behind');
      return { values: main.params(), cleanup };
    },
    finding: /replay is \d+ bytes behind the primary: walreceiver from 127\.0\.0\.1: state=streaming/,
  },
  'pg-replica-lag': {
    healthy: async () => ({ values: (await ensureReplica()).params() }),
    fault: async () => {
      const standby = await ensureReplica();
      const cleanup = await pauseReplayAndWriteWal(standby);
      await waitFor(async () => Number(await standby.sql('select pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())')) >= SEGMENT, 'received WAL to pile up unreplayed');
      return { values: standby.params(), cleanup };
    },
    finding: /bytes of WAL arrived but are not replayed: replica: receiver=streaming .*replay paused=true/,
  },
  'pg-ready-state': {
    // The fault: clients that must write are pointed at a standby, which accepts connections read-only.
    healthy: async () => ({ values: main.params({ expect: 'primary' }) }),
    fault: async () => ({ values: (await ensureReplica()).params({ expect: 'primary' }) }),
    finding: /standby in recovery, so it is read-only/,
  },
  'pg-replication-slots': {
    fault: async () => {
      await main.sql("select pg_create_physical_replication_slot('hunch_abandoned', true)");
      return { values: main.params(), cleanup: async () => void (await main.sql("select pg_drop_replication_slot('hunch_abandoned')")) };
    },
    finding: /1 inactive slot\(s\) keep WAL on disk: slot hunch_abandoned \(physical\) active=false/,
  },
  'pg-data-disk-usage': {
    // A server whose data directory sits on a small tmpfs, so "the disk is full" is a real df reading.
    healthy: async () => ({ values: (await smallDiskServer()).server.params() }),
    fault: async () => {
      const { server, mount } = await smallDiskServer();
      const free = statfsSync(mount);
      const filler = join(mount, 'filler');
      // Leave about 6 % of the volume free: full by df's reckoning, with room for the server to keep running.
      await execa('fallocate', ['-l', String(Math.max(4096, free.bavail * free.bsize - Math.floor(free.blocks * free.bsize * 0.06))), filler]);
      return { values: server.params(), cleanup: async () => rmSync(filler, { force: true }) };
    },
    finding: /the volume holding the data directory or pg_wal is (9\d|100) % full/,
  },
  'pg-dead-tuples': {
    fault: async () => {
      await main.sql('create table dead_rows (i int) with (autovacuum_enabled = false)');
      // Insert and delete in one transaction of one session, so the server counts them in one
      // statistics flush: two sessions flush on their own timers, and when the delete's flush
      // lands first the live count is clamped at 0 and the insert's later flush leaves 20000 live.
      await main.sql('begin; insert into dead_rows select generate_series(1, 20000); delete from dead_rows; commit', { fresh: true });
      await waitFor(async () => (await main.sql("select n_dead_tup || ' dead ' || n_live_tup || ' live' from pg_stat_user_tables where relname = 'dead_rows'")) === '20000 dead 0 live', 'the dead rows to be counted');
      return { values: main.params(), cleanup: async () => void (await main.sql('drop table dead_rows')) };
    },
    finding: /1 table\(s\) carry many dead rows: public\.dead_rows: 20000 dead, 0 live \(100% dead\), last autovacuum never/,
  },
  'pg-xid-wraparound': {
    fault: async () => ({ values: (await wraparoundServer()).params() }),
    finding: /database \S+ is 69\.\d % of the way to transaction ID wraparound/,
  },
  'pg-cache-hit-ratio': {
    fault: async () => {
      // A table bigger than shared_buffers (4 MB), scanned three times: a sequential scan of a big
      // table recycles a small ring of buffers, so nearly every block is read from outside.
      await main.sql('create database cold_reports strategy = file_copy');
      const cold = { database: 'cold_reports' };
      await main.sql('create table events as select generate_series(1, 150000) as id', cold);
      await main.sql('select pg_stat_reset()', cold);
      await main.sql(Array.from({ length: 3 }, () => 'select count(*) from events;').join(' '), { ...cold, fresh: true });
      await waitFor(async () => Number(await main.sql("select blks_read from pg_stat_database where datname = 'cold_reports'")) >= 1000, 'the cold reads to be counted');
      return { values: main.params(cold), cleanup: async () => void (await main.sql('drop database cold_reports with (force)')) };
    },
    finding: /database cold_reports finds only [\d.]+ % of its blocks in shared buffers/,
  },
  'pg-wal-archiving': {
    fault: async () => {
      await main.sql("alter system set archive_command = 'false'");
      await main.sql('select pg_reload_conf()');
      await waitFor(async () => (await main.sql('show archive_command')) === 'false', 'the failing archive command to load');
      await main.sql('create table if not exists archived_rows (i int)');
      await main.sql('insert into archived_rows values (1)');
      await main.sql('select pg_switch_wal()');
      await waitFor(async () => Number(await main.sql('select failed_count from pg_stat_archiver')) > 0, 'the archiver to fail');
      return {
        values: main.params(),
        cleanup: async () => {
          await main.sql('alter system reset archive_command');
          await main.sql('select pg_reload_conf()');
        },
      };
    },
    finding: /archiving is failing, so WAL accumulates in pg_wal: \d+ WAL files archived, [1-9]\d* failures/,
  },
};

let xidServer: Promise<PostgresServer> | undefined;

function wraparoundServer(): Promise<PostgresServer> {
  xidServer ??= startWraparoundServer(1_500_000_000).then((server) => {
    extraServers.push(server);
    return server;
  });
  return xidServer;
}

let diskServer: Promise<{ server: PostgresServer; mount: string }> | undefined;
let diskMount: string | undefined;

/** A server on a 96 MB tmpfs of its own, so "the disk is full" is a real df reading. */
function smallDiskServer(): Promise<{ server: PostgresServer; mount: string }> {
  diskServer ??= (async () => {
    const mount = await mountTmpfs('96m');
    diskMount = mount;
    const server = await startPostgres({ parentDir: mount });
    extraServers.push(server);
    return { server, mount };
  })();
  return diskServer;
}

describe.skipIf(!postgresAvailable())('PostgreSQL catalogue tests against a real server', () => {
  let tmpfsAllowed = false;

  beforeAll(async () => {
    [main, tmpfsAllowed] = await Promise.all([
      startPostgres({ settings: { shared_buffers: '4MB', archive_mode: 'on', archive_command: 'true' } }),
      canMountTmpfs(),
    ]);
    // The servers some faults need, started together rather than one after another.
    await Promise.all([ensureReplica(), wraparoundServer(), tmpfsAllowed ? smallDiskServer() : undefined]);
  });

  afterAll(async () => {
    await Promise.all([replica?.stop(), main?.stop(), ...extraServers.map((s) => s.stop())]);
    removeClusterTemplate();
    if (diskMount) await unmountTmpfs(diskMount);
  });

  it('has PostgreSQL tests to prove, and a fault case for each', () => {
    expect(tests.length).toBeGreaterThanOrEqual(10);
    const missing = tests.map((t) => t.id).filter((id) => !cases[id] && !NOT_PROVABLE_HERE[id]);
    expect(missing, 'catalogue tests without a fault case in this file').toEqual([]);
  });

  it('reads a primary without replicas as inconclusive, not healthy', async () => {
    const test = tests.find((t) => t.id === 'pg-replication-lag');
    expect(test).toBeDefined();
    expect(await runAsHunch(test as CatalogTest, (await wraparoundServer()).params())).toMatchObject({ outcome: 'inconclusive' });
  });

  describe.each(tests.map((t) => [t.id, t] as const))('%s', (id, test) => {
    it('reads a clean server as healthy and the injected fault as anomaly', async (context) => {
      const fault = cases[id];
      if (!fault) return context.skip(NOT_PROVABLE_HERE[id] ?? 'no fault case');
      if (id === 'pg-data-disk-usage' && !tmpfsAllowed) return context.skip('mounting a small tmpfs needs root; the disk-full reading is proven where it can be');

      await expectHealthyThenAnomaly(test, fault, main.params(), runAsHunch);
    });
  });

  it('reads a server nobody listens for as down', async () => {
    const test = tests.find((t) => t.id === 'pg-can-connect') as CatalogTest;
    const reading = await runAsHunch(test, { ...main.params(), port: String(await freePort()) });
    expect(reading).toMatchObject({ outcome: 'anomaly', finding: expect.stringMatching(/nothing accepts connections/) });
  });
});
