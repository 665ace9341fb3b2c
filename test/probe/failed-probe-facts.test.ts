import { beforeAll, describe, expect, it } from 'vitest';
import { expect as lookoutExpect } from '../../functions/core';
import type { ErrorPhase, ProbeResult } from '../../functions/core/probe-result';
import type { ResolvedProbedCheck } from '../../functions/core/resolve/resolved-monitor';
import { probeCheck } from '../../functions/probe';
import { type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure } from '../support/probe-expectations';
import { httpCheck, tcpCheck, testContext } from '../support/resolved-checks';
import { closedPort, startHttpServer, startTcpServer } from '../support/servers';

const started = closeAfterEach();

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await testCertificates();
});

describe('probeCheck: a failed probe keeps what it had seen', () => {
  it('keeps the status, version and bytes read when the body stops short of its Content-Length', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'truncatedBody', declaredBytes: 10_000, body: 'only this much' } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /14 body bytes read of the 10000 its Content-Length announced/);
    expect(result.error?.phase).toBe('transfer');
    expect(result.status).toBe(200);
    expect(result.httpVersion).toBe('1.1');
    expect(result.bytesRead).toBe(14);
  });

  it('keeps the status and bytes read when the server resets mid-body', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'resetMidBody', declaredBytes: 10_000, body: 'partial body' } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectFailure(result, 'CONNECTION_RESET', /reset the connection after 12 body bytes/);
    expect(result.status).toBe(200);
    expect(result.bytesRead).toBe(12);
  });

  it('keeps the bytes of a TCP reply that never matched', async () => {
    const server = await started(
      startTcpServer({ kind: 'banner', banner: 'HELLO\r\n', closeAfterBanner: true }),
    );

    const result = await probeCheck(tcpCheck({ port: server.port, expect: 'WELCOME' }), testContext());

    expectFailure(result, 'ASSERTION_FAILED', /HELLO/);
    expect(result.error?.phase).toBe('transfer');
    expect(result.bytesRead).toBe(7);
  });
});

describe('probeCheck: every error has a phase', () => {
  const cases: Array<{ name: string; phase: ErrorPhase; probe: () => Promise<ProbeResult> }> = [
    {
      name: 'a refused connection',
      phase: 'connect',
      probe: async () => run(httpCheck({ url: `http://127.0.0.1:${await closedPort()}/` })),
    },
    {
      name: 'an untrusted certificate',
      phase: 'tls',
      probe: async () =>
        run(httpCheck({ url: (await started(startHttpServer({ tls: certificates.selfSigned }))).url })),
    },
    {
      name: 'a status assertion',
      phase: 'ttfb',
      probe: async () =>
        run(
          httpCheck({
            url: (await started(startHttpServer({ respond: { kind: 'respond', status: 503 } }))).url,
          }),
        ),
    },
    {
      name: 'a body assertion',
      phase: 'transfer',
      probe: async () =>
        run(
          httpCheck({
            url: (await started(startHttpServer())).url,
            assertions: [lookoutExpect.body().contains('missing')],
          }),
        ),
    },
    {
      name: 'a latency assertion on the connect phase',
      phase: 'connect',
      probe: async () =>
        run(
          httpCheck({
            url: (await started(startHttpServer())).url,
            assertions: [{ source: 'latency', property: 'connect', comparison: 'lessThan', target: 0 }],
          }),
        ),
    },
    {
      name: 'too many redirects',
      phase: 'ttfb',
      probe: async () =>
        run(
          httpCheck({
            url: (await started(startHttpServer({ respond: { kind: 'redirect', location: '/again' } }))).url,
            maxRedirects: 1,
          }),
        ),
    },
    {
      name: 'a secret that cannot be read',
      phase: 'setup',
      probe: async () =>
        run(
          httpCheck({
            url: (await started(startHttpServer())).url,
            headers: { authorization: { kind: 'secret', ref: '/lookout/missing' } },
          }),
        ),
    },
  ];

  for (const { name, phase, probe } of cases) {
    it(`puts ${name} in the ${phase} phase`, async () => {
      const result = await probe();

      expect(result.ok).toBe(false);
      expect(result.error?.phase, result.error?.message).toBe(phase);
    });
  }
});

function run(check: ResolvedProbedCheck): Promise<ProbeResult> {
  return probeCheck(check, testContext());
}
