import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths and contents of the bench's throwaway certificate authority and server certificate. */
export interface TestCertificates {
  /** The CA certificate (PEM file). */
  caPath: string;
  /** The CA certificate, PEM. */
  caPem: string;
  /** The server's leaf certificate for 127.0.0.1 and localhost (PEM file). */
  certPath: string;
  /** The leaf's private key (PEM file). */
  keyPath: string;
}

const leafExtensions = [
  'basicConstraints = critical, CA:FALSE',
  'keyUsage = critical, digitalSignature',
  'extendedKeyUsage = serverAuth',
  'subjectAltName = IP:127.0.0.1, DNS:localhost',
].join('\n');

function openssl(args: string[], workDir: string): void {
  execFileSync('openssl', args, { cwd: workDir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

/**
 * Makes a fresh EC P-256 CA and a leaf certificate for 127.0.0.1/localhost with `openssl`,
 * valid for two days, in `workDir` (created if missing, files overwritten).
 */
export function createTestCertificates(workDir: string): TestCertificates {
  mkdirSync(workDir, { recursive: true });
  const ecKey = ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out'];
  openssl([...ecKey, 'ca.key'], workDir);
  openssl(
    [
      ...['req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '2'],
      ...['-subj', '/CN=Lookout Bench CA', '-out', 'ca.pem'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ],
    workDir,
  );
  openssl([...ecKey, 'leaf.key'], workDir);
  openssl(['req', '-new', '-key', 'leaf.key', '-subj', '/CN=127.0.0.1', '-out', 'leaf.csr'], workDir);
  writeFileSync(join(workDir, 'leaf.ext'), `${leafExtensions}\n`);
  openssl(
    [
      ...['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-days', '2', '-sha256', '-extfile', 'leaf.ext', '-out', 'leaf.pem'],
    ],
    workDir,
  );
  const caPath = join(workDir, 'ca.pem');
  return {
    caPath,
    caPem: readFileSync(caPath, 'utf8'),
    certPath: join(workDir, 'leaf.pem'),
    keyPath: join(workDir, 'leaf.key'),
  };
}
