import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import type { HostResolver } from '../../functions/probe/host-resolver';
import { closeAfterEach } from '../support/close-after-each';
import { closeServer } from '../support/close-server';
import { externalTool } from '../support/external-tool';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { closedPort, startHttpServer } from '../support/servers';

const started = closeAfterEach();
const python = externalTool('python3');

/** A resolver that answers every name with `addresses`, in that order. */
function resolvesTo(...addresses: string[]): HostResolver {
  return async () => addresses;
}

/**
 * A listener on [::1] whose accept queue is full, so that a new connection to it neither connects nor fails: SYNs
 * are dropped, as a black-holed IPv6 route drops them. Python, because Node accepts every connection at once.
 */
async function startBlackHoleOnIpv6(): Promise<{ port: number; close(): Promise<void> }> {
  const child = spawn('python3', [
    '-c',
    "import socket, time\ns = socket.socket(socket.AF_INET6)\ns.bind(('::1', 0))\ns.listen(0)\nprint(s.getsockname()[1], flush=True)\ntime.sleep(120)",
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
    child.once('exit', () => reject(new Error('the black-hole listener exited')));
  });
  // One connection fills a queue of length 0 (+1).
  const filler: Socket = connect({ host: '::1', port });
  await new Promise((resolve) => filler.once('connect', resolve));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    port,
    close: async () => {
      filler.destroy();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('probeCheck: a name with several addresses', () => {
  it('tries the IPv4 address when the IPv6 one refuses', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(httpCheck({ url: `http://localhost:${server.port}/` }), {
      ...testContext(),
      resolveHost: resolvesTo('::1', '127.0.0.1'),
    });

    expectOk(result);
    expect(result.remoteAddress).toBe('127.0.0.1');
  });

  it.skipIf(!python.available)(
    `moves on to the next address when the first one does not answer, within the deadline${python.skipNote}`,
    async () => {
      const blackHole = await started(startBlackHoleOnIpv6());
      // The same port on IPv4 answers.
      const server = createServer((_request, response) => response.end('ok'));
      await new Promise<void>((resolve) => server.listen(blackHole.port, '127.0.0.1', resolve));
      await started(Promise.resolve({ close: () => closeServer(server) }));

      const result = await probeCheck(
        httpCheck({ url: `http://localhost:${blackHole.port}/`, timeoutMs: 1_000 }),
        {
          ...testContext(),
          resolveHost: resolvesTo('::1', '127.0.0.1'),
        },
      );

      expectOk(result);
      expect(result.remoteAddress).toBe('127.0.0.1');
      // [::1] had half of the deadline before the probe moved on.
      expect(result.phases.connectMs).toBeGreaterThanOrEqual(450);
    },
  );

  it('names every address it tried when none accepts', async () => {
    const port = await closedPort();

    const result = await probeCheck(httpCheck({ url: `http://localhost:${port}/` }), {
      ...testContext(),
      resolveHost: resolvesTo('::1', '127.0.0.1'),
    });

    expectFailure(
      result,
      'CONNECT_REFUSED',
      /localhost port \d+ on any of the 2 addresses tried: ::1 \(refused\), 127\.0\.0\.1 \(refused\)/,
    );
    expect(result.error?.phase).toBe('connect');
  });

  it('resolves localhost through the system resolver', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(httpCheck({ url: `http://localhost:${server.port}/` }), testContext());

    expectOk(result);
  });
});
