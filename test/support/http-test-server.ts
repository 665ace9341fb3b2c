import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import type { CertificateAndKey } from './certificates';
import { closeServer } from './close-server';
import { ConnectionTracker } from './connection-tracker';
import { performResponsePlan } from './perform-response-plan';
import type { ResponsePlan } from './response-plan';

/** A request as the test server received it. */
export interface ReceivedRequest {
  /** Such as `GET`. */
  method: string;
  /** The path and query, such as `/health?x=1`. */
  path: string;
  /** Lower-case header names; repeated headers joined with `', '`. */
  headers: Record<string, string>;
  /** The request body, UTF-8. */
  body: string;
  /** `performance.now()` when the whole request had arrived. */
  receivedAtMs: number;
  /** `performance.now()` when its connection closed; undefined while open. */
  connectionClosedAtMs?: number;
}

/** Decides the plan for a request from the request and its 0-based index among all requests. */
export type ResponsePlanner = (request: ReceivedRequest, index: number) => ResponsePlan;

/** Options of `startHttpServer`. */
export interface HttpTestServerOptions {
  /**
   * What to answer: one plan for every request, or a planner.
   * @default { kind: 'respond', status: 200, body: 'ok' }
   */
  respond?: ResponsePlan | ResponsePlanner;
  /**
   * Serve HTTPS with this certificate and key.
   * @default undefined (plain HTTP)
   */
  tls?: CertificateAndKey;
  /**
   * The highest TLS version the server accepts (HTTPS only).
   * @default 'TLSv1.3'
   */
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

/** A running HTTP or HTTPS server on 127.0.0.1. */
export interface HttpTestServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** The port the system chose. */
  port: number;
  /** Every request received, in arrival order. */
  requests: ReceivedRequest[];
  /** Connection counts; `maxOpen` is the most simultaneous connections seen. */
  connections: ConnectionTracker;
  /** Body bytes handed to sockets by `endlessBody` plans. */
  bodyBytesWritten(): number;
  /** The most requests being answered at the same time (from arrival to the last response byte handed to the socket). */
  maxConcurrentRequests(): number;
  /** TLS handshakes that resumed an earlier session (HTTPS only). */
  tlsSessionsReused(): number;
  /** Stops the server and destroys every open connection. */
  close(): Promise<void>;
}

const DEFAULT_PLAN: ResponsePlan = { kind: 'respond', status: 200, body: 'ok' };

/** Starts an HTTP (or, with `tls`, HTTPS) server on 127.0.0.1 port 0 whose answers follow `respond`. */
export async function startHttpServer(options: HttpTestServerOptions = {}): Promise<HttpTestServer> {
  const requests: ReceivedRequest[] = [];
  const connections = new ConnectionTracker();
  let bodyBytesWritten = 0;
  let sessionsReused = 0;
  let activeRequests = 0;
  let maxActiveRequests = 0;
  const counters = { addBodyBytesWritten: (bytes: number) => (bodyBytesWritten += bytes) };
  const planFor: ResponsePlanner =
    typeof options.respond === 'function'
      ? options.respond
      : () => (options.respond as ResponsePlan) ?? DEFAULT_PLAN;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    activeRequests += 1;
    maxActiveRequests = Math.max(maxActiveRequests, activeRequests);
    let answered = false;
    const onAnswered = () => {
      if (!answered) activeRequests -= 1;
      answered = true;
    };
    response.once('finish', onAnswered);
    response.once('close', onAnswered);
    const received = await receive(request);
    const index = requests.push(received) - 1;
    request.socket.once('close', () => {
      received.connectionClosedAtMs = performance.now();
    });
    await performResponsePlan(planFor(received, index), request, response, counters);
  };
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  };

  const server = options.tls
    ? createHttpsServer(
        {
          cert: options.tls.certPem,
          key: options.tls.keyPem,
          maxVersion: options.tlsMaxVersion ?? 'TLSv1.3',
        },
        onRequest,
      )
    : createHttpServer(onRequest);
  server.on('connection', (socket) => connections.track(socket));
  server.on('secureConnection', (socket: TLSSocket) => {
    if (socket.isSessionReused()) sessionsReused += 1;
  });
  // A client that speaks the wrong protocol is a test case, not a test failure.
  server.on('tlsClientError', () => {});

  const port = await listenOnLoopback(server);
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    connections,
    bodyBytesWritten: () => bodyBytesWritten,
    maxConcurrentRequests: () => maxActiveRequests,
    tlsSessionsReused: () => sessionsReused,
    close: async () => {
      const closed = closeServer(server);
      connections.destroyAll();
      await closed;
    },
  };
}

async function receive(request: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: request.method ?? '',
    path: request.url ?? '',
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
    receivedAtMs: performance.now(),
  };
}
