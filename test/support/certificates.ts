import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const DAY_MS = 24 * 60 * 60 * 1000;

/** `openssl req` arguments for a new, unencrypted EC P-256 key (fast to make, and what the leaves use). */
const newP256Key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A certificate and its private key, both PEM. */
export interface CertificateAndKey {
  /** The certificate, PEM. */
  certPem: string;
  /** The unencrypted private key (EC P-256), PEM. */
  keyPem: string;
}

/** Every certificate the probe tests need, generated once per process. */
export interface TestCertificates {
  /** The test certificate authority (self-signed, CN `Lookout Test CA`, valid from now for 365 days). Trust it through `tls.ca`. */
  ca: CertificateAndKey;
  /** Signed by the CA for `localhost` and IP 127.0.0.1, valid from 1 day ago for 365 days. */
  valid: CertificateAndKey;
  /** Signed by the CA for `localhost` and IP 127.0.0.1, valid from 30 days ago until yesterday. */
  expired: CertificateAndKey;
  /** Signed by the CA for `localhost` and IP 127.0.0.1, valid from 10 days ahead. */
  notYetValid: CertificateAndKey;
  /** Signed by the CA, valid, but for `wrong.example` only (no IP SAN). */
  wrongHost: CertificateAndKey;
  /** Self-signed for `localhost` and IP 127.0.0.1, valid from now for 365 days. */
  selfSigned: CertificateAndKey;
}

/** The CA's common name, as it appears in the issuer of every CA-signed leaf. */
export const TEST_CA_COMMON_NAME = 'Lookout Test CA';

/** The host names and addresses of the leaves that are meant to match `127.0.0.1` and `localhost`. */
const LOCAL_SUBJECT_ALT_NAMES = 'DNS:localhost,IP:127.0.0.1';

let cached: Promise<TestCertificates> | undefined;

/**
 * Generates (once per process) a test CA and leaf certificates with the `openssl` CLI in a
 * temporary directory, which is removed afterwards.
 */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= generateCertificates();
  return cached;
}

async function generateCertificates(): Promise<TestCertificates> {
  const directory = await mkdtemp(join(tmpdir(), 'lookout-certs-'));
  try {
    const now = Date.now();
    const ca = await selfSigned(directory, 'ca', {
      commonName: TEST_CA_COMMON_NAME,
      extensions: [
        'basicConstraints = critical, CA:TRUE',
        'keyUsage = critical, keyCertSign, cRLSign',
        'subjectKeyIdentifier = hash',
      ],
    });
    const leafSpecs: Array<[keyof Omit<TestCertificates, 'ca' | 'selfSigned'>, LeafSpec]> = [
      [
        'valid',
        {
          commonName: 'localhost',
          altNames: LOCAL_SUBJECT_ALT_NAMES,
          startMs: now - DAY_MS,
          endMs: now + 365 * DAY_MS,
        },
      ],
      [
        'expired',
        {
          commonName: 'localhost',
          altNames: LOCAL_SUBJECT_ALT_NAMES,
          startMs: now - 30 * DAY_MS,
          endMs: now - DAY_MS,
        },
      ],
      [
        'notYetValid',
        {
          commonName: 'localhost',
          altNames: LOCAL_SUBJECT_ALT_NAMES,
          startMs: now + 10 * DAY_MS,
          endMs: now + 100 * DAY_MS,
        },
      ],
      [
        'wrongHost',
        {
          commonName: 'wrong.example',
          altNames: 'DNS:wrong.example',
          startMs: now - DAY_MS,
          endMs: now + 365 * DAY_MS,
        },
      ],
    ];
    const leaves = await Promise.all(
      leafSpecs.map(async ([name, spec]) => [name, await signedByCa(directory, name, ca, spec)] as const),
    );
    const selfSignedLeaf = await selfSigned(directory, 'self-signed', {
      commonName: 'localhost',
      extensions: [
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature',
        'extendedKeyUsage = serverAuth',
        `subjectAltName = ${LOCAL_SUBJECT_ALT_NAMES}`,
      ],
    });
    const byName = Object.fromEntries(leaves) as Record<(typeof leafSpecs)[number][0], CertificateAndKey>;
    return { ca, ...byName, selfSigned: selfSignedLeaf };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

interface SelfSignedSpec {
  commonName: string;
  extensions: string[];
}

/** A self-signed certificate valid from now for 365 days, made with `openssl req -x509`. */
async function selfSigned(directory: string, name: string, spec: SelfSignedSpec): Promise<CertificateAndKey> {
  const configPath = join(directory, `${name}.cnf`);
  const keyPath = join(directory, `${name}.key`);
  const certPath = join(directory, `${name}.crt`);
  await writeFile(
    configPath,
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      `CN = ${spec.commonName}`,
      '[ext]',
      ...spec.extensions,
      '',
    ].join('\n'),
  );
  await openssl([
    'req',
    '-x509',
    ...newP256Key,
    '-config',
    configPath,
    '-days',
    '365',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return readPair(certPath, keyPath);
}

interface LeafSpec {
  commonName: string;
  /** As in `subjectAltName =`, such as `DNS:localhost,IP:127.0.0.1`. */
  altNames: string;
  startMs: number;
  endMs: number;
  /** `openssl req` key arguments; default: a new EC P-256 key. */
  keyArgs?: string[];
  /** The signature's digest; default `sha256`. */
  digest?: string;
  /** The certificate's extensions; default: a TLS server leaf for `altNames`. */
  extensions?: string[];
}

/**
 * A leaf signed by the CA with explicit validity dates, made with `openssl ca` (OpenSSL 3.0's
 * `x509` cannot set a start date) and a throwaway database of its own, so leaves can be made in parallel.
 */
async function signedByCa(
  directory: string,
  name: string,
  ca: CertificateAndKey,
  spec: LeafSpec,
): Promise<CertificateAndKey> {
  const path = (suffix: string) => join(directory, `${name}${suffix}`);
  const caCertPath = path('.ca.crt');
  const caKeyPath = path('.ca.key');
  await Promise.all([
    writeFile(caCertPath, ca.certPem),
    writeFile(caKeyPath, ca.keyPem),
    writeFile(path('.index'), ''),
    writeFile(path('.serial'), `${randomSerialHex()}\n`),
    writeFile(
      path('.cnf'),
      [
        '[req]',
        'distinguished_name = dn',
        'prompt = no',
        '[dn]',
        `CN = ${spec.commonName}`,
        '[ca]',
        'default_ca = test_ca',
        '[test_ca]',
        `database = ${path('.index')}`,
        `serial = ${path('.serial')}`,
        `new_certs_dir = ${directory}`,
        `default_md = ${spec.digest ?? 'sha256'}`,
        'policy = policy_any',
        'unique_subject = no',
        'x509_extensions = leaf_ext',
        '[policy_any]',
        'commonName = supplied',
        '[leaf_ext]',
        ...(spec.extensions ?? [
          'basicConstraints = critical, CA:FALSE',
          'keyUsage = critical, digitalSignature',
          'extendedKeyUsage = serverAuth',
          'authorityKeyIdentifier = keyid',
          `subjectAltName = ${spec.altNames}`,
        ]),
        '',
      ].join('\n'),
    ),
  ]);
  await openssl([
    'req',
    '-new',
    ...(spec.keyArgs ?? newP256Key),
    '-config',
    path('.cnf'),
    '-keyout',
    path('.key'),
    '-out',
    path('.csr'),
  ]);
  await openssl([
    'ca',
    '-batch',
    '-notext',
    '-config',
    path('.cnf'),
    '-cert',
    caCertPath,
    '-keyfile',
    caKeyPath,
    '-startdate',
    asn1Time(spec.startMs),
    '-enddate',
    asn1Time(spec.endMs),
    '-in',
    path('.csr'),
    '-out',
    path('.crt'),
  ]);
  return readPair(path('.crt'), path('.key'));
}

async function readPair(certPath: string, keyPath: string): Promise<CertificateAndKey> {
  const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { certPem, keyPem };
}

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr || String(error)}`);
  }
}

/** `YYYYMMDDHHMMSSZ` (GeneralizedTime), as `openssl ca -startdate/-enddate` accept. */
function asn1Time(epochMs: number): string {
  return `${new Date(epochMs).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** A positive 64-bit serial number in hex, so that leaves made in parallel do not share serials. */
function randomSerialHex(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

/** Certificates for tests against real server software (nginx, `openssl s_server`), generated once per process. */
export interface RealServerCertificates {
  /** The test CA (the same as `testCertificates().ca`): trust it through `tls.ca`. */
  ca: CertificateAndKey;
  /** An intermediate CA signed by the test CA (CN `Lookout Test Intermediate`). */
  intermediate: CertificateAndKey;
  /**
   * A leaf for `localhost` and 127.0.0.1 signed by the intermediate: serve `certPem` followed by
   * `intermediate.certPem` for a full chain, `certPem` alone for an incomplete one.
   */
  viaIntermediate: CertificateAndKey;
  /** Signed by the test CA for `localhost` and 127.0.0.1, with an RSA key of 1024 bits. */
  weakRsaKey: CertificateAndKey;
  /** Signed by the test CA for `localhost` and 127.0.0.1 with SHA-1 (`ecdsa-with-SHA1`). */
  sha1Signature: CertificateAndKey;
  /** A client certificate (extended key usage `clientAuth`, CN `lookout-probe`) signed by the test CA. */
  client: CertificateAndKey;
}

/** The intermediate CA's common name. */
export const TEST_INTERMEDIATE_COMMON_NAME = 'Lookout Test Intermediate';

let cachedRealServer: Promise<RealServerCertificates> | undefined;

/** Generates (once per process) the certificates of `RealServerCertificates` with the `openssl` CLI. */
export function realServerCertificates(): Promise<RealServerCertificates> {
  cachedRealServer ??= generateRealServerCertificates();
  return cachedRealServer;
}

async function generateRealServerCertificates(): Promise<RealServerCertificates> {
  const { ca } = await testCertificates();
  const directory = await mkdtemp(join(tmpdir(), 'lookout-certs-'));
  try {
    const now = Date.now();
    const validity = { startMs: now - DAY_MS, endMs: now + 365 * DAY_MS };
    const localLeaf = { commonName: 'localhost', altNames: LOCAL_SUBJECT_ALT_NAMES, ...validity };
    const [intermediate, weakRsaKey, sha1Signature, client] = await Promise.all([
      signedByCa(directory, 'intermediate', ca, {
        ...localLeaf,
        commonName: TEST_INTERMEDIATE_COMMON_NAME,
        extensions: [
          'basicConstraints = critical, CA:TRUE, pathlen:0',
          'keyUsage = critical, keyCertSign, cRLSign',
          'subjectKeyIdentifier = hash',
          'authorityKeyIdentifier = keyid',
        ],
      }),
      signedByCa(directory, 'weak-rsa-key', ca, { ...localLeaf, keyArgs: ['-newkey', 'rsa:1024', '-nodes'] }),
      signedByCa(directory, 'sha1-signature', ca, { ...localLeaf, digest: 'sha1' }),
      signedByCa(directory, 'client', ca, {
        ...localLeaf,
        commonName: 'lookout-probe',
        extensions: [
          'basicConstraints = critical, CA:FALSE',
          'keyUsage = critical, digitalSignature',
          'extendedKeyUsage = clientAuth',
          'authorityKeyIdentifier = keyid',
        ],
      }),
    ]);
    const viaIntermediate = await signedByCa(directory, 'via-intermediate', intermediate, localLeaf);
    return { ca, intermediate, viaIntermediate, weakRsaKey, sha1Signature, client };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
