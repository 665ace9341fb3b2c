import { createServer } from 'node:http';
import { listenOnLoopback } from '../adapters/listen-on-loopback';
import type { CheckView } from './check-view';
import { renderStatusPage } from './render-status-page';

/** A running status server. */
export interface StatusServer {
  /** Such as `http://127.0.0.1:4319`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves what the local monitor sees, on 127.0.0.1 only: `/` a status page, `/api/status` the same as JSON,
 * `/health` a 200 while the monitor runs (the example monitor's loopback check probes it).
 */
export async function startStatusServer(
  port: number,
  views: () => readonly CheckView[],
): Promise<StatusServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (path === '/api/status') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ checks: views() }));
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderStatusPage(views()));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const boundPort = await listenOnLoopback(server, port);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
