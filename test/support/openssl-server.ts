import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateAndKey } from './certificates';
import { closedPort } from './closed-port';
import { waitUntilListening } from './nginx';

/** Options of `startOpensslServer`. */
export interface OpensslServerOptions {
  /** The certificate (followed by any chain to send) and key it serves. */
  certificate: CertificateAndKey;
  /**
   * More `openssl s_server` arguments, such as `['-tls1_3', '-Verify', '1']`. A `{{ca}}` argument becomes the path
   * of `ca`, written to a file.
   * @default []
   */
  args?: string[];
  /**
   * A CA certificate (PEM) for `{{ca}}`, such as the issuer of client certificates.
   * @default undefined
   */
  ca?: string;
}

/** A running `openssl s_server`. */
export interface OpensslServer {
  /** `https://127.0.0.1:<port>/`; `-www` answers `GET /` with a status page. */
  url: string;
  port: number;
  /** What it printed, for a failing test's message. */
  output(): string;
  /** Stops it and removes its files. */
  close(): Promise<void>;
}

/**
 * Starts `openssl s_server -www` (the system's OpenSSL, installed by `npm test`) on a 127.0.0.1 port with its own
 * files in a new directory. It answers `GET /` with `HTTP/1.0 200 ok` and a page about the session. The security
 * level is lowered to 0 (`-cipher DEFAULT:@SECLEVEL=0`, unless `args` sets `-cipher`), so that it serves what a
 * careful server would refuse: the point is to see what the probe says about it.
 */
export async function startOpensslServer(options: OpensslServerOptions): Promise<OpensslServer> {
  const directory = await mkdtemp(join(tmpdir(), 'lookout-s-server-'));
  const certPath = join(directory, 'server.crt');
  const keyPath = join(directory, 'server.key');
  const caPath = join(directory, 'ca.crt');
  await Promise.all([
    writeFile(certPath, options.certificate.certPem),
    writeFile(keyPath, options.certificate.keyPem),
    writeFile(caPath, options.ca ?? ''),
  ]);
  const port = await closedPort();
  const args = (options.args ?? []).map((arg) => (arg === '{{ca}}' ? caPath : arg));
  const child = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `127.0.0.1:${port}`,
      '-cert',
      certPath,
      '-key',
      keyPath,
      ...(args.includes('-cipher') ? [] : ['-cipher', 'DEFAULT:@SECLEVEL=0']),
      '-www',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitUntilListening(port),
      exited.then(() => {
        throw new Error(`openssl s_server exited before listening:\n${output}`);
      }),
    ]);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `https://127.0.0.1:${port}/`, port, output: () => output, close };
}
