import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { tcpCheck, testContext } from '../support/resolved-checks';
import { closedPort, startTcpServer } from '../support/servers';

const started = closeAfterEach();
const SMTP_BANNER = '220 mail.example ESMTP ready\r\n';

describe('probeCheck (tcp): passing', () => {
  it('connects only, when there is nothing to send or expect, and closes the connection', async () => {
    const server = await started(startTcpServer({ kind: 'silent' }));

    const result = await probeCheck(tcpCheck({ id: 'redis', port: server.port }), testContext());

    expectOk(result);
    expect(result).toMatchObject({
      checkId: 'redis',
      kind: 'tcp',
      target: `127.0.0.1:${server.port}`,
      attempt: 1,
    });
    expect(result.phases.dnsMs).toBe(0);
    expect(result.phases.tlsMs).toBe(0);
    expect(server.connections.total).toBe(1);
    await server.connections.waitUntilIdle(2_000);
  });

  it('sends the payload and finds the expected string in an echo', async () => {
    const server = await started(startTcpServer({ kind: 'echo' }));

    const result = await probeCheck(
      tcpCheck({ port: server.port, send: 'PING\r\n', expect: 'PING' }),
      testContext(),
    );

    expectOk(result);
    expect(server.received).toEqual(['PING\r\n']);
    expect(result.bytesRead).toBeGreaterThanOrEqual('PING'.length);
  });

  it('sends the payload without waiting for a reply when nothing is expected', async () => {
    const server = await started(startTcpServer({ kind: 'silent' }));

    const result = await probeCheck(tcpCheck({ port: server.port, send: 'HELLO\n' }), testContext());

    expectOk(result);
    await server.connections.waitUntilIdle(2_000);
    expect(server.received).toEqual(['HELLO\n']);
  });

  it('matches a regex against a banner', async () => {
    const server = await started(startTcpServer({ kind: 'banner', banner: SMTP_BANNER }));

    const result = await probeCheck(
      tcpCheck({ port: server.port, expect: { pattern: '^220 \\S+ ESMTP', flags: '' } }),
      testContext(),
    );

    expectOk(result);
  });

  it('accumulates a reply that arrives in pieces until the expectation matches', async () => {
    const server = await started(
      startTcpServer({ kind: 'trickle', chunks: ['+PO', 'NG\r\n'], intervalMs: 80 }),
    );

    const result = await probeCheck(tcpCheck({ port: server.port, expect: '+PONG' }), testContext());

    expectOk(result);
    expect(result.totalMs).toBeGreaterThanOrEqual(140);
  });
});

describe('probeCheck (tcp): failing', () => {
  it('fails with ASSERTION_FAILED, quoting the reply, when the peer closes without a match', async () => {
    const server = await started(
      startTcpServer({ kind: 'banner', banner: SMTP_BANNER, closeAfterBanner: true }),
    );

    const result = await probeCheck(
      tcpCheck({ port: server.port, expect: { pattern: '^SSH-2\\.0', flags: '' } }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /220 mail\.example/);
    expect(result.totalMs).toBeLessThan(2_000);
  });

  it('fails with ASSERTION_FAILED, quoting the reply, when the deadline passes with a reply that does not match', async () => {
    const server = await started(startTcpServer({ kind: 'banner', banner: SMTP_BANNER }));

    const result = await probeCheck(
      tcpCheck({ port: server.port, expect: 'SSH-2.0', timeoutMs: 600 }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /220 mail\.example/);
    expect(result.totalMs).toBeGreaterThanOrEqual(550);
  });

  it('fails with TIMEOUT when a silent server sends nothing before the deadline', async () => {
    const server = await started(startTcpServer({ kind: 'silent' }));

    const result = await probeCheck(
      tcpCheck({ port: server.port, send: 'PING\r\n', expect: 'PONG', timeoutMs: 600 }),
      testContext(),
    );

    expectFailure(result, 'TIMEOUT', /time|within 600 ?ms/i);
    expect(result.totalMs).toBeGreaterThanOrEqual(550);
    expect(result.totalMs).toBeLessThan(1_600);
    await server.connections.waitUntilIdle(2_000);
  });

  it('fails with ASSERTION_FAILED when the peer closes at once without a reply', async () => {
    const server = await started(startTcpServer({ kind: 'closeImmediately' }));

    const result = await probeCheck(tcpCheck({ port: server.port, expect: 'PONG' }), testContext());

    expectFailure(result, 'ASSERTION_FAILED', /PONG/);
  });

  it('fails with CONNECT_REFUSED on a closed port', async () => {
    const port = await closedPort();

    const result = await probeCheck(tcpCheck({ port }), testContext());

    expectFailure(result, 'CONNECT_REFUSED', /refused/i);
    expect(result.target).toBe(`127.0.0.1:${port}`);
  });
});
