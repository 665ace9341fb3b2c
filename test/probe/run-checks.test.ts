import { describe, expect, it } from 'vitest';
import { runChecks } from '../../functions/probe';
import { testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, tcpCheck, testContext, tlsCheck } from '../support/resolved-checks';
import type { ResponsePlan } from '../support/servers';
import { startHttpServer, startTcpServer } from '../support/servers';

const started = closeAfterEach();

describe('runChecks', () => {
  it('returns nothing for no checks', async () => {
    expect(await runChecks([], { ...testContext(), concurrency: 2 })).toEqual([]);
  });

  it('returns results in input order, whatever order the probes finish in', async () => {
    const plans: Record<string, ResponsePlan> = {
      '/slow': { kind: 'respond', status: 201, delayMs: 300 },
      '/medium': { kind: 'respond', status: 202, delayMs: 150 },
      '/fast': { kind: 'respond', status: 203 },
    };
    const server = await started(
      startHttpServer({ respond: (request) => plans[request.path] ?? { kind: 'respond', status: 404 } }),
    );
    const checks = ['slow', 'medium', 'fast'].map((name) =>
      httpCheck({ id: name, url: `${server.url}/${name}` }),
    );

    const results = await runChecks(checks, { ...testContext(), region: 'eu-west-1', concurrency: 3 });

    expect(results.map((result) => result.checkId)).toEqual(['slow', 'medium', 'fast']);
    expect(results.map((result) => result.status)).toEqual([201, 202, 203]);
    expect(results.map((result) => result.region)).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1']);
  });

  it('never runs more probes at once than the concurrency, and does run that many', async () => {
    const server = await started(startHttpServer({ respond: { kind: 'respond', body: 'ok', delayMs: 150 } }));
    const checks = Array.from({ length: 6 }, (_, index) => httpCheck({ id: `c${index}`, url: server.url }));

    const results = await runChecks(checks, { ...testContext(), concurrency: 2 });

    for (const result of results) expectOk(result);
    expect(server.requests).toHaveLength(6);
    expect(server.maxConcurrentRequests()).toBe(2);
  });

  it('lets a hanging target delay nothing but itself', async () => {
    const hanging = await started(startHttpServer({ respond: { kind: 'hang' } }));
    const fast = await started(startHttpServer({ respond: { kind: 'respond', body: 'ok' } }));
    const timeoutMs = 1_500;
    const checks = [
      httpCheck({ id: 'hanging', url: hanging.url, timeoutMs }),
      ...Array.from({ length: 5 }, (_, index) =>
        httpCheck({ id: `fast-${index}`, url: fast.url, timeoutMs }),
      ),
    ];
    const batchStartedMs = performance.now();

    const results = await runChecks(checks, { ...testContext(), concurrency: 2 });

    const batchMs = performance.now() - batchStartedMs;
    expect(results.map((result) => result.checkId)).toEqual(checks.map((check) => check.id));
    const [hangingResult, ...fastResults] = results;
    if (!hangingResult) throw new Error('no result for the hanging check');
    expectFailure(hangingResult, 'TIMEOUT', /time/i);
    for (const result of fastResults) expectOk(result);
    // A pool that waited for the slowest probe of each pair would take 3 × 1.5 s.
    expect(batchMs).toBeLessThan(2 * timeoutMs);
    await hanging.connections.waitUntilIdle(2_000);
    const hangingClosedAtMs = hanging.requests[0]?.connectionClosedAtMs ?? 0;
    expect(hangingClosedAtMs).toBeGreaterThan(0);
    for (const request of fast.requests) expect(request.receivedAtMs).toBeLessThan(hangingClosedAtMs);
  });

  it('runs HTTP, TCP and TLS checks side by side', async () => {
    const certificates = await testCertificates();
    const http = await started(startHttpServer());
    const tcp = await started(startTcpServer({ kind: 'echo' }));
    const https = await started(startHttpServer({ tls: certificates.valid }));
    const checks = [
      httpCheck({ id: 'web', url: http.url }),
      tcpCheck({ id: 'echo', port: tcp.port, send: 'hi', expect: 'hi' }),
      tlsCheck({ id: 'cert', port: https.port, tls: { ca: certificates.ca.certPem } }),
    ];

    const results = await runChecks(checks, { ...testContext(), concurrency: 3 });

    expect(results.map((result) => [result.checkId, result.kind])).toEqual([
      ['web', 'http'],
      ['echo', 'tcp'],
      ['cert', 'tls'],
    ]);
    for (const result of results) expectOk(result);
  });
});
