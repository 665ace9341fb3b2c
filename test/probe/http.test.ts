import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, IMPLICIT_STATUS_ASSERTION, testContext } from '../support/resolved-checks';
import { closedPort, startHttpServer } from '../support/servers';

const started = closeAfterEach();

describe('probeCheck (http): a healthy target', () => {
  it('records status, bytes, target, region, clock, attempt and the passed status assertion', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'respond', status: 200, body: 'hello world' } }),
    );
    const fixedNowMs = Date.parse('2031-02-03T04:05:06.789Z');
    const url = `${server.url}/health`;

    const result = await probeCheck(
      httpCheck({ id: 'orders-api', url }),
      testContext({ now: () => fixedNowMs }),
    );

    expectOk(result);
    expect(result).toMatchObject({
      checkId: 'orders-api',
      kind: 'http',
      region: 'local',
      target: url,
      startedAt: '2031-02-03T04:05:06.789Z',
      status: 200,
      bytesRead: 'hello world'.length,
      attempt: 1,
      degraded: false,
      remoteAddress: '127.0.0.1',
    });
    expect(result.bodyTruncated ?? false).toBe(false);
    expect(result.assertions).toHaveLength(1);
    expect(result.assertions[0]).toMatchObject({
      assertion: IMPLICIT_STATUS_ASSERTION,
      passed: true,
      actual: 200,
    });
    expect(server.requests.map((request) => request.path)).toEqual(['/health']);
  });

  it('measures no DNS for an IP literal and no TLS for plain HTTP, and a total covering the phases', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectOk(result);
    expect(result.phases.dnsMs).toBe(0);
    expect(result.phases.tlsMs).toBe(0);
    const { connectMs, ttfbMs, transferMs } = result.phases;
    for (const phaseMs of [connectMs, ttfbMs, transferMs]) expect(phaseMs).toBeGreaterThanOrEqual(0);
    expect(result.totalMs).toBeGreaterThanOrEqual(connectMs + ttfbMs + transferMs - 1);
  });

  it('opens a fresh connection for every probe and closes it afterwards', async () => {
    const server = await started(startHttpServer());
    const check = httpCheck({ url: server.url });

    expectOk(await probeCheck(check, testContext()));
    expectOk(await probeCheck(check, testContext()));

    expect(server.connections.total).toBe(2);
    await server.connections.waitUntilIdle(2_000);
  });
});

describe('probeCheck (http): the request', () => {
  it('sends the method, headers and body of the check', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'respond', status: 201, body: 'created' } }),
    );

    const result = await probeCheck(
      httpCheck({
        url: `${server.url}/orders?dry-run=1`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'probe-42' },
        body: '{"item":"widget","quantity":3}',
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.status).toBe(201);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/orders?dry-run=1',
      body: '{"item":"widget","quantity":3}',
    });
    expect(server.requests[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-request-id': 'probe-42',
    });
  });

  it.each([
    { status: 200, outcome: 'passes' },
    { status: 500, outcome: 'fails' },
  ])(
    'resolves secret headers through the context and never records their value ($outcome)',
    async ({ status }) => {
      const secretValue = 'Bearer s3cr3t-t0ken-8c1f';
      const server = await started(startHttpServer({ respond: { kind: 'respond', status, body: 'x' } }));

      const result = await probeCheck(
        httpCheck({
          url: server.url,
          headers: { authorization: { kind: 'secret', ref: '/lookout/orders-token' } },
        }),
        testContext({ secrets: { '/lookout/orders-token': secretValue } }),
      );

      expect(result.ok).toBe(status < 400);
      expect(server.requests[0]?.headers.authorization).toBe(secretValue);
      expect(JSON.stringify(result)).not.toContain('s3cr3t-t0ken-8c1f');
    },
  );

  it('fails with INTERNAL, sending nothing, when a secret cannot be read', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(
      httpCheck({ url: server.url, headers: { authorization: { kind: 'secret', ref: '/lookout/missing' } } }),
      testContext({ secrets: {} }),
    );

    expectFailure(result, 'INTERNAL', /secret/i);
    expect(server.requests).toHaveLength(0);
  });
});

describe('probeCheck (http): assertions', () => {
  it.each([404, 500, 503])(
    'fails status %i with ASSERTION_FAILED through the implicit status assertion',
    async (status) => {
      const server = await started(startHttpServer({ respond: { kind: 'respond', status, body: 'nope' } }));

      const result = await probeCheck(httpCheck({ url: server.url }), testContext());

      expectFailure(result, 'ASSERTION_FAILED', new RegExp(`${status}`));
      expect(result.status).toBe(status);
      expect(result.assertions[0]).toMatchObject({
        assertion: IMPLICIT_STATUS_ASSERTION,
        passed: false,
        actual: status,
      });
    },
  );

  it('judges declared body and header assertions against the response', async () => {
    const server = await started(
      startHttpServer({
        respond: { kind: 'respond', body: '{"status":"healthy"}', headers: { 'x-version': '42' } },
      }),
    );
    const assertions = [
      IMPLICIT_STATUS_ASSERTION,
      { source: 'body', comparison: 'contains', target: 'healthy' },
      { source: 'header', property: 'x-version', comparison: 'equals', target: '42' },
      { source: 'body', comparison: 'contains', target: 'degraded' },
    ] as const;

    const result = await probeCheck(
      httpCheck({ url: server.url, assertions: [...assertions] }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /degraded/);
    expect(result.assertions.map((outcome) => outcome.passed)).toEqual([true, true, true, false]);
  });

  it('marks a passing probe slower than degradedLatencyMs as degraded', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'respond', body: 'slow', delayMs: 300 } }),
    );

    const slow = await probeCheck(httpCheck({ url: server.url, degradedLatencyMs: 100 }), testContext());
    const generous = await probeCheck(
      httpCheck({ url: server.url, degradedLatencyMs: 10_000 }),
      testContext(),
    );

    expectOk(slow);
    expect(slow.degraded).toBe(true);
    expectOk(generous);
    expect(generous.degraded).toBe(false);
  });
});

describe('probeCheck (http): network failures', () => {
  it('fails with CONNECT_REFUSED on a closed port', async () => {
    const port = await closedPort();

    const result = await probeCheck(httpCheck({ url: `http://127.0.0.1:${port}/` }), testContext());

    expectFailure(result, 'CONNECT_REFUSED', /refused/i);
    expect(result.error?.phase).toBe('connect');
  });

  it('fails with TIMEOUT at the deadline when the server accepts and never answers', async () => {
    const server = await started(startHttpServer({ respond: { kind: 'hang' } }));

    const result = await probeCheck(httpCheck({ url: server.url, timeoutMs: 500 }), testContext());

    expectFailure(result, 'TIMEOUT', /time/i);
    expect(result.error?.phase).toBe('ttfb');
    expect(result.totalMs).toBeGreaterThanOrEqual(450);
    expect(result.totalMs).toBeLessThan(1_500);
    await server.connections.waitUntilIdle(2_000);
  });

  it('fails with CONNECTION_RESET when the server resets mid-body', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'resetMidBody', declaredBytes: 10_000, body: 'partial body' } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectFailure(result, 'CONNECTION_RESET', /reset/i);
    expect(result.error?.phase).toBe('transfer');
  });

  it('fails with PROTOCOL_ERROR when the body stops short of its Content-Length and the server closes', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'truncatedBody', declaredBytes: 10_000, body: 'only this much' } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /content-length/i);
  });
});
