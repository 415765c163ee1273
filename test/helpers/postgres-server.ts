import { existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { PgClient } from './pg-client.js';

/**
 * Throwaway PostgreSQL servers for the catalogue's real-fault tests: a fresh cluster in a temporary
 * folder, trust authentication on 127.0.0.1 only, on a free port. Several test files may start
 * servers at once: every server has its own folder, port and socket directory.
 */

const BIN = process.env.HUNCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
// initdb and postgres refuse to run as root; the harness then runs them as the postgres user.
const AS_ROOT = process.getuid?.() === 0;
const SERVER_USER = 'postgres';

export type PgSettings = Readonly<Record<string, string | number>>;

export type StartOptions = {
  settings?: PgSettings;
  /** Folder to create the server's folder in (a small tmpfs for disk faults). */
  parentDir?: string;
  /** Runs on the stopped data directory before the first start (pg_resetwal, say). */
  prepare?: (dataDir: string) => Promise<void>;
};

export type SqlOptions = {
  user?: string;
  database?: string;
  /** On a connection of its own that ends afterwards, so the backend flushes its statistics at once. */
  fresh?: boolean;
};

export type PostgresServer = {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** The connection parameters a catalogue test takes, for this server. */
  params(overrides?: Record<string, string>): Record<string, string>;
  /** Runs SQL with psql and returns its unaligned output; throws with psql's stderr on failure. */
  sql(statement: string, options?: SqlOptions): Promise<string>;
  /** A client that stays connected until closed, identified by its application_name. */
  session(name: string, options?: SqlOptions): PgSession;
  /** Disconnects every session this harness opened. */
  closeSessions(): Promise<void>;
  stop(): Promise<void>;
};

/** The binaries the harness needs, so a test file can say plainly what is missing. */
export function postgresAvailable(): boolean {
  return existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'pg_ctl'));
}

function asServerUser(argv: readonly string[]): [string, string[]] {
  const full = AS_ROOT ? ['runuser', '-u', SERVER_USER, '--', ...argv] : [...argv];
  return [full[0] as string, full.slice(1)];
}

async function runAsServerUser(argv: readonly string[], timeout = 60_000): Promise<void> {
  const [file, args] = asServerUser(argv);
  await execa(file, args, { timeout, stdin: 'ignore' });
}

/** A port nothing listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function ownedTempDir(parent: string, prefix: string): Promise<string> {
  const dir = mkdtempSync(join(parent, prefix));
  if (AS_ROOT) await execa('chown', [SERVER_USER, dir]);
  return dir;
}

let template: Promise<string> | undefined;
let templateDir: string | undefined;

/** One initdb per test process; every server starts from a copy of it (a copy takes ~0.1 s, initdb ~2 s). */
function clusterTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = await ownedTempDir(tmpdir(), 'hunch-pg-template-');
    templateDir = dir;
    const data = join(dir, 'data');
    await runAsServerUser([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', SERVER_USER, '--no-sync', '-E', 'UTF8', '--locale=C']);
    return data;
  })();
  return template;
}

function settingLine(name: string, value: string | number): string {
  return typeof value === 'number' ? `${name} = ${value}\n` : `${name} = '${value.replace(/'/g, "''")}'\n`;
}

/** Removes the initdb template; call it in afterAll once every server is stopped. */
export function removeClusterTemplate(): void {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
  template = undefined;
  templateDir = undefined;
}

/** Starts a fresh PostgreSQL server; stop() removes every trace of it. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const base = await ownedTempDir(options.parentDir ?? tmpdir(), 'hunch-pg-');
  const dataDir = join(base, 'data');
  const log = join(base, 'server.log');
  await execa('cp', ['-a', await clusterTemplate(), dataDir]);
  await options.prepare?.(dataDir);

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const settings: PgSettings = {
      listen_addresses: '127.0.0.1',
      port,
      unix_socket_directories: base,
      max_connections: 20,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      ...options.settings,
    };
    appendFileSync(dataDir + '/postgresql.conf', Object.entries(settings).map(([k, v]) => settingLine(k, v)).join(''));
    try {
      await runAsServerUser([join(BIN, 'pg_ctl'), '-D', dataDir, '-l', log, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      // Another test file may have taken the port between the probe and the start.
      if (attempt < 3 && /could not bind|Address already in use/.test(text)) continue;
      rmSync(base, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${String(error)}\n${text.slice(-2000)}`);
    }
  }

  const sessions = new Set<PgSession>();
  // One admin connection per database, reused: polling through psql would fork a process per poll.
  const admins = new Map<string, Promise<PgClient>>();
  const admin = (database: string, user: string): Promise<PgClient> => {
    const key = `${user}@${database}`;
    let client = admins.get(key);
    if (!client) {
      client = PgClient.connect(port, { user, database, application: 'hunch-harness' });
      admins.set(key, client);
      client.then((c) => c.onClose(() => admins.delete(key))).catch(() => admins.delete(key));
    }
    return client;
  };
  const server: PostgresServer = {
    host: '127.0.0.1',
    port,
    dataDir,
    params: (overrides = {}) => ({ host: '127.0.0.1', port: String(port), user: SERVER_USER, database: 'postgres', ...overrides }),
    async sql(statement, sqlOptions = {}) {
      const database = sqlOptions.database ?? 'postgres';
      const user = sqlOptions.user ?? SERVER_USER;
      const client = await (sqlOptions.fresh ? PgClient.connect(port, { user, database, application: 'hunch-harness' }) : admin(database, user));
      const rows = await client.query(statement).finally(() => sqlOptions.fresh && client.close());
      return rows.map((row) => row.map((cell) => cell ?? '').join('|')).join('\n');
    },
    session(name, sqlOptions = {}) {
      const session = new PgSession(port, name, sqlOptions);
      sessions.add(session);
      return session;
    },
    async closeSessions() {
      const open = [...sessions];
      sessions.clear();
      open.forEach((s) => s.close());
      // A backend busy in pg_sleep notices its client left only later; end it now.
      const names = open.map((s) => s.name);
      if (names.length > 0) {
        const list = `array[${names.map(quoteLiteral).join(',')}]`;
        await server.sql(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = any(${list})`);
        await waitFor(async () => (await server.sql(`select count(*) from pg_stat_activity where application_name = any(${list})`)) === '0', 'fault sessions to end');
      }
    },
    async stop() {
      await server.closeSessions().catch(() => undefined);
      await Promise.all([...admins.values()].map((c) => c.then((client) => client.close()).catch(() => undefined)));
      await runAsServerUser([join(BIN, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
  return server;
}

/**
 * Starts a streaming replica of `primary` (pg_basebackup -R), so replication tests read a real
 * standby rather than a description of one.
 */
export async function startReplica(primary: PostgresServer, settings: PgSettings = {}): Promise<PostgresServer> {
  return startPostgres({
    settings: { hot_standby: 'on', ...settings },
    prepare: async (dataDir) => {
      rmSync(dataDir, { recursive: true, force: true });
      await runAsServerUser([join(BIN, 'pg_basebackup'), '-h', primary.host, '-p', String(primary.port), '-U', SERVER_USER, '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    },
  });
}

/**
 * A server whose next transaction ID pg_resetwal moved `nextXid` ahead of every database's frozen
 * ID: what years of blocked freezing leave behind. Autovacuum is kept from freezing it meanwhile.
 */
export async function startWraparoundServer(nextXid: number): Promise<PostgresServer> {
  return startPostgres({
    settings: { autovacuum: 'off', autovacuum_freeze_max_age: 2_000_000_000 },
    prepare: async (dataDir) => {
      await runAsServerUser([join(BIN, 'pg_resetwal'), '-x', String(nextXid), '-D', dataDir]);
      // The commit log segment holding that transaction ID must exist (1,048,576 IDs per 256 kB segment).
      const segment = Math.floor(nextXid / 1_048_576).toString(16).toUpperCase().padStart(4, '0');
      await runAsServerUser(['sh', '-c', 'head -c 262144 /dev/zero > "$1"', 'write-segment', join(dataDir, 'pg_xact', segment)]);
    },
  });
}

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN), for disk-full faults. */
export async function canMountTmpfs(): Promise<boolean> {
  if (!AS_ROOT) return false;
  const probe = mkdtempSync(join(tmpdir(), 'hunch-mount-probe-'));
  try {
    await execa('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    await execa('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Mounts a small tmpfs of the given size (96m) on a fresh temporary folder. */
export async function mountTmpfs(size: string): Promise<string> {
  const mount = mkdtempSync(join(tmpdir(), 'hunch-tmpfs-'));
  await execa('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', mount]);
  return mount;
}

export async function unmountTmpfs(mount: string): Promise<void> {
  await execa('umount', [mount]).catch(() => undefined);
  rmSync(mount, { recursive: true, force: true });
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A connection that stays open until close(), identified by its application_name: each statement
 * sent runs at once, and the session then sits idle (or idle in a transaction, or blocked) as a
 * real application's would.
 */
export class PgSession {
  private readonly client: Promise<PgClient>;
  private readonly failures: string[] = [];

  constructor(
    port: number,
    readonly name: string,
    options: SqlOptions,
  ) {
    this.client = PgClient.connect(port, { user: options.user ?? SERVER_USER, database: options.database ?? 'postgres', application: name });
    this.client.catch((error: unknown) => this.failures.push(String(error)));
  }

  /** Sends without waiting for the answer: the statement may block for as long as the test needs. */
  send(statement: string): void {
    this.client.then((c) => c.query(statement)).catch((error: unknown) => this.failures.push(String(error)));
  }

  /** Errors the server answered with so far (a refused connection, a failed statement). */
  errors(): string[] {
    return [...this.failures];
  }

  close(): void {
    this.client.then((c) => c.close()).catch(() => undefined);
  }
}

/** Polls a condition until it holds, so tests never sleep a fixed time on a loaded machine. */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 250);
  }
}
