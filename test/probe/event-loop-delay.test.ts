import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

function blockEventLoop(durationMs: number): void {
  const until = performance.now() + durationMs;
  while (performance.now() < until) {
    // Busy: stands for other probes' handshakes on the same thread.
  }
}

describe('probeCheck: the event-loop delay of each probe', () => {
  it('records how long the loop was busy elsewhere while the probe was in flight', async () => {
    // The server runs on the probe's own thread: while it answers, it keeps the loop busy for 60 ms, as other
    // probes' handshakes would.
    const server = await started(
      startHttpServer({
        respond: () => {
          blockEventLoop(60);
          return { kind: 'respond', body: 'ok' };
        },
      }),
    );

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectOk(result);
    expect(result.eventLoopDelayMs).toBeGreaterThanOrEqual(50);
    // The stall is why the ttfb reads long; the field says so.
    expect(result.phases.ttfbMs).toBeGreaterThanOrEqual(55);
  });

  it('stays small for a probe that had the loop to itself', async () => {
    const server = await started(startHttpServer({ respond: { kind: 'respond', body: 'ok', delayMs: 50 } }));

    const result = await probeCheck(httpCheck({ url: server.url }), testContext());

    expectOk(result);
    expect(result.eventLoopDelayMs).toBeGreaterThanOrEqual(0);
    // Generous: the machine is small and shared, and the timer's own granularity is 1 ms.
    expect(result.eventLoopDelayMs).toBeLessThan(25);
  });

  it('does not keep a process alive or leave its timer running once probes are over', async () => {
    const server = await started(startHttpServer());
    const before = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

    await probeCheck(httpCheck({ url: server.url }), testContext());

    const after = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(before);
  });
});
