import {
  type ClientHttp2Session,
  type ClientHttp2Stream,
  connect as http2Connect,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http2';
import type { Socket } from 'node:net';
import { maxResponseHeaderBytes } from './exchange-failure';
import { type ExchangeRun, flattenHeaders } from './exchange-run';
import type { HttpRequest } from './http-exchange';

/** Request headers HTTP/2 forbids (RFC 9113 §8.2.2); `host` becomes `:authority`. */
const connectionSpecificHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** As many header fields as Node's HTTP/1.1 client accepts (its `maxHeadersCount`). */
const maxHeaderPairs = 2000;

/**
 * HTTP/2 over an open connection (TLS that chose `h2` by ALPN, or plain TCP for h2c with prior knowledge), with
 * Node's own client (nghttp2): one session, one stream, closed after, so the connection's phases keep their meaning.
 * The session's set-up and preface are written before the clock starts; `ttfbMs` runs from the request handed to
 * nghttp2 (its HEADERS frame, written by the session in the same loop turn; with a body, the body's end) to the
 * response's first HEADERS frame, interim (1xx) ones included, so that building the request is in no phase.
 */
export function exchangeHttp2(socket: Socket, request: HttpRequest, run: ExchangeRun): void {
  const { url } = request;
  const session: ClientHttp2Session = http2Connect(url.origin, {
    createConnection: () => socket,
    settings: { enablePush: false, maxHeaderListSize: maxResponseHeaderBytes },
    maxHeaderListPairs: maxHeaderPairs,
  });
  let stream: ClientHttp2Stream | undefined;
  run.onRelease(() => {
    stream?.close();
    session.destroy();
    if (!socket.destroyed) socket.destroy();
  });
  session.on('error', (error) => run.fail(error));
  session.once('close', () => run.fail(new Error('the server closed the HTTP/2 session')));
  session.once('connect', () => {
    if (run.settled) return;
    run.requestStarting();
    stream = session.request(requestHeaders(request), { endStream: request.body === undefined });
    const opened = stream;
    opened.on('headers', () => run.bytesArrived());
    opened.once('response', (headers: IncomingHttpHeaders) => {
      run.bytesArrived();
      const body = run.responseStarted(Number(headers[':status']), flattenHeaders(headers), '2', {
        pause: () => opened.pause(),
        resume: () => opened.resume(),
      });
      if (!body) return;
      opened.on('data', (chunk: Buffer) => {
        run.bytesArrived();
        body.write(chunk);
      });
      opened.once('end', () => run.bodyEnded());
    });
    opened.on('error', (error) => run.fail(error));
    opened.once('close', () => {
      const code = opened.rstCode ?? 0;
      run.fail(new Error(`the server closed the stream (HTTP/2 error code ${code})`));
    });
    // The session writes what was submitted in a native immediate of this loop turn, before this one runs.
    if (request.body === undefined) setImmediate(() => run.requestSent());
    else opened.end(request.body, () => run.requestSent());
  });
}

function requestHeaders(request: HttpRequest): OutgoingHttpHeaders {
  const { url } = request;
  const headers: OutgoingHttpHeaders = {
    ':method': request.method,
    ':scheme': url.protocol.slice(0, -1),
    ':authority': url.host,
    ':path': `${url.pathname}${url.search}`,
  };
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host') headers[':authority'] = value;
    else if (!connectionSpecificHeaders.has(lower)) headers[lower] = value;
  }
  return headers;
}
