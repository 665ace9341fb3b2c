import { createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from './close-server';
import { ConnectionTracker } from './connection-tracker';

/** What a raw server writes, piece by piece: bytes, or a pause. */
export type RawReplyPart = string | Buffer | { waitMs: number };

/** A server on 127.0.0.1 that answers HTTP requests with exact bytes, however wrong they are. */
export interface RawHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The head of each request received (up to the blank line), in arrival order. */
  requests: string[];
  /** Stops the server and destroys every open connection. */
  close(): Promise<void>;
}

/**
 * Starts a raw TCP server on 127.0.0.1 that waits for each request's head (up to `\r\n\r\n`), writes the parts
 * `reply` returns for it, in order, then closes its side of the connection. For responses no real HTTP server
 * would send: interim responses sent unasked, malformed status lines, hand-made content codings.
 */
export async function startRawHttpServer(
  reply: (requestHead: string) => RawReplyPart[],
): Promise<RawHttpServer> {
  const requests: string[] = [];
  const connections = new ConnectionTracker();
  const server = createServer((socket) => {
    connections.track(socket);
    socket.on('error', () => {});
    let received = '';
    const onData = (data: Buffer) => {
      received += data.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const head = received.slice(0, end);
      requests.push(head);
      void write(socket, reply(head));
    };
    socket.on('data', onData);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      const closed = closeServer(server);
      connections.destroyAll();
      await closed;
    },
  };
}

async function write(socket: Socket, parts: RawReplyPart[]): Promise<void> {
  for (const part of parts) {
    if (socket.destroyed) return;
    if (typeof part === 'object' && 'waitMs' in part) await sleep(part.waitMs);
    else socket.write(part);
  }
  if (!socket.destroyed) socket.end();
}
