import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { redirectChain, redirectToSelf } from '../support/redirect-planners';
import { httpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

describe('probeCheck (http): redirects', () => {
  it('follows a chain of 3 redirects, records each hop, and sums the phases over the hops', async () => {
    const server = await started(startHttpServer({ respond: redirectChain({ hops: 3, delayMs: 100 }) }));

    const result = await probeCheck(
      httpCheck({ url: `${server.url}/hop/0`, maxRedirects: 5 }),
      testContext(),
    );

    expectOk(result);
    expect(result.status).toBe(200);
    expect(result.bytesRead).toBe('final'.length);
    expect(server.requests.map((request) => request.path)).toEqual(['/hop/0', '/hop/1', '/hop/2', '/final']);
    const hops = result.redirects ?? [];
    expect(hops).toHaveLength(3);
    expect(hops.map((hop) => hop.status)).toEqual([302, 302, 302]);
    expect(hops.map((hop) => new URL(hop.url).pathname)).toEqual(['/hop/0', '/hop/1', '/hop/2']);
    // `location` may be recorded as sent (relative) or resolved against the hop's URL.
    expect(hops.map((hop) => new URL(hop.location ?? '', hop.url).pathname)).toEqual([
      '/hop/1',
      '/hop/2',
      '/final',
    ]);
    for (const hop of hops) {
      expect(hop.phases.connectMs).toBeGreaterThan(0);
      expect(hop.phases.ttfbMs).toBeGreaterThanOrEqual(90);
    }
    // Four answers, each 100 ms late: only a sum over all hops reaches 380.
    expect(result.phases.ttfbMs).toBeGreaterThanOrEqual(380);
    const hopConnectMs = hops.reduce((sum, hop) => sum + hop.phases.connectMs, 0);
    expect(result.phases.connectMs).toBeGreaterThan(hopConnectMs);
  });

  it('classifies a reset on the final hop as CONNECTION_RESET, whatever became of the earlier hop', async () => {
    const server = await started(
      startHttpServer({
        respond: (request) =>
          request.path === '/start'
            ? { kind: 'redirect', status: 302, location: '/final' }
            : { kind: 'resetMidBody', declaredBytes: 1000, body: 'partial' },
      }),
    );

    const result = await probeCheck(httpCheck({ url: `${server.url}/start` }), testContext());

    expectFailure(result, 'CONNECTION_RESET', /reset/);
    expect(result.redirects).toHaveLength(1);
  });

  it('follows exactly maxRedirects redirects', async () => {
    const server = await started(startHttpServer({ respond: redirectChain({ hops: 3 }) }));

    const result = await probeCheck(
      httpCheck({ url: `${server.url}/hop/0`, maxRedirects: 3 }),
      testContext(),
    );

    expectOk(result);
    expect(result.redirects).toHaveLength(3);
  });

  it('fails with TOO_MANY_REDIRECTS one redirect past maxRedirects', async () => {
    const server = await started(startHttpServer({ respond: redirectChain({ hops: 4 }) }));

    const result = await probeCheck(
      httpCheck({ url: `${server.url}/hop/0`, maxRedirects: 3 }),
      testContext(),
    );

    expectFailure(result, 'TOO_MANY_REDIRECTS', /redirect/i);
    expect(server.requests.map((request) => request.path)).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3']);
  });

  it('fails with TOO_MANY_REDIRECTS on a redirect loop, after maxRedirects + 1 requests', async () => {
    const server = await started(startHttpServer({ respond: redirectToSelf() }));

    const result = await probeCheck(httpCheck({ url: `${server.url}/loop`, maxRedirects: 4 }), testContext());

    expectFailure(result, 'TOO_MANY_REDIRECTS', /redirect/i);
    expect(server.requests).toHaveLength(5);
  });

  it('follows an absolute redirect to another server and reports the final one', async () => {
    const final = await started(startHttpServer({ respond: { kind: 'respond', status: 204 } }));
    const first = await started(
      startHttpServer({ respond: { kind: 'redirect', status: 301, location: `${final.url}/landing` } }),
    );

    const result = await probeCheck(httpCheck({ url: `${first.url}/moved` }), testContext());

    expectOk(result);
    expect(result.status).toBe(204);
    expect(result.redirects?.map((hop) => hop.status)).toEqual([301]);
    expect(final.requests.map((request) => request.path)).toEqual(['/landing']);
  });

  it('applies one deadline to the whole chain, not one per hop', async () => {
    // Every hop answers well inside the timeout; only their sum passes it.
    const server = await started(startHttpServer({ respond: redirectChain({ hops: 4, delayMs: 300 }) }));

    const result = await probeCheck(httpCheck({ url: `${server.url}/hop/0`, timeoutMs: 800 }), testContext());

    expectFailure(result, 'TIMEOUT', /time/i);
    expect(result.totalMs).toBeLessThan(1_800);
    expect(server.requests.length).toBeLessThan(5);
  });
});
