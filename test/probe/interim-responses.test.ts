import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { startRawHttpServer } from '../support/raw-http-server';
import { httpCheck, testContext } from '../support/resolved-checks';

const started = closeAfterEach();

const finalResponse = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello';

describe('probeCheck (http): interim responses', () => {
  it('skips a 100 Continue the server sends unasked, and times ttfb to its first byte', async () => {
    const server = await started(
      startRawHttpServer(() => ['HTTP/1.1 100 Continue\r\n\r\n', { waitMs: 100 }, finalResponse]),
    );

    const result = await probeCheck(
      httpCheck({
        url: `${server.url}/`,
        assertions: [
          { source: 'status', comparison: 'equals', target: 200 },
          { source: 'body', comparison: 'equals', target: 'hello' },
        ],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.status).toBe(200);
    expect(result.httpVersion).toBe('1.1');
    expect(result.phases.ttfbMs).toBeLessThan(90);
    expect(result.phases.transferMs).toBeGreaterThanOrEqual(90);
  });

  it('skips 102 Processing and 103 Early Hints before the final response', async () => {
    const server = await started(
      startRawHttpServer(() => [
        'HTTP/1.1 102 Processing\r\n\r\n',
        'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n',
        finalResponse,
      ]),
    );

    const result = await probeCheck(
      httpCheck({
        url: `${server.url}/`,
        assertions: [{ source: 'header', property: 'link', comparison: 'exists' }],
      }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /link/i);
    expect(result.status).toBe(200);
    expect(result.error?.phase).toBe('ttfb');
  });
});

describe('probeCheck (http): malformed responses', () => {
  it('fails with PROTOCOL_ERROR in the ttfb phase on a malformed status line', async () => {
    const server = await started(
      startRawHttpServer(() => ['HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\nok']),
    );

    const result = await probeCheck(httpCheck({ url: `${server.url}/` }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /invalid HTTP response.*status/i);
    expect(result.error?.phase).toBe('ttfb');
    expect(result.status).toBeUndefined();
  });

  it('fails with PROTOCOL_ERROR when something other than HTTP answers', async () => {
    const server = await started(startRawHttpServer(() => ['SSH-2.0-OpenSSH_9.2\r\n']));

    const result = await probeCheck(httpCheck({ url: `${server.url}/` }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /invalid HTTP response/);
    expect(result.error?.phase).toBe('ttfb');
  });

  it('reads an HTTP/1.0 response delimited by the close, recording its version', async () => {
    const server = await started(startRawHttpServer(() => ['HTTP/1.0 200 OK\r\n\r\nuntil the close']));

    const result = await probeCheck(
      httpCheck({
        url: `${server.url}/`,
        assertions: [{ source: 'body', comparison: 'equals', target: 'until the close' }],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('1.0');
    expect(result.bytesRead).toBe(15);
  });
});
