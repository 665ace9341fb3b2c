import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { closedPort, type ResponsePlanner, startHttpServer } from '../support/servers';

const started = closeAfterEach();

/** Resets the first connection before answering, then answers 200. */
const resetFirstThenAnswer: ResponsePlanner = (_request, index) =>
  index === 0 ? { kind: 'resetBeforeResponse' } : { kind: 'respond', status: 200, body: 'second time lucky' };

describe('probeCheck: retries', () => {
  it('retries a network failure and records the attempt that passed', async () => {
    const server = await started(startHttpServer({ respond: resetFirstThenAnswer }));

    const result = await probeCheck(httpCheck({ url: server.url, retries: 1 }), testContext());

    expectOk(result);
    expect(result.attempt).toBe(2);
    expect(result.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('reports the network failure on attempt 1 without retries', async () => {
    const server = await started(startHttpServer({ respond: resetFirstThenAnswer }));

    const result = await probeCheck(httpCheck({ url: server.url, retries: 0 }), testContext());

    expectFailure(result, 'CONNECTION_RESET', /reset/i);
    expect(result.attempt).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('reports the last attempt when every retry fails', async () => {
    const port = await closedPort();

    const result = await probeCheck(
      httpCheck({ url: `http://127.0.0.1:${port}/`, retries: 2 }),
      testContext(),
    );

    expectFailure(result, 'CONNECT_REFUSED', /refused/i);
    expect(result.attempt).toBe(3);
  });

  it('does not retry an assertion failure', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'respond', status: 500, body: 'broken' } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url, retries: 2 }), testContext());

    expectFailure(result, 'ASSERTION_FAILED', /500/);
    expect(result.attempt).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});
