import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { execExitCode, execSuccess, type StatusAnswer } from '../api/status.js';
import type { ExecAnswer } from './exec-script.js';

/**
 * The remote-command subprotocols, newest first. kubectl 1.30+ offers v5 (which adds a close
 * signal for stdin); clients of the v4 generation read the same framing.
 */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;

/**
 * How long a scripted command "takes to start" before its first byte. kubectl creates its stdout,
 * stderr and error streams in one goroutine while another already reads the socket, and it drops
 * a frame for a stream not created yet ("Unknown stream id 1, discarding message"). A real
 * container needs milliseconds to start a process, so kubectl never loses that race against a
 * real kubelet; an answer sent at the upgrade itself lost it about once in a hundred under load.
 */
const START_DELAY_MS = 150;

/** A WebSocket endpoint for exec and attach; connections are tracked so stop() can close them. */
export class ExecWebSockets {
  private readonly server = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });

  /** Completes the upgrade and plays the scripted answer: stdout, stderr, then the exit status. */
  answer(request: IncomingMessage, socket: Duplex, head: Buffer, answer: ExecAnswer, tty: boolean): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const start = setTimeout(() => play(ws, answer, tty), START_DELAY_MS);
      ws.once('close', () => clearTimeout(start));
    });
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}

function frame(channel: number, data: string | Buffer): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from([channel]), payload]);
}

function play(ws: WebSocket, answer: ExecAnswer, tty: boolean): void {
  // With a terminal there is no separate stderr: everything arrives on stdout, as from a real TTY.
  if (answer.stdout) ws.send(frame(STDOUT, answer.stdout));
  if (answer.stderr) ws.send(frame(tty ? STDOUT : STDERR, answer.stderr));
  const status = answer.exitCode === 0 ? execSuccess() : execExitCode(answer.exitCode);
  ws.send(frame(ERROR, JSON.stringify(status)));
  ws.close(1000);
  // A client that never answers the close handshake must not keep the server from stopping.
  setTimeout(() => ws.terminate(), 2000).unref();
}

/** Refuses an upgrade with a Status body, the way the API server refuses a bad exec. */
export function refuseUpgrade(socket: Duplex, answer: StatusAnswer): void {
  const body = JSON.stringify(answer.body);
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' }[answer.code] ?? 'Error';
  socket.end(`HTTP/1.1 ${answer.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
