import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  corsPreflight,
  delayed,
  gzipWhenAccepted,
  redirect,
  reply,
  replyJson,
  startHttpServer,
  startHttpsServer,
  type RunningServer,
} from '../../helpers/http-server.js';
import { makeTlsFixtures, type TlsFixtures } from '../../helpers/tls-fixtures.js';
import { catalogTestsOf, runAsHunch } from './run-as-hunch.js';

// Every HTTP test of the catalogue runs as hunch runs it, against real Node HTTP(S) servers on
// loopback: once against a route with the fault, once against a clean route.

const PAGE = `<!doctype html><title>shop</title>${'<p>product listing row with some text</p>\n'.repeat(4000)}`;
const APP_ORIGIN = 'https://app.example.com';

const ROUTES = {
  '/ok': reply(200, 'ok\n'),
  '/error': reply(503, 'upstream connect error or disconnect/reset before headers\n'),
  '/slow': delayed(1300, reply(200, 'finally\n')),
  '/loop-a': redirect('/loop-b'),
  '/loop-b': redirect('/loop-a'),
  '/moved': redirect('/ok', 301),
  '/no-content-type': reply(200, 'mystery bytes', { 'content-type': null }),
  '/page-plain': reply(200, PAGE, { 'content-type': 'text/html; charset=utf-8' }),
  '/page-gzip': gzipWhenAccepted(PAGE),
  '/api-cors': corsPreflight([APP_ORIGIN], ['GET', 'POST', 'PUT']),
  '/api-cors-get-only': corsPreflight([APP_ORIGIN], ['GET', 'POST']),
  '/api-no-cors': corsPreflight([], []),
  '/health-down': replyJson(503, { status: 'DOWN', components: { db: { status: 'DOWN', details: { error: 'Connection refused' } }, ping: { status: 'UP' } } }),
  '/health-up': replyJson(200, { status: 'UP', components: { db: { status: 'UP' } } }),
  '/limited': reply(429, '{"error":"rate limit exceeded"}', { 'content-type': 'application/json', 'retry-after': '30' }),
  '/budget-spent': reply(200, 'ok\n', { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' }),
  '/budget-left': reply(200, 'ok\n', { 'ratelimit-limit': '100', 'ratelimit-remaining': '97' }),
};

type World = { http: string; closedPort: string; h1: string; h2: string; tls10: string; fx: TlsFixtures };
type Probe = { label: string; values: (w: World) => Record<string, string>; finding?: RegExp };

const url = (path: keyof typeof ROUTES) => (w: World) => ({ url: `${w.http}${path}` });

const CASES: Record<string, { anomaly: Probe[]; healthy: Probe[] }> = {
  'http-status': {
    anomaly: [
      { label: '503 from the backend', values: url('/error'), finding: /answered 503/ },
      { label: 'nothing listening', values: (w) => ({ url: `http://127.0.0.1:${w.closedPort}/` }), finding: /connection refused/ },
    ],
    healthy: [{ label: '200', values: url('/ok'), finding: /answered 200/ }],
  },
  'http-latency': {
    // Any time over a second is the anomaly: a loaded machine can add more than 0.7 s to the 1.3 s.
    anomaly: [{ label: 'a backend that takes 1.3 s', values: url('/slow'), finding: /took \d+\.\d+ s/ }],
    healthy: [{ label: 'a quick answer', values: url('/ok') }],
  },
  'http-redirects': {
    anomaly: [{ label: 'two pages redirecting to each other', values: url('/loop-a'), finding: /redirect loop/ }],
    healthy: [{ label: 'one redirect, then 200', values: url('/moved'), finding: /after 1 redirect/ }],
  },
  'http-response-headers': {
    anomaly: [
      { label: 'a 200 without Content-Type', values: url('/no-content-type'), finding: /no Content-Type/ },
      { label: 'a 503', values: url('/error'), finding: /503/ },
    ],
    healthy: [{ label: 'a 200 with Content-Type', values: url('/ok') }],
  },
  'http-tls-negotiation': {
    anomaly: [
      { label: 'an HTTPS server without HTTP/2, gRPC needs it', values: (w) => ({ url: `${w.h1}/`, cafile: w.fx.caFile }), finding: /chose http\/1\.1 instead of HTTP\/2/ },
      { label: 'a server that only speaks TLS 1.0', values: (w) => ({ url: `${w.tls10}/`, cafile: w.fx.caFile, require_http2: 'no' }), finding: /handshake failed/ },
    ],
    healthy: [
      { label: 'TLS 1.3 and HTTP/2', values: (w) => ({ url: `${w.h2}/`, cafile: w.fx.caFile }), finding: /TLSv1\.3/ },
      { label: 'HTTP/1.1 where HTTP/2 is not required', values: (w) => ({ url: `${w.h1}/`, cafile: w.fx.caFile, require_http2: 'no' }) },
    ],
  },
  'http-compression': {
    anomaly: [{ label: 'a 170 KB page sent uncompressed', values: url('/page-plain'), finding: /\d{6} bytes were sent uncompressed/ }],
    healthy: [
      { label: 'the same page gzip-compressed', values: url('/page-gzip'), finding: /compressed \(gzip\)/ },
      { label: 'a tiny answer', values: url('/ok'), finding: /small/ },
    ],
  },
  'http-cors-preflight': {
    anomaly: [
      { label: 'an API without CORS headers', values: (w) => ({ url: `${w.http}/api-no-cors`, origin: APP_ORIGIN, method: 'GET' }), finding: /does not allow this origin/ },
      { label: 'an API that does not allow PUT', values: (w) => ({ url: `${w.http}/api-cors-get-only`, origin: APP_ORIGIN, method: 'PUT' }), finding: /not the method/ },
      { label: 'another origin', values: (w) => ({ url: `${w.http}/api-cors`, origin: 'https://evil.example.net', method: 'GET' }), finding: /does not allow this origin/ },
    ],
    healthy: [{ label: 'an API allowing the origin and PUT', values: (w) => ({ url: `${w.http}/api-cors`, origin: APP_ORIGIN, method: 'PUT' }) }],
  },
  'http-health-json': {
    anomaly: [{ label: 'a 503 with status DOWN', values: url('/health-down'), finding: /status DOWN/ }],
    healthy: [{ label: 'status UP', values: url('/health-up'), finding: /status UP/ }],
  },
  'http-rate-limited': {
    anomaly: [
      { label: '429 with Retry-After', values: url('/limited'), finding: /retry after 30/ },
      { label: 'budget used up', values: url('/budget-spent'), finding: /used up/ },
    ],
    healthy: [
      { label: 'budget left', values: url('/budget-left'), finding: /97 requests left/ },
      { label: 'no rate limiting at all', values: url('/ok') },
    ],
  },
};

// Tests that cannot be proven against a local server, and why. Keep it short.
const NOT_PROVABLE_HERE: Record<string, string> = {};

const tests = catalogTestsOf('http');
const servers: RunningServer[] = [];
let world: World;

beforeAll(async () => {
  const fx = makeTlsFixtures();
  const start = async (server: Promise<RunningServer>) => {
    const running = await server;
    servers.push(running);
    return running.url;
  };
  const closed = await startHttpServer({});
  await closed.close();
  world = {
    fx,
    http: await start(startHttpServer(ROUTES)),
    closedPort: String(closed.port),
    h1: await start(startHttpsServer({ cert: fx.valid.cert, key: fx.valid.key })),
    h2: await start(startHttpsServer({ cert: fx.valid.cert, key: fx.valid.key, http2: true })),
    tls10: await start(startHttpsServer({ cert: fx.valid.cert, key: fx.valid.key, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' })),
  };
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe.concurrent('HTTP tests against real servers', () => {
  it('covers the whole http component', () => {
    expect(tests.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(tests.map((test) => [test.id, test] as const))('%s', (id, test) => {
    const skipReason = NOT_PROVABLE_HERE[id];
    it.skipIf(skipReason !== undefined)(`reads the real fault as anomaly and the clean server as healthy${skipReason ? ` (not provable here: ${skipReason})` : ''}`, async () => {
      const cases = CASES[id];
      expect(cases, `${id} has no real-fault case: add one to CASES or explain why in NOT_PROVABLE_HERE`).toBeDefined();
      for (const [expected, probes] of [['anomaly', cases?.anomaly ?? []], ['healthy', cases?.healthy ?? []]] as const) {
        expect(probes.length, `${id} needs at least one ${expected} probe`).toBeGreaterThan(0);
        for (const probe of probes) {
          const reading = await runAsHunch(test, probe.values(world));
          const seen = { probe: probe.label, outcome: reading.outcome, finding: reading.finding };
          expect(seen, `${reading.display}\n--- stdout\n${reading.stdout}\n--- stderr\n${reading.stderr}`).toMatchObject({ probe: probe.label, outcome: expected });
          if (probe.finding) expect(reading.finding).toMatch(probe.finding);
        }
      }
    });
  });
});
