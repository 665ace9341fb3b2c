import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCertificates } from '../test/support/certificates';

/** Paths and contents of the bench's throwaway certificate authority and server certificate. */
export interface BenchCertificates {
  /** The CA certificate (PEM file), for blackbox_exporter's `ca_file`. */
  caPath: string;
  /** The CA certificate, PEM. */
  caPem: string;
  /** The server's leaf certificate for 127.0.0.1 and localhost (PEM file). */
  certPath: string;
  /** The leaf's private key (PEM file). */
  keyPath: string;
}

/**
 * The tests' CA and valid leaf (made with `openssl`, see test/support/certificates.ts), written to
 * `workDir` (created if missing, files overwritten) for the target process and blackbox_exporter.
 */
export async function createBenchCertificates(workDir: string): Promise<BenchCertificates> {
  const { ca, valid } = await testCertificates();
  mkdirSync(workDir, { recursive: true });
  const caPath = join(workDir, 'ca.pem');
  const certPath = join(workDir, 'leaf.pem');
  const keyPath = join(workDir, 'leaf.key');
  writeFileSync(caPath, ca.certPem);
  writeFileSync(certPath, valid.certPem);
  writeFileSync(keyPath, valid.keyPem);
  return { caPath, caPem: ca.certPem, certPath, keyPath };
}
