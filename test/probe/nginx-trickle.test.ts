import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { startNginx, type TestNginx } from '../support/nginx';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';

/** 64 KB, sent at 100 KB/s by nginx's `limit_rate`: a transfer of about 0.6 s. */
const bodyBytes = 64_000;

let nginx: TestNginx;

beforeAll(async () => {
  nginx = await startNginx({
    files: { 'slow.txt': 'x'.repeat(bodyBytes) },
    sites: {
      trickle: {
        directives:
          'location = /slow.txt { alias {{slow.txt}}; limit_rate 100k; sendfile off; output_buffers 1 8k; }',
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await nginx?.close();
});

describe('probeCheck (http) against nginx: a limit_rate trickle', () => {
  it('puts the trickle in transferMs, not in ttfb', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('trickle', '/slow.txt'), headers: { 'accept-encoding': 'identity' } }),
      testContext(),
    );

    expectOk(result);
    expect(result.bytesRead).toBe(bodyBytes);
    expect(result.phases.transferMs).toBeGreaterThanOrEqual(300);
    expect(result.phases.ttfbMs).toBeLessThan(200);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.phases.transferMs);
  });

  it('fails with TIMEOUT in the transfer phase when the trickle outlasts the deadline, keeping status and bytes', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('trickle', '/slow.txt'), timeoutMs: 300 }),
      testContext(),
    );

    expectFailure(result, 'TIMEOUT', /waiting for the response body \(\d+ bytes read\)/);
    expect(result.error?.phase).toBe('transfer');
    expect(result.status).toBe(200);
    expect(result.bytesRead).toBeGreaterThan(0);
    expect(result.bytesRead).toBeLessThan(bodyBytes);
  });
});
