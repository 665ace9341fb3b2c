import * as zlib from 'node:zlib';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expect as lookoutExpect } from '../../functions/core';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { startNginx, type TestNginx } from '../support/nginx';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { type RawReplyPart, startRawHttpServer } from '../support/raw-http-server';
import { httpCheck, testContext } from '../support/resolved-checks';

const started = closeAfterEach();
const MIB = 1024 * 1024;

/** A JSON document of about 60 KB that gzip shrinks well. */
const document = JSON.stringify({
  status: 'ok',
  items: Array.from({ length: 1_000 }, (_, index) => ({ id: index, name: `item number ${index}` })),
});

function encodedResponse(encoding: string, body: Buffer): RawReplyPart[] {
  return [
    `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: ${encoding}\r\nContent-Length: ${body.length}\r\n\r\n`,
    body,
  ];
}

const statusIsOk = lookoutExpect.jsonBody('$.status').equals('ok');

describe('probeCheck (http): content codings decoded before assertions', () => {
  const zstdCompressSync = (zlib as { zstdCompressSync?: (input: Buffer) => Buffer }).zstdCompressSync;
  const cases: Array<[string, string, () => Buffer]> = [
    ['br', 'br', () => brotliCompressSync(document)],
    ['deflate with its zlib wrapper', 'deflate', () => deflateSync(document)],
    ['raw deflate, as some servers send it', 'deflate', () => deflateRawSync(document)],
    ['x-gzip', 'x-gzip', () => gzipSync(document)],
    ['gzip then br', 'gzip, br', () => brotliCompressSync(gzipSync(document))],
    ...(zstdCompressSync
      ? [['zstd', 'zstd', () => zstdCompressSync(Buffer.from(document))] as [string, string, () => Buffer]]
      : []),
  ];

  for (const [name, encoding, encode] of cases) {
    it(`decodes ${name}, recording the coding and both sizes`, async () => {
      const encoded = encode();
      const server = await started(startRawHttpServer(() => encodedResponse(encoding, encoded)));

      const result = await probeCheck(
        httpCheck({ url: `${server.url}/`, assertions: [statusIsOk] }),
        testContext(),
      );

      expectOk(result);
      expect(result.contentEncoding).toBe(encoding === 'x-gzip' ? 'gzip' : encoding);
      expect(result.bytesRead).toBe(encoded.length);
      expect(result.decodedBytes).toBe(Buffer.byteLength(document));
    });
  }

  it('offers what it decodes in Accept-Encoding, unless the check sets its own', async () => {
    const server = await started(
      startRawHttpServer(() => ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok']),
    );

    await probeCheck(httpCheck({ url: `${server.url}/` }), testContext());
    await probeCheck(
      httpCheck({ url: `${server.url}/`, headers: { 'Accept-Encoding': 'identity' } }),
      testContext(),
    );

    expect(server.requests[0]).toMatch(/\r\naccept-encoding: gzip, deflate, br(, zstd)?\r\n/i);
    expect(server.requests[1]).toMatch(/\r\naccept-encoding: identity\r\n/i);
    expect(server.requests[1]?.match(/accept-encoding/gi)).toHaveLength(1);
  });

  it('fails with PROTOCOL_ERROR in the transfer phase when the body does not decode, keeping the status', async () => {
    const corrupt = gzipSync(document);
    corrupt.fill(0x41, 20, 60);
    const server = await started(startRawHttpServer(() => encodedResponse('gzip', corrupt)));

    const result = await probeCheck(httpCheck({ url: `${server.url}/` }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /does not decode as gzip/);
    expect(result.error?.phase).toBe('transfer');
    expect(result.status).toBe(200);
    expect(result.bytesRead).toBe(corrupt.length);
  });

  it('leaves a coding it does not know as it came', async () => {
    const server = await started(
      startRawHttpServer(() => encodedResponse('compress', Buffer.from('not really compressed'))),
    );

    const result = await probeCheck(
      httpCheck({
        url: `${server.url}/`,
        assertions: [lookoutExpect.body().equals('not really compressed')],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.contentEncoding).toBeUndefined();
  });

  it('decodes a gzip bomb only up to maxBodyBytes: memory stays flat and the connection is dropped', async () => {
    // 64 gzip members of 16 MiB of zeros each: about 1 MiB on the wire, 1 GiB decoded.
    const member = gzipSync(Buffer.alloc(16 * MIB));
    const members = 64;
    const server = await started(
      startRawHttpServer(() => [
        `HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${member.length * members}\r\n\r\n`,
        ...Array.from({ length: members }, () => member),
      ]),
    );
    const before = process.memoryUsage();

    const result = await probeCheck(httpCheck({ url: `${server.url}/`, maxBodyBytes: MIB }), testContext());

    const after = process.memoryUsage();
    expectOk(result);
    expect(result.bodyTruncated).toBe(true);
    expect(result.decodedBytes).toBe(MIB);
    expect(result.bytesRead).toBeLessThan(member.length * members);
    expect(after.rss + after.arrayBuffers - (before.rss + before.arrayBuffers)).toBeLessThan(100 * MIB);
  });
});

describe('probeCheck (http) against nginx: gzip', () => {
  let nginx: TestNginx;
  beforeAll(async () => {
    nginx = await startNginx({
      files: { 'data.json': document },
      http: 'gzip on; gzip_types application/json; gzip_min_length 1;',
      sites: {
        gzip: { directives: 'location = /data.json { default_type application/json; alias {{data.json}}; }' },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await nginx?.close();
  });

  it('gets a gzipped body from nginx, decodes it for JSON assertions, and records both sizes', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('gzip', '/data.json'), assertions: [statusIsOk] }),
      testContext(),
    );

    expectOk(result);
    expect(result.contentEncoding).toBe('gzip');
    expect(result.decodedBytes).toBe(Buffer.byteLength(document));
    expect(result.bytesRead).toBeLessThan(Buffer.byteLength(document) / 3);
  });

  it('gets the body unencoded when the check asks for identity', async () => {
    const result = await probeCheck(
      httpCheck({
        url: nginx.url('gzip', '/data.json'),
        headers: { 'accept-encoding': 'identity' },
        assertions: [statusIsOk],
      }),
      testContext(),
    );

    expectOk(result);
    expect(result.contentEncoding).toBeUndefined();
    expect(result.bytesRead).toBe(Buffer.byteLength(document));
  });
});
