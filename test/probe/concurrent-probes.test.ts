import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../functions/core/probe-result';
import { probeCheck, runChecks } from '../../functions/probe';
import { testCertificates } from '../support/certificates';
import { startNginx, type TestNginx } from '../support/nginx';
import { httpCheck, testContext } from '../support/resolved-checks';

let nginx: TestNginx;
let ca: string;

beforeAll(async () => {
  const certificates = await testCertificates();
  ca = certificates.ca.certPem;
  // nginx, its own process: what it spends on handshakes is not on the probes' thread.
  nginx = await startNginx({
    files: { 'leaf.crt': certificates.valid.certPem, 'leaf.key': certificates.valid.keyPem },
    sites: {
      https: {
        listen: 'ssl',
        directives: 'ssl_certificate {{leaf.crt}}; ssl_certificate_key {{leaf.key}}; return 200 "ok\\n";',
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await nginx?.close();
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const tlsMsOf = (results: ProbeResult[]) => results.map((result) => result.phases.tlsMs);

describe('probes in flight together on one thread', () => {
  it('report the TLS phase a lone probe reports, not the CPU of the other handshakes', {
    timeout: 60_000,
  }, async () => {
    const check = (id: string) =>
      httpCheck({ id, url: nginx.url('https', '/'), maxRedirects: 0, tls: { ca } });
    const lone: ProbeResult[] = [];
    for (let index = 0; index < 15; index++)
      lone.push(await probeCheck(check(`lone-${index}`), testContext()));

    const together = await runChecks(
      Array.from({ length: 150 }, (_, index) => check(`together-${index}`)),
      { ...testContext(), concurrency: 50 },
    );

    for (const result of [...lone, ...together]) expect(result.error).toBeUndefined();
    const loneMs = median(tlsMsOf(lone));
    const togetherMs = median(tlsMsOf(together));
    // Started all at once, 50 handshakes' CPU work queued on the one thread, and the median TLS phase read several
    // times a lone one's. Margin for a small, shared machine.
    expect(togetherMs, `median tlsMs, lone ${loneMs} ms`).toBeLessThanOrEqual(loneMs + 2);
  });
});
