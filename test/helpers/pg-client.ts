import { connect, type Socket } from 'node:net';

type Pending = { rows: (string | null)[][]; error?: string; resolve: (rows: (string | null)[][]) => void; reject: (error: Error) => void };

/**
 * The smallest PostgreSQL wire-protocol client the harness needs: trust authentication and the
 * simple query protocol, so faults can be held open and conditions polled without a process per query.
 */
export class PgClient {
  private buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private readonly closeHandlers: (() => void)[] = [];
  private closed = false;

  private constructor(private readonly socket: Socket) {}

  static connect(port: number, options: { user: string; database: string; application: string }): Promise<PgClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const client = new PgClient(socket);
      // The startup exchange ends with the first ReadyForQuery, like a query's.
      client.pending.push({ rows: [], resolve: () => resolve(client), reject });
      socket.on('connect', () => {
        const pairs = Object.entries({ user: options.user, database: options.database, application_name: options.application });
        const body = Buffer.concat([int32(196608), ...pairs.flatMap(([k, v]) => [cstring(k), cstring(v)]), Buffer.from([0])]);
        socket.write(Buffer.concat([int32(body.length + 4), body]));
      });
      socket.on('data', (chunk: Buffer) => client.receive(chunk));
      socket.on('error', (error) => client.fail(error.message));
      socket.on('close', () => client.fail('connection closed'));
    });
  }

  /** Runs one or more statements; resolves with every row returned, rejects with the server's error. */
  query(sql: string): Promise<(string | null)[][]> {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ rows: [], resolve, reject });
      const body = cstring(sql);
      this.socket.write(Buffer.concat([Buffer.from('Q'), int32(body.length + 4), body]));
    });
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.socket.end(Buffer.concat([Buffer.from('X'), int32(4)]));
    this.fail('connection closed');
  }

  private fail(reason: string): void {
    if (!this.closed) {
      this.closed = true;
      this.closeHandlers.forEach((h) => h());
    }
    for (const p of this.pending.splice(0)) p.reject(new Error(p.error ?? reason));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 5) {
      const type = String.fromCharCode(this.buffer[0] as number);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < length + 1) return;
      const body = this.buffer.subarray(5, length + 1);
      this.buffer = this.buffer.subarray(length + 1);
      this.handle(type, body);
    }
  }

  private handle(type: string, body: Buffer): void {
    const current = this.pending[0];
    switch (type) {
      case 'R':
        if (body.readInt32BE(0) !== 0) this.fail('the server asks for a password; the harness uses trust authentication');
        return;
      case 'D': {
        const row: (string | null)[] = [];
        let offset = 2;
        for (let i = 0; i < body.readInt16BE(0); i++) {
          const size = body.readInt32BE(offset);
          offset += 4;
          row.push(size < 0 ? null : body.toString('utf8', offset, offset + size));
          offset += Math.max(size, 0);
        }
        current?.rows.push(row);
        return;
      }
      case 'E': {
        const fields = new Map<string, string>();
        for (let offset = 0; offset < body.length && body[offset] !== 0; ) {
          const end = body.indexOf(0, offset + 1);
          fields.set(String.fromCharCode(body[offset] as number), body.toString('utf8', offset + 1, end));
          offset = end + 1;
        }
        const message = `${fields.get('S') ?? 'ERROR'}: ${fields.get('M') ?? 'unknown error'}`;
        if (current) current.error ??= message;
        // An error before authentication ends the connection without a ReadyForQuery.
        if (fields.get('S') === 'FATAL') this.fail(message);
        return;
      }
      case 'Z': {
        const done = this.pending.shift();
        if (done?.error) done.reject(new Error(done.error));
        else done?.resolve(done.rows);
        return;
      }
      default:
        return; // ParameterStatus, BackendKeyData, RowDescription, CommandComplete, notices
    }
  }
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
}
