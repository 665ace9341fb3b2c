import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expect as lookoutExpect } from '../../functions/core';
import { probeCheck } from '../../functions/probe';
import { type TestCertificates, testCertificates } from '../support/certificates';
import { startNginx, type TestNginx } from '../support/nginx';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';

/**
 * `count` response headers of 4,000 characters each (nginx reads one configuration token of at most 4 KiB), in
 * letters that do not repeat in a way HPACK's Huffman code would shrink much.
 */
function largeHeaders(count: number): string {
  const value = Array.from(
    { length: 4_000 },
    (_, index) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[(index * 7) % 62],
  ).join('');
  return Array.from({ length: count }, (_, index) => `add_header X-Large-${index} "${value}";`).join('\n');
}

let certificates: TestCertificates;
let nginx: TestNginx;

beforeAll(async () => {
  certificates = await testCertificates();
  const tls = 'ssl_certificate {{leaf.crt}}; ssl_certificate_key {{leaf.key}};';
  nginx = await startNginx({
    files: { 'leaf.crt': certificates.valid.certPem, 'leaf.key': certificates.valid.keyPem },
    sites: {
      // About 200 KB of headers: over Node's 16 KiB default, under the probe's 256 KiB.
      large: { directives: `${largeHeaders(50)}\nreturn 200 "large headers\\n";` },
      // About 280 KB: over the probe's limit.
      tooLarge: { directives: `${largeHeaders(70)}\nreturn 200 "too large\\n";` },
      // About 100 KB over HTTP/2: within nghttp2's 8 CONTINUATION frames.
      largeHttp2: {
        listen: 'ssl http2',
        directives: `${tls}\n${largeHeaders(25)}\nreturn 200 "large headers\\n";`,
      },
      tooLargeHttp2: {
        listen: 'ssl http2',
        directives: `${tls}\n${largeHeaders(70)}\nreturn 200 "too large\\n";`,
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await nginx?.close();
});

describe('probeCheck (http) against nginx: large response headers', () => {
  it('accepts 200 KB of response headers over HTTP/1.1', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('large'), assertions: [lookoutExpect.header('x-large-49').exists()] }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('1.1');
  });

  it('fails 280 KB of headers with PROTOCOL_ERROR in the ttfb phase, naming the probe’s limit', async () => {
    const result = await probeCheck(httpCheck({ url: nginx.url('tooLarge') }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /larger than the probe accepts \(its limit is 256 KiB/);
    expect(result.error?.phase).toBe('ttfb');
  });

  it('accepts 100 KB of response headers over HTTP/2', async () => {
    const result = await probeCheck(
      httpCheck({
        url: nginx.url('largeHttp2'),
        tls: { ca: certificates.ca.certPem },
        assertions: [lookoutExpect.header('x-large-24').exists()],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('2');
  });

  it('fails 280 KB of headers over HTTP/2 with PROTOCOL_ERROR in the ttfb phase, naming the limit', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('tooLargeHttp2'), tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'PROTOCOL_ERROR', /larger than the probe accepts \(its limit is 256 KiB/);
    expect(result.error?.phase).toBe('ttfb');
  });
});
