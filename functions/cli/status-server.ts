import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../adapters/listen-on-loopback';
import { maximumPingBodyBytes } from '../core/declare/defaults';
import type { StatusPageData } from '../core/status-page/status-page-data';
import { statusPageFiles } from '../core/status-page/status-page-files';
import { renderStatusPageSite, type StatusPageFile } from '../core/status-page/status-page-site';
import type { PingRequestIn, PingResponse } from '../runtime/record-ping';

/** A running status server. */
export interface StatusServer {
  /** Such as `http://127.0.0.1:4319`. */
  url: string;
  close(): Promise<void>;
}

/** Options of the status server. */
export interface StatusServerOptions {
  /**
   * How long a built page is served before the next request builds it again (a page reads the store).
   * @default 1000
   */
  freshForMs?: number;
  /**
   * Records a heartbeat ping (`GET|POST /ping/<check-id>/<token>`, `/start`, `/fail`), as the deployed ping
   * endpoint does: `recordPing` with the local store and secrets.
   * @default undefined (no ping endpoint: 404)
   */
  ping?: (request: PingRequestIn) => Promise<PingResponse>;
}

/**
 * Serves the status page on 127.0.0.1 only, the same files the deployed page publishes: `/` (and `/index.html`)
 * the page, `/status.json`, `/incidents.atom`, `/badges/<check id>/<badge>.svg`; and `/health`, a 200 while the
 * monitor runs (the example monitor's loopback check probes it); with `options.ping`, the heartbeat ping endpoint
 * (`/ping/...`). The page is built from `data()` when asked for,
 * at most once per `freshForMs` (concurrent requests share one build).
 */
export async function startStatusServer(
  port: number,
  data: () => Promise<StatusPageData>,
  options: StatusServerOptions = {},
): Promise<StatusServer> {
  const freshForMs = options.freshForMs ?? 1000;
  let built: { atMs: number; files: Promise<Map<string, StatusPageFile>> } | undefined;
  const site = (): Promise<Map<string, StatusPageFile>> => {
    const nowMs = Date.now();
    if (built === undefined || nowMs - built.atMs >= freshForMs) {
      const files = data().then(
        (page) => new Map(renderStatusPageSite(page).map((file) => [`/${file.path}`, file])),
      );
      built = { atMs: nowMs, files };
      // A failed build is not kept: the next request tries again.
      files.catch(() => {
        if (built?.files === files) built = undefined;
      });
    }
    return built.files;
  };
  const { ping } = options;
  const server = createServer((request, response) => {
    if (ping !== undefined && (request.url ?? '').startsWith('/ping/')) {
      servePing(request, response, ping);
      return;
    }
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    site().then(
      (files) => {
        const file = files.get(path === '/' ? `/${statusPageFiles.html}` : path);
        if (file === undefined) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        response.writeHead(200, {
          'content-type': file.contentType,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      (error: unknown) => {
        response
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`the status page could not be built: ${String(error)}`);
      },
    );
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

/**
 * Answers a ping: GET, HEAD or POST; the body is read up to `maximumPingBodyBytes` (a longer one is answered 413
 * without reading the rest, and nothing is recorded).
 */
function servePing(
  request: IncomingMessage,
  response: ServerResponse,
  ping: (request: PingRequestIn) => Promise<PingResponse>,
): void {
  const reply = (status: number, text: string) =>
    response
      .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      .end(text);
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
    reply(405, 'use GET or POST\n');
    return;
  }
  const chunks: Buffer[] = [];
  let sizeBytes = 0;
  let answered = false;
  request.on('data', (chunk: Buffer) => {
    sizeBytes += chunk.length;
    if (sizeBytes <= maximumPingBodyBytes) chunks.push(chunk);
    else if (!answered) {
      answered = true;
      reply(413, `body over ${maximumPingBodyBytes} bytes\n`);
      request.resume();
    }
  });
  request.on('end', () => {
    if (answered) return;
    answered = true;
    ping({
      path: request.url ?? '/',
      bodyBytes: sizeBytes,
      body: Buffer.concat(chunks).toString('utf8'),
    }).then(
      (outcome) => reply(outcome.status, outcome.text),
      (error: unknown) => reply(503, `the ping could not be recorded: ${String(error)}\n`),
    );
  });
}
