import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

// Margins are wide on purpose: the machine is small and shared. Each bound would still fail if the
// engine attributed the injected delay to the wrong phase.
describe('probeCheck (http): phase timings', () => {
  it('puts a delay before the headers in ttfbMs, not in connect or transfer', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'respond', body: 'late', delayMs: 300 } }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectOk(result);
    expect(result.phases.ttfbMs).toBeGreaterThanOrEqual(280);
    expect(result.phases.connectMs).toBeLessThan(100);
    expect(result.phases.transferMs).toBeLessThan(100);
    expect(result.phases.dnsMs).toBe(0);
    expect(result.phases.tlsMs).toBe(0);
    expect(result.totalMs).toBeGreaterThanOrEqual(280);
  });

  it('puts a body trickled after the headers in transferMs, not in ttfb', async () => {
    const chunks = ['one,', 'two,', 'three,', 'four,', 'five'];
    const server = await started(startHttpServer({ respond: { kind: 'trickle', chunks, intervalMs: 60 } }));

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectOk(result);
    expect(result.bytesRead).toBe(chunks.join('').length);
    expect(result.phases.transferMs).toBeGreaterThanOrEqual(200);
    expect(result.phases.ttfbMs).toBeLessThan(150);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.phases.transferMs);
  });

  it('fails with TIMEOUT, and drops the connection, when the trickle outlasts the deadline', async () => {
    const chunks = Array.from({ length: 20 }, (_, index) => `chunk-${index};`);
    const server = await started(startHttpServer({ respond: { kind: 'trickle', chunks, intervalMs: 100 } }));

    const result = await probeCheck(httpCheck({ url: server.url, timeoutMs: 700 }), testContext());

    expectFailure(result, 'TIMEOUT', /time/i);
    expect(result.error?.phase).toBe('transfer');
    expect(result.totalMs).toBeGreaterThanOrEqual(650);
    expect(result.totalMs).toBeLessThan(1_700);
    await server.connections.waitUntilIdle(2_000);
  });
});
