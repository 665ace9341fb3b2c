import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpVersion } from '../core/probe-result';
import { maxResponseHeaderBytes } from './exchange-failure';
import { type ExchangeRun, flattenHeaders } from './exchange-run';
import type { HttpRequest } from './http-exchange';

/**
 * HTTP/1.1 over an open connection, with Node's own client (llhttp, native: nothing to compile on a process's first
 * request). Interim responses (`100 Continue` sent unasked, `103 Early Hints`, …) are skipped as RFC 9110 requires;
 * response headers may take up to 256 KiB. TTFB runs from the request written to the socket's own `data` event,
 * before parsing; the request goes out with `Connection: close`, as one connection serves one probe.
 */
export function exchangeHttp1(socket: Socket, request: HttpRequest, run: ExchangeRun): void {
  const onData = () => run.bytesArrived();
  socket.prependListener('data', onData);
  const { url } = request;
  const hasHost = Object.keys(request.headers).some((name) => name.toLowerCase() === 'host');
  const outgoing = httpRequest({
    createConnection: () => socket,
    method: request.method,
    path: `${url.pathname}${url.search}`,
    // The Host header from the URL as given (`url.host` leaves out the scheme's default port), not from Node's
    // guess, which assumes port 80.
    setHost: false,
    headers: hasHost ? request.headers : { host: url.host, ...request.headers },
    maxHeaderSize: maxResponseHeaderBytes,
    joinDuplicateHeaders: true,
  });
  run.onRelease(() => {
    socket.off('data', onData);
    if (!socket.destroyed) socket.destroy();
  });
  // Emitted once the parser is attached, just before Node writes the request (`tickOnSocket`, then `_flush`, in
  // one tick): Node's set-up stays off the clock, and the tick queued here runs once the request was handed to the
  // socket, so that building and encrypting it stays off the clock too. (`finish` would come a loop turn later,
  // after the TLS layer's write completes: too late, sometimes after the response.)
  outgoing.once('socket', () => {
    run.requestStarting();
    process.nextTick(() => run.requestSent());
  });
  outgoing.on('response', (response: IncomingMessage) => {
    response.on('error', (error) => run.fail(error));
    if (run.settled) return;
    const body = run.responseStarted(
      response.statusCode ?? 0,
      flattenHeaders(response.headers),
      httpVersionOf(response),
      { pause: () => response.pause(), resume: () => response.resume() },
    );
    if (!body) return;
    response.on('data', (chunk: Buffer) => body.write(chunk));
    response.on('end', () => run.bodyEnded());
  });
  outgoing.on('error', (error) => run.fail(error));
  if (request.body === undefined) outgoing.end();
  else outgoing.end(request.body);
}

function httpVersionOf(response: IncomingMessage): HttpVersion {
  return response.httpVersion === '1.0' ? '1.0' : '1.1';
}
