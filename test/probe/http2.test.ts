import {
  createSecureServer,
  createServer,
  type Http2SecureServer,
  type Http2Server,
  type ServerHttp2Stream,
} from 'node:http2';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { expect as lookoutExpect } from '../../functions/core';
import { probeCheck } from '../../functions/probe';
import { type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { closeServer } from '../support/close-server';
import { startNginx, type TestNginx } from '../support/nginx';
import { startOpensslServer } from '../support/openssl-server';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

let certificates: TestCertificates;
let nginx: TestNginx;

beforeAll(async () => {
  certificates = await testCertificates();
  nginx = await startNginx({
    files: { 'leaf.crt': certificates.valid.certPem, 'leaf.key': certificates.valid.keyPem },
    sites: {
      h2: {
        listen: 'ssl http2',
        directives:
          'ssl_certificate {{leaf.crt}}; ssl_certificate_key {{leaf.key}}; return 200 "spoken $server_protocol\\n";',
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await nginx?.close();
});

/** A Node HTTP/2 server that answers each stream with `answer`; `allowHTTP1: false` when over TLS. */
async function startHttp2Server(
  answer: (stream: ServerHttp2Stream) => void | Promise<void>,
  tls = true,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Http2Server | Http2SecureServer = tls
    ? createSecureServer({
        cert: certificates.valid.certPem,
        key: certificates.valid.keyPem,
        allowHTTP1: false,
      })
    : createServer();
  const sessions = new Set<{ destroy(): void }>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream) => {
    stream.on('error', () => {});
    void answer(stream);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    close: async () => {
      const closed = closeServer(server);
      for (const session of sessions) session.destroy();
      await closed;
    },
  };
}

const ca = () => certificates.ca.certPem;

describe('probeCheck (https): HTTP/2 by ALPN', () => {
  it('speaks HTTP/2 when nginx chooses h2, and records it', async () => {
    const result = await probeCheck(
      httpCheck({
        url: nginx.url('h2'),
        tls: { ca: ca() },
        assertions: [lookoutExpect.body().contains('HTTP/2.0')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('2');
    expect(result.status).toBe(200);
  });

  it('speaks HTTP/1.1 to the same nginx when the check pins 1.1', async () => {
    const result = await probeCheck(
      httpCheck({
        url: nginx.url('h2'),
        tls: { ca: ca() },
        httpVersion: '1.1',
        assertions: [lookoutExpect.body().contains('HTTP/1.1')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('1.1');
  });

  it('probes a server that accepts only h2', async () => {
    const server = await started(
      startHttp2Server((stream) => {
        stream.respond({ ':status': 200, 'content-type': 'text/plain' });
        stream.end('only h2 here');
      }),
    );

    const result = await probeCheck(
      httpCheck({
        url: server.url,
        tls: { ca: ca() },
        assertions: [lookoutExpect.body().equals('only h2 here')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('2');
  });

  it('fails a check pinned to 1.1 against an h2-only server with TLS_HANDSHAKE_FAILED no_application_protocol', async () => {
    const server = await started(
      startHttp2Server((stream) => stream.respond({ ':status': 200 }, { endStream: true })),
    );

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: ca() }, httpVersion: '1.1' }),
      testContext(),
    );

    expectFailure(result, 'TLS_HANDSHAKE_FAILED', /application protocols.*\(no_application_protocol\)/);
    expect(result.error?.phase).toBe('tls');
  });

  it('fails a check pinned to 2 against an HTTP/1.1 server with TLS_HANDSHAKE_FAILED no_application_protocol', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: ca() }, httpVersion: '2' }),
      testContext(),
    );

    expectFailure(result, 'TLS_HANDSHAKE_FAILED', /\(no_application_protocol\)/);
    expect(result.error?.phase).toBe('tls');
  });

  it('fails a check pinned to 2 against a server that ignores ALPN with PROTOCOL_ERROR in the tls phase', async () => {
    const server = await started(startOpensslServer({ certificate: certificates.valid }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: ca() }, httpVersion: '2' }),
      testContext(),
    );

    expectFailure(result, 'PROTOCOL_ERROR', /pins HTTP\/2.*did not choose h2/);
    expect(result.error?.phase).toBe('tls');
  });

  it('speaks h2c with prior knowledge to a plain http: URL when the check pins 2', async () => {
    const server = await started(
      startHttp2Server((stream) => {
        stream.respond({ ':status': 200 });
        stream.end('cleartext h2');
      }, false),
    );

    const result = await probeCheck(
      httpCheck({
        url: server.url,
        httpVersion: '2',
        assertions: [lookoutExpect.body().equals('cleartext h2')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('2');
    expect(result.phases.tlsMs).toBe(0);
  });
});

describe('probeCheck (https): phases and failures over HTTP/2', () => {
  it('puts a delay before the headers in ttfbMs and a trickled body in transferMs, skipping a 103', async () => {
    const server = await started(
      startHttp2Server(async (stream) => {
        await sleep(150);
        stream.additionalHeaders({ ':status': 103, link: '</style.css>; rel=preload' });
        stream.respond({ ':status': 200 });
        stream.write('first ');
        await sleep(150);
        stream.end('second');
      }),
    );

    const result = await probeCheck(
      httpCheck({
        url: server.url,
        tls: { ca: ca() },
        assertions: [lookoutExpect.body().equals('first second')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.status).toBe(200);
    expect(result.phases.ttfbMs).toBeGreaterThanOrEqual(140);
    expect(result.phases.ttfbMs).toBeLessThan(290);
    expect(result.phases.transferMs).toBeGreaterThanOrEqual(140);
  });

  it('fails with PROTOCOL_ERROR, keeping the status, when the server resets the stream mid-body', async () => {
    const server = await started(
      startHttp2Server(async (stream) => {
        stream.respond({ ':status': 200 });
        stream.write('partial ');
        await sleep(50);
        stream.destroy(new Error('the server gives up'));
      }),
    );

    const result = await probeCheck(httpCheck({ url: server.url, tls: { ca: ca() } }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /HTTP\/2/);
    expect(result.error?.phase).toBe('transfer');
    expect(result.status).toBe(200);
    expect(result.bytesRead).toBe(8);
    expect(result.httpVersion).toBe('2');
  });

  it('fails with TIMEOUT in the ttfb phase when the stream never answers', async () => {
    const server = await started(startHttp2Server(() => {}));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: ca() }, timeoutMs: 300 }),
      testContext(),
    );

    expectFailure(result, 'TIMEOUT', /waiting for a response/);
    expect(result.error?.phase).toBe('ttfb');
  });
});
