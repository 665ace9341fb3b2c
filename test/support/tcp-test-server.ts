import { createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from './close-server';
import { ConnectionTracker } from './connection-tracker';

/** How a raw TCP test server behaves on each connection. */
export type TcpBehaviour =
  /** Writes back whatever it receives. */
  | { kind: 'echo' }
  /** Writes `banner` as soon as a client connects, then stays silent (or closes, with `closeAfterBanner`). */
  | { kind: 'banner'; banner: string; closeAfterBanner?: boolean }
  /** Writes `chunks` one at a time, waiting `intervalMs` before each, then stays silent. */
  | { kind: 'trickle'; chunks: string[]; intervalMs: number }
  /** Accepts and never writes. */
  | { kind: 'silent' }
  /** Accepts and closes at once (FIN). */
  | { kind: 'closeImmediately' };

/** A running raw TCP server on 127.0.0.1. */
export interface TcpTestServer {
  /** Always the loopback address. */
  host: '127.0.0.1';
  /** The port the system chose. */
  port: number;
  /** What each connection sent, UTF-8, one entry per connection in accept order. */
  received: string[];
  /** Connection counts. */
  connections: ConnectionTracker;
  /** Stops the server and destroys every open connection. */
  close(): Promise<void>;
}

/** Starts a raw TCP server on 127.0.0.1 port 0. */
export async function startTcpServer(behaviour: TcpBehaviour): Promise<TcpTestServer> {
  const received: string[] = [];
  const connections = new ConnectionTracker();
  const server = createServer((socket) => {
    connections.track(socket);
    const index = received.push('') - 1;
    socket.on('data', (data) => {
      received[index] += data.toString('utf8');
    });
    socket.on('error', () => {});
    serve(behaviour, socket);
  });
  const port = await listenOnLoopback(server);
  return {
    host: '127.0.0.1',
    port,
    received,
    connections,
    close: async () => {
      const closed = closeServer(server);
      connections.destroyAll();
      await closed;
    },
  };
}

function serve(behaviour: TcpBehaviour, socket: Socket): void {
  switch (behaviour.kind) {
    case 'echo':
      socket.on('data', (data) => socket.write(data));
      socket.on('end', () => socket.end());
      return;
    case 'banner':
      if (behaviour.closeAfterBanner) socket.end(behaviour.banner);
      else socket.write(behaviour.banner);
      return;
    case 'trickle':
      void trickle(socket, behaviour.chunks, behaviour.intervalMs);
      return;
    case 'silent':
      return;
    case 'closeImmediately':
      socket.end();
      return;
  }
}

async function trickle(socket: Socket, chunks: string[], intervalMs: number): Promise<void> {
  for (const chunk of chunks) {
    await sleep(intervalMs);
    if (socket.destroyed || !socket.writable) return;
    socket.write(chunk);
  }
}
