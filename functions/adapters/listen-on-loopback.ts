import type { Server } from 'node:net';

/**
 * Starts `server` (net, http, https or tls) listening on 127.0.0.1 and resolves with the port it got, or
 * rejects when listening fails (the port is taken, say).
 *
 * @param port `0` picks a free one.
 * @param backlog the queue of connections not yet accepted; Node's default (511) when undefined.
 */
export function listenOnLoopback(server: Server, port = 0, backlog?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, ...(backlog === undefined ? {} : { backlog }) }, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the server has no TCP address'));
      else resolve(address.port);
    });
  });
}
