import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeSecretRoutes, kubeconfigFor, startCatchAllServer, startHttpsServer, type RunningServer } from '../../helpers/http-server.js';
import { makeTlsFixtures, type CertPair, type TlsFixtures } from '../../helpers/tls-fixtures.js';
import { catalogTestsOf, runAsHunch } from './run-as-hunch.js';

// Every TLS test of the catalogue runs as hunch runs it, against real HTTPS servers presenting
// certificates made by the real openssl: once with the fault, once clean.

type ServerName = 'valid' | 'expired' | 'expiringSoon' | 'selfSigned' | 'wrongHost' | 'leafOnly' | 'fullChain' | 'legacyTls' | 'modernTls';

type World = { fx: TlsFixtures; port: (name: ServerName) => string; kubeEnv: Record<string, string> };

/** One run: the parameters to give, and what the finding must say. */
type Probe = { label: string; values: (w: World) => Record<string, string>; env?: (w: World) => Record<string, string>; finding?: RegExp };

const at = (server: ServerName, extra: (w: World) => Record<string, string> = () => ({})) => (w: World) => ({ host: 'localhost', port: w.port(server), ...extra(w) });
const trustingTestCa = (w: World) => ({ cafile: w.fx.caFile });
const kube = (w: World) => w.kubeEnv;

const CASES: Record<string, { anomaly: Probe[]; healthy: Probe[] }> = {
  'tls-certificate-expiry': {
    anomaly: [
      { label: 'a certificate that expired in 2020', values: at('expired'), finding: /expired \d{3,} days ago/ },
      { label: 'a certificate with 3 days left', values: at('expiringSoon'), finding: /expires in [23] days/ },
    ],
    healthy: [{ label: 'a certificate with 90 days left', values: at('valid'), finding: /valid for (89|90) more days/ }],
  },
  'tls-certificate-hostname': {
    anomaly: [
      { label: 'a certificate for another host', values: at('wrongHost', trustingTestCa), finding: /hostname mismatch/ },
      { label: 'an IP address the certificate does not list', values: (w) => ({ host: '127.0.0.1', port: w.port('wrongHost'), cafile: w.fx.caFile }), finding: /IP address mismatch/ },
      { label: 'a self-signed certificate', values: at('selfSigned', trustingTestCa), finding: /self-signed/ },
      { label: 'an expired certificate', values: at('expired', trustingTestCa), finding: /expired/ },
      { label: 'a CA the client does not trust', values: at('valid'), finding: /unable to get local issuer|unable to verify/ },
    ],
    healthy: [
      { label: 'a valid certificate from the trusted test CA', values: at('valid', trustingTestCa) },
      { label: 'an IP address listed as an IP SAN', values: (w) => ({ host: '127.0.0.1', port: w.port('valid'), cafile: w.fx.caFile }) },
    ],
  },
  'tls-chain-complete': {
    anomaly: [{ label: 'a leaf sent without its intermediate', values: at('leafOnly', trustingTestCa), finding: /issuer \(CN = hunch test intermediate CA\)/ }],
    healthy: [{ label: 'leaf and intermediate sent', values: at('fullChain', trustingTestCa), finding: /2 certificate\(s\) sent/ }],
  },
  'tls-protocol-versions': {
    anomaly: [{ label: 'a server that still accepts TLS 1.0', values: at('legacyTls'), finding: /accepts TLS 1\.0/ }],
    healthy: [{ label: 'a server that requires TLS 1.2 or newer', values: at('modernTls') }],
  },
  'tls-certificate-names': {
    anomaly: [{ label: 'a certificate for shop.example.com', values: at('wrongHost'), finding: /covers: DNS:shop\.example\.com, DNS:www\.shop\.example\.com/ }],
    healthy: [
      { label: 'a certificate for localhost', values: at('valid'), finding: /DNS:localhost/ },
      { label: 'the IP address among the names', values: (w) => ({ host: '127.0.0.1', port: w.port('valid') }) },
    ],
  },
  'tls-secret-matches-served': {
    anomaly: [
      { label: 'the secret renewed, the server still on the old certificate', values: at('expiringSoon', () => ({ namespace: 'shop', secret: 'shop-tls' })), env: kube, finding: /another certificate/ },
    ],
    healthy: [{ label: 'the server presenting the secret\u2019s certificate', values: at('valid', () => ({ namespace: 'shop', secret: 'shop-tls' })), env: kube }],
  },
  'tls-secret-key-matches': {
    anomaly: [{ label: 'a secret whose key belongs to another certificate', values: () => ({ namespace: 'shop', secret: 'swapped-tls' }), env: kube, finding: /does not belong/ }],
    healthy: [{ label: 'a secret with its own key', values: () => ({ namespace: 'shop', secret: 'shop-tls' }), env: kube }],
  },
};

// Tests that cannot be proven against a local server, and why. Keep it short.
const NOT_PROVABLE_HERE: Record<string, string> = {};

const tests = catalogTestsOf('tls');
let world: World;
const servers: RunningServer[] = [];

beforeAll(async () => {
  const fx = makeTlsFixtures();
  const serve = async (pair: CertPair, options: { minVersion?: 'TLSv1' | 'TLSv1.2'; ciphers?: string } = {}) => {
    const server = await startHttpsServer({ cert: pair.cert, key: pair.key, ...options });
    servers.push(server);
    return String(server.port);
  };
  const ports: Record<ServerName, string> = {
    valid: await serve(fx.valid),
    expired: await serve(fx.expired),
    expiringSoon: await serve(fx.expiringSoon),
    selfSigned: await serve(fx.selfSigned),
    wrongHost: await serve(fx.wrongHost),
    leafOnly: await serve(fx.leafOnly),
    fullChain: await serve(fx.fullChain),
    // Node's OpenSSL refuses TLS 1.0 at its default security level, as a modern server does.
    legacyTls: await serve(fx.valid, { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }),
    modernTls: await serve(fx.valid, { minVersion: 'TLSv1.2' }),
  };
  const api = await startCatchAllServer(
    kubeSecretRoutes([
      { namespace: 'shop', name: 'shop-tls', cert: fx.valid.cert, key: fx.valid.key },
      { namespace: 'shop', name: 'swapped-tls', cert: fx.mismatchedKey.cert, key: fx.mismatchedKey.key },
      { namespace: 'shop', name: 'old-tls', cert: fx.expired.cert, key: fx.expired.key },
    ], [
      { namespace: 'shop', name: 'shop', secretName: 'shop-tls' },
      { namespace: 'shop', name: 'legacy', secretName: 'old-tls' },
      { namespace: 'shop', name: 'orphan', secretName: 'never-written' },
    ]),
  );
  servers.push(api);
  const kubeconfig = join(fx.dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigFor(api.url));
  world = { fx, port: (name) => ports[name], kubeEnv: { KUBECONFIG: kubeconfig, HOME: fx.dir } };
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe.concurrent('TLS tests against real servers', () => {
  it('covers the whole tls component', () => {
    expect(tests.length).toBeGreaterThanOrEqual(7);
  });

  describe.each(tests.map((test) => [test.id, test] as const))('%s', (id, test) => {
    const skipReason = NOT_PROVABLE_HERE[id];
    it.skipIf(skipReason !== undefined)(`reads the real fault as anomaly and the clean server as healthy${skipReason ? ` (not provable here: ${skipReason})` : ''}`, async () => {
      const cases = CASES[id];
      expect(cases, `${id} has no real-fault case: add one to CASES or explain why in NOT_PROVABLE_HERE`).toBeDefined();
      for (const [expected, probes] of [['anomaly', cases?.anomaly ?? []], ['healthy', cases?.healthy ?? []]] as const) {
        expect(probes.length, `${id} needs at least one ${expected} probe`).toBeGreaterThan(0);
        for (const probe of probes) {
          const reading = await runAsHunch(test, probe.values(world), probe.env?.(world));
          const seen = { probe: probe.label, outcome: reading.outcome, finding: reading.finding };
          expect(seen, `${reading.display}\n--- stdout\n${reading.stdout}\n--- stderr\n${reading.stderr}`).toMatchObject({ probe: probe.label, outcome: expected });
          if (probe.finding) expect(reading.finding).toMatch(probe.finding);
        }
      }
    });
  });
});

// cert-manager tests that read a Certificate's secret: the real kubectl reads them from a minimal
// API server, and openssl decodes the certificates made above.
const SECRET_READING_CASES: Record<string, { anomaly: Probe[]; healthy: Probe[] }> = {
  'certmanager-secret-certificate': {
    anomaly: [
      { label: 'a secret holding a certificate expired in 2020', values: () => ({ namespace: 'shop', certificate: 'legacy' }), env: kube, finding: /expired \d{3,} days ago/ },
      { label: 'a Certificate whose secret was never written', values: () => ({ namespace: 'shop', certificate: 'orphan' }), env: kube, finding: /never-written is missing/ },
    ],
    healthy: [{ label: 'a secret holding a certificate with 90 days left', values: () => ({ namespace: 'shop', certificate: 'shop' }), env: kube, finding: /valid for (89|90) more days/ }],
  },
};

describe.concurrent('cert-manager tests that read a Certificate\u2019s secret', () => {
  const certManagerTests = catalogTestsOf('cert-manager').filter((test) => test.id in SECRET_READING_CASES);

  it('finds the tests it proves', () => {
    expect(certManagerTests.map((test) => test.id)).toEqual(Object.keys(SECRET_READING_CASES));
  });

  it.each(certManagerTests.map((test) => [test.id, test] as const))('%s reads the real fault as anomaly and the clean secret as healthy', async (id, test) => {
    const cases = SECRET_READING_CASES[id];
    for (const [expected, probes] of [['anomaly', cases?.anomaly ?? []], ['healthy', cases?.healthy ?? []]] as const) {
      for (const probe of probes) {
        const reading = await runAsHunch(test, probe.values(world), probe.env?.(world));
        expect({ probe: probe.label, outcome: reading.outcome }, `${reading.display}\n--- stdout\n${reading.stdout}\n--- stderr\n${reading.stderr}`).toEqual({ probe: probe.label, outcome: expected });
        if (probe.finding) expect(reading.finding).toMatch(probe.finding);
      }
    }
  });
});
