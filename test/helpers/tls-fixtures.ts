import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

/** A certificate and its private key as PEM files on disk, and their text. */
export type CertPair = { certFile: string; keyFile: string; cert: string; key: string };

/** Every certificate the TLS fault tests serve, made by the real openssl binary. */
export type TlsFixtures = {
  dir: string;
  /** The test root CA: pass it as `cafile` so verification trusts it without weakening any check. */
  caFile: string;
  /** Valid for localhost and 127.0.0.1, signed by the root, 90 days left. */
  valid: CertPair;
  /** Signed by the root, valid from 2020-01-01 to 2020-02-01. */
  expired: CertPair;
  /** Signed by the root, for localhost, 3 days left. */
  expiringSoon: CertPair;
  /** Signs itself: no CA vouches for it. */
  selfSigned: CertPair;
  /** Signed by the root for shop.example.com only. */
  wrongHost: CertPair;
  /** Signed by the intermediate CA; `cert` holds the leaf alone (the intermediate is missing). */
  leafOnly: CertPair;
  /** The same leaf followed by the intermediate: a complete chain. */
  fullChain: CertPair;
  /** The valid certificate with a private key that does not belong to it. */
  mismatchedKey: CertPair;
};

const LEAF_EXTENSIONS = (names: string) => `basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=${names}
`;
const CA_EXTENSIONS = `basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
`;

/** Makes a root CA, an intermediate and every leaf in a fresh temporary folder (about 20 openssl runs). */
export function makeTlsFixtures(): TlsFixtures {
  const dir = tempDir({}, 'hunch-tls-');
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = (name: string) => {
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path(`${name}.key`));
    return path(`${name}.key`);
  };
  const csr = (name: string, subject: string) => {
    openssl('req', '-new', '-key', newKey(name), '-subj', subject, '-out', path(`${name}.csr`));
    return path(`${name}.csr`);
  };
  const signWith = (issuer: string, name: string, subject: string, extensions: string, days: number) => {
    writeFileSync(path(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', csr(name, subject), '-CA', path(`${issuer}.crt`), '-CAkey', path(`${issuer}.key`), '-CAcreateserial',
      '-days', String(days), '-sha256', '-extfile', path(`${name}.ext`), '-out', path(`${name}.crt`));
  };
  const pair = (name: string, certFile = path(`${name}.crt`)): CertPair => {
    const keyFile = path(`${name}.key`);
    return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  };

  // Root CA, self-signed with CA extensions.
  openssl('req', '-x509', '-new', '-key', newKey('root'), '-subj', '/CN=hunch test root CA', '-days', '30', '-sha256',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', path('root.crt'));

  signWith('root', 'intermediate', '/CN=hunch test intermediate CA', CA_EXTENSIONS, 30);
  signWith('root', 'valid', '/CN=localhost', LEAF_EXTENSIONS('DNS:localhost,IP:127.0.0.1'), 90);
  signWith('root', 'soon', '/CN=localhost', LEAF_EXTENSIONS('DNS:localhost,IP:127.0.0.1'), 3);
  signWith('root', 'wronghost', '/CN=shop.example.com', LEAF_EXTENSIONS('DNS:shop.example.com,DNS:www.shop.example.com'), 90);
  signWith('intermediate', 'chained', '/CN=localhost', LEAF_EXTENSIONS('DNS:localhost,IP:127.0.0.1'), 90);
  writeFileSync(path('chained-full.crt'), readFileSync(path('chained.crt'), 'utf8') + readFileSync(path('intermediate.crt'), 'utf8'));

  openssl('req', '-x509', '-new', '-key', newKey('selfsigned'), '-subj', '/CN=localhost', '-days', '90', '-sha256',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-out', path('selfsigned.crt'));

  // x509 -req cannot backdate in OpenSSL 3.0; `openssl ca` takes explicit start and end dates.
  writeFileSync(path('expired.ext'), LEAF_EXTENSIONS('DNS:localhost,IP:127.0.0.1'));
  writeFileSync(path('index.txt'), '');
  writeFileSync(path('ca.cnf'), `[ca]
default_ca = test
[test]
database = ${path('index.txt')}
new_certs_dir = ${dir}
serial = ${path('ca.serial')}
default_md = sha256
policy = anything
unique_subject = no
[anything]
commonName = supplied
`);
  writeFileSync(path('ca.serial'), '1000\n');
  openssl('ca', '-batch', '-config', path('ca.cnf'), '-cert', path('root.crt'), '-keyfile', path('root.key'), '-in', csr('expired', '/CN=localhost'),
    '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-extfile', path('expired.ext'), '-notext', '-out', path('expired.crt'));

  newKey('other');
  return {
    dir,
    caFile: path('root.crt'),
    valid: pair('valid'),
    expired: pair('expired'),
    expiringSoon: pair('soon'),
    selfSigned: pair('selfsigned'),
    wrongHost: pair('wronghost'),
    leafOnly: pair('chained'),
    fullChain: pair('chained', path('chained-full.crt')),
    mismatchedKey: { ...pair('valid'), keyFile: path('other.key'), key: readFileSync(path('other.key'), 'utf8') },
  };
}
