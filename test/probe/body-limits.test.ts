import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, IMPLICIT_STATUS_ASSERTION, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

const KIB = 1024;
const MIB = 1024 * KIB;
/** A socket read seldom exceeds this, so a reader that stops at the cap overshoots by at most this much. */
const ONE_READ_BYTES = 64 * KIB;

function memoryInUseBytes(): number {
  const usage = process.memoryUsage();
  return usage.rss + usage.arrayBuffers;
}

describe('probeCheck (http): body limits', () => {
  it('reads a 1 GB body only up to maxBodyBytes, drops the connection, and keeps memory bounded', async () => {
    const server = await started(
      startHttpServer({ respond: { kind: 'endlessBody', totalBytes: 1024 * MIB } }),
    );
    const memoryBeforeBytes = memoryInUseBytes();

    const result = await probeCheck(httpCheck({ url: server.url, maxBodyBytes: MIB }), testContext());

    expectOk(result);
    expect(result.status).toBe(200);
    expect(result.bodyTruncated).toBe(true);
    expect(result.bytesRead).toBeGreaterThanOrEqual(MIB);
    expect(result.bytesRead).toBeLessThanOrEqual(MIB + ONE_READ_BYTES);
    // The server stops writing once the probe hangs up; it must notice within a moment.
    await server.connections.waitUntilIdle(5_000);
    expect(server.bodyBytesWritten()).toBeLessThan(64 * MIB);
    expect(memoryInUseBytes() - memoryBeforeBytes).toBeLessThan(100 * 1000 * 1000);
  });

  it('marks a body longer than the cap as truncated and counts the bytes read', async () => {
    const body = 'a'.repeat(5_000);
    const server = await started(startHttpServer({ respond: { kind: 'respond', body } }));

    const result = await probeCheck(httpCheck({ url: server.url, maxBodyBytes: 1_000 }), testContext());

    expectOk(result);
    expect(result.bodyTruncated).toBe(true);
    expect(result.bytesRead).toBeGreaterThanOrEqual(1_000);
    expect(result.bytesRead).toBeLessThanOrEqual(5_000);
  });

  it('does not mark a body of exactly maxBodyBytes as truncated', async () => {
    const server = await started(startHttpServer({ respond: { kind: 'respond', body: 'b'.repeat(1_000) } }));

    const result = await probeCheck(httpCheck({ url: server.url, maxBodyBytes: 1_000 }), testContext());

    expectOk(result);
    expect(result.bytesRead).toBe(1_000);
    expect(result.bodyTruncated ?? false).toBe(false);
  });

  it('judges body assertions on the first maxBodyBytes only', async () => {
    const body = `HEAD-MARKER${'c'.repeat(4_000)}TAIL-MARKER`;
    const server = await started(startHttpServer({ respond: { kind: 'respond', body } }));
    const check = (target: string) =>
      httpCheck({
        url: server.url,
        maxBodyBytes: 1_000,
        assertions: [IMPLICIT_STATUS_ASSERTION, { source: 'body', comparison: 'contains', target }],
      });

    const head = await probeCheck(check('HEAD-MARKER'), testContext());
    const tail = await probeCheck(check('TAIL-MARKER'), testContext());

    expectOk(head);
    expectFailure(tail, 'ASSERTION_FAILED', /TAIL-MARKER/);
    expect(tail.assertions[1]?.passed).toBe(false);
  });
});
