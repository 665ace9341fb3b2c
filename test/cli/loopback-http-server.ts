import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from '../support/close-server';

/** A request the server received. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** An HTTP server on 127.0.0.1 that records requests. */
export interface LoopbackHttpServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1: `/ok` answers 200 with `{"status":"ok"}`, `/down` answers 503,
 * anything else 404. Every request is recorded with its headers.
 */
export async function startLoopbackHttpServer(): Promise<LoopbackHttpServer> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const status = path.startsWith('/ok') ? 200 : path.startsWith('/down') ? 503 : 404;
    response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    response.end(JSON.stringify({ status: status === 200 ? 'ok' : 'down' }));
  });
  const port = await listenOnLoopback(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      const closed = closeServer(server);
      server.closeAllConnections();
      return closed;
    },
  };
}
