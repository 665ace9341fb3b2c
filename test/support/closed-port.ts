import { createServer } from 'node:net';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from './close-server';

/** A loopback port that nothing listens on: bound to 127.0.0.1 port 0, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await closeServer(server);
  return port;
}
