import type { Server } from 'node:net';

/** Stops accepting connections and resolves once the server has closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
