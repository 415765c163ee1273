import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './postgres-server.js';

/**
 * Throwaway Redis servers for the catalogue's real-fault tests: no persistence unless asked, a
 * temporary working folder, loopback only, a free port. DEBUG is allowed from loopback so tests can
 * make a command genuinely slow.
 */

export type RedisReply = string | number | null | RedisReply[];

export type RedisServer = {
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  /** The connection parameters a catalogue test takes, for this server. */
  params(overrides?: Record<string, string>): Record<string, string>;
  /** Runs one command on the harness's own connection. */
  call(...args: (string | number)[]): Promise<RedisReply>;
  /** A further connection, for faults that need clients of their own (blocked, held open). */
  connect(): Promise<RedisConnection>;
  stop(): Promise<void>;
};

export function redisAvailable(): boolean {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((path) => existsSync(path)) || !!process.env.HUNCH_REDIS_SERVER;
}

/** Starts a fresh redis-server; extra arguments are passed as given (`--maxmemory`, `--replicaof` …). */
export async function startRedis(extraArgs: readonly string[] = []): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hunch-redis-'));
  const log = join(dir, 'redis.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.env.HUNCH_REDIS_SERVER ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', log, '--enable-debug-command', 'local', '--repl-diskless-sync-delay', '0', ...extraArgs],
      { stdio: 'ignore' },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const admin = await waitForServer(port, child);
      return serverFor(port, dir, child, exited, admin);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      // Another test file may have taken the port between the probe and the start.
      if (attempt < 3 && /Address already in use/.test(text)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start: ${String(error)}\n${text.slice(-2000)}`);
    }
  }
}

async function waitForServer(port: number, child: ChildProcess): Promise<RedisConnection> {
  let connection: RedisConnection | undefined;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    try {
      connection = await RedisConnection.open(port);
      // A server with requirepass answers NOAUTH: it is up all the same.
      const pong = await connection.call('PING').catch((error: Error) => (/NOAUTH/.test(error.message) ? 'PONG' : undefined));
      return pong === 'PONG';
    } catch {
      connection?.close();
      connection = undefined;
      return false;
    }
  }, `redis-server on port ${port}`);
  return connection as RedisConnection;
}

function serverFor(port: number, dir: string, child: ChildProcess, exited: Promise<void>, admin: RedisConnection): RedisServer {
  const extra = new Set<RedisConnection>();
  return {
    host: '127.0.0.1',
    port,
    dir,
    params: (overrides = {}) => ({ host: '127.0.0.1', port: String(port), ...overrides }),
    call: (...args) => admin.call(...args),
    async connect() {
      const connection = await RedisConnection.open(port);
      extra.add(connection);
      return connection;
    },
    async stop() {
      admin.close();
      extra.forEach((c) => c.close());
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Waiter = { resolve: (reply: RedisReply) => void; reject: (error: Error) => void };

/** A minimal RESP2 client: commands are pipelined, replies come back in order. */
export class RedisConnection {
  private buffer = Buffer.alloc(0);
  private readonly waiters: Waiter[] = [];
  private closedReason: string | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error.message));
    socket.on('close', () => this.fail('connection closed'));
  }

  static open(port: number): Promise<RedisConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(new RedisConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a command; resolves with its reply, rejects with the server's error reply. */
  call(...args: (string | number)[]): Promise<RedisReply> {
    if (this.closedReason) return Promise.reject(new Error(this.closedReason));
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.socket.write(encode(args));
    });
  }

  /** Whether the server has closed this connection (as it does past maxclients). */
  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  close(): void {
    this.socket.destroy();
    this.fail('connection closed');
  }

  private fail(reason: string): void {
    this.closedReason ??= reason;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(reason));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = parseReply(this.buffer, 0);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.end);
      const waiter = this.waiters.shift();
      if (parsed.error) waiter?.reject(new Error(parsed.error));
      else waiter?.resolve(parsed.value);
    }
  }
}

function encode(args: readonly (string | number)[]): Buffer {
  const parts = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(String(arg));
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

type Parsed = { value: RedisReply; error?: string; end: number };

/** Parses one reply starting at `start`; undefined when it has not fully arrived yet. */
function parseReply(buffer: Buffer, start: number): Parsed | undefined {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[start] as number);
  const line = buffer.toString('utf8', start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: null, error: line, end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const size = Number(line);
      if (size < 0) return { value: null, end: next };
      if (buffer.length < next + size + 2) return undefined;
      return { value: buffer.toString('utf8', next, next + size), end: next + size + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RedisReply[] = [];
      let offset = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, offset);
        if (!item) return undefined;
        items.push(item.error ? `ERR ${item.error}` : item.value);
        offset = item.end;
      }
      return { value: items, end: offset };
    }
    default:
      throw new Error(`unexpected RESP type ${JSON.stringify(type)}`);
  }
}

/** The value of one field of an INFO reply ("used_memory"), as a number when it is one. */
export function infoField(info: RedisReply, field: string): string | undefined {
  if (typeof info !== 'string') return undefined;
  return new RegExp(`^${field}:(.*)\\r?$`, 'm').exec(info)?.[1]?.trim();
}
