import { createServer as createHttpServer, type Server } from 'node:http';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { duplexPair } from 'node:stream';
import { createSecureContext, type SecureContext, TLSSocket, connect as tlsConnect } from 'node:tls';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { builtInCheckDefaults } from '../core/declare/defaults';
import type {
  ResolvedHttpCheck,
  ResolvedProbedCheck,
  ResolvedTcpCheck,
} from '../core/resolve/resolved-monitor';
import { systemResolver } from './host-resolver';
import type { ProbeContext } from './probe-context';
import { type CertificateAndKey, selfSignedCertificate } from './self-signed-certificate';

/** Probes one check once, without warming up first (the engine's own attempt). */
export type ProbeOnce = (check: ResolvedProbedCheck, context: ProbeContext) => Promise<unknown>;

let warming: Promise<void> | undefined;

/**
 * How many times the warm-up probes each of its servers. One pass compiles what a probe runs; V8 then tiers the
 * hot code up over the next few, and until it has, a probe's TLS phase read ~0.5–1 ms more than a warm one's
 * (measured: 2 passes left the first real probe's `tlsMs` 0.9 ms above the warm median, 8 passes 0.4 ms).
 */
const warmUpPasses = 8;

/**
 * Warms the engine up once per process, before its first probe: everything a process does only the first time it
 * probes is done here, where no clock runs. Without it, the first probe after a cold start (a Lambda container's
 * first round, a `lookout check`) reported 6–50 ms more than the same probe a moment later: V8 compiling the
 * engine's and Node's HTTP, TLS, HTTP/2 and zlib code on first call, OpenSSL fetching its algorithms on first
 * use, the thread pool and getaddrinfo's modules started on the first lookup, all inside a measured phase.
 *
 * How: real probes, through the engine's own code, of in-process servers on 127.0.0.1 that the warm-up starts and
 * stops (HTTP/1.1, HTTPS with h2 and with HTTP/1.1 by ALPN on a throwaway self-signed EC certificate, gzip and br
 * bodies, a TCP connect) and a lookup of `localhost`; their results are thrown away. Nothing leaves the machine.
 * A failure here is ignored: the probes then pay what they paid before.
 *
 * Cost: about 0.1 s once per process (per Lambda cold start, not per round or per check), mostly CPU: about
 * $0.000002 a cold start at 1024 MB, nothing per check-month.
 */
export function warmUpEngine(probeOnce: ProbeOnce): Promise<void> {
  warming ??= withinLimit(warmUp(probeOnce));
  return warming;
}

/** However the warm-up goes, probing starts after at most this long. */
const warmUpLimitMs = 5_000;

function withinLimit(work: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, warmUpLimitMs);
    timer.unref();
    work
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

const context: ProbeContext = {
  region: 'warm-up',
  now: Date.now,
  resolveSecret: () => Promise.reject(new Error('the warm-up declares no secrets')),
};

/** What the warm-up servers answer: the body, plain or in the coding its path names (`/gzip`, `/br`). */
function warmUpResponder(): (
  path: string | undefined,
  reply: (encoding: string | undefined, body: Buffer) => void,
) => void {
  const plainBody = Buffer.from('Lookout warm-up\n'.repeat(64));
  const encodedBodies: Record<string, Buffer> = {
    '/gzip': gzipSync(plainBody),
    '/br': brotliCompressSync(plainBody),
  };
  return (path, reply) => {
    const encoded = path === undefined ? undefined : encodedBodies[path];
    reply(encoded === undefined ? undefined : path?.slice(1), encoded ?? plainBody);
  };
}

async function warmUp(probeOnce: ProbeOnce): Promise<void> {
  const { certPem, keyPem } = certificate();
  const respond = warmUpResponder();
  const http = createHttpServer((request, response) =>
    respond(request.url, (encoding, body) => {
      response.writeHead(200, {
        'content-type': 'text/plain',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      response.end(body);
    }),
  );
  const https = createSecureServer({ cert: certPem, key: keyPem, allowHTTP1: true }, (request, response) =>
    respond(request.url, (encoding, body) => {
      response.writeHead(200, {
        'content-type': 'text/plain',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      response.end(body);
    }),
  );
  try {
    const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);
    await systemResolver('localhost').catch(() => undefined);
    const checks: ResolvedProbedCheck[] = [
      warmUpHttpCheck(`http://127.0.0.1:${httpPort}/`),
      warmUpHttpCheck(`http://127.0.0.1:${httpPort}/gzip`),
      warmUpHttpCheck(`https://127.0.0.1:${httpsPort}/br`),
      warmUpHttpCheck(`https://127.0.0.1:${httpsPort}/gzip`, '1.1'),
      warmUpTcpCheck(httpPort),
    ];
    for (let pass = 0; pass < warmUpPasses; pass++) {
      for (const check of checks) await probeOnce(check, context);
    }
  } finally {
    http.closeAllConnections();
    await Promise.all([close(http), close(https)]);
  }
}

let warmUpCertificate: CertificateAndKey | undefined;

/** The warm-up's throwaway certificate, made once per process. */
function certificate(): CertificateAndKey {
  warmUpCertificate ??= selfSignedCertificate('Lookout engine warm-up');
  return warmUpCertificate;
}

/**
 * Runs one TLS handshake with a secure context that was just built, before any probe uses it, so that what
 * OpenSSL does on a context's first handshake (sorting its trust store for lookups, fetching the algorithms of its
 * groups) is not in that probe's `tlsMs`. In memory: the server end is a `TLSSocket` on the other half of a
 * duplex pair, with the warm-up certificate (which the context does not trust: verifying it still looks the
 * store up). Resolves whatever happens, within 2 s.
 *
 * Cost: about 1 ms of CPU once per distinct TLS option set per process.
 */
export function warmUpSecureContext(secureContext: SecureContext): Promise<void> {
  const alpnProtocols = ['h2', 'http/1.1'];
  const { certPem, keyPem } = certificate();
  const [clientSide, serverSide] = duplexPair();
  const server = new TLSSocket(serverSide, {
    isServer: true,
    secureContext: createSecureContext({ cert: certPem, key: keyPem }),
    ALPNProtocols: alpnProtocols,
  });
  server.on('error', () => undefined);
  const client = tlsConnect({
    socket: clientSide,
    secureContext,
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    ALPNProtocols: alpnProtocols,
  });
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.getPeerX509Certificate();
      client.destroy();
      server.destroy();
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    timer.unref();
    client.once('secureConnect', done);
    client.once('error', done);
  });
}

function warmUpHttpCheck(url: string, httpVersion?: '1.1'): ResolvedHttpCheck {
  return {
    ...warmUpCheckBase('warm-up-http'),
    kind: 'http',
    url,
    method: 'GET',
    headers: {},
    maxRedirects: 0,
    maxBodyBytes: builtInCheckDefaults.maxBodyBytes,
    assertions: [
      { source: 'status', comparison: 'lessThan', target: 400 },
      { source: 'body', comparison: 'contains', target: 'warm-up' },
    ],
    tls: {
      minVersion: builtInCheckDefaults.minVersion,
      // Self-signed: verified (the verdict is read, as every probe's is), then let through.
      insecure: true,
      keyExchangeGroups: [...builtInCheckDefaults.keyExchangeGroups],
    },
    ...(httpVersion === undefined ? {} : { httpVersion }),
  };
}

function warmUpTcpCheck(port: number): ResolvedTcpCheck {
  return { ...warmUpCheckBase('warm-up-tcp'), kind: 'tcp', host: '127.0.0.1', port };
}

function warmUpCheckBase(id: string) {
  return {
    id,
    name: id,
    regions: [context.region],
    intervalMs: builtInCheckDefaults.intervalMs,
    timeoutMs: 2_000,
    retries: 0,
    assertions: [],
    alert: {
      regionsToFail: 1,
      consecutiveFailures: builtInCheckDefaults.consecutiveFailures,
      consecutiveSuccesses: builtInCheckDefaults.consecutiveSuccesses,
      certificateWarningDays: builtInCheckDefaults.certificateWarningDays,
      certificateCriticalDays: builtInCheckDefaults.certificateCriticalDays,
    },
    tags: [],
  };
}

function listen(server: Server | Http2SecureServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server | Http2SecureServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
