import type { Socket } from 'node:net';
import type { HttpMethod } from '../core/declare/declarations';
import type { Deadline } from './deadline';
import { ExchangeRun } from './exchange-run';
import { exchangeHttp1 } from './http1-exchange';
import { exchangeHttp2 } from './http2-exchange';
import type { ProbeTrace } from './probe-trace';

/** One HTTP request to send over an open connection. */
export interface HttpRequest {
  url: URL;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  /** Speak HTTP/2: the server chose `h2` by ALPN, or the check pins `'2'` on a plain `http:` URL (h2c). */
  http2: boolean;
  /** Stop at the headers of a redirect response: its body is never needed. */
  skipRedirectBody: boolean;
  /** The decoded body is read up to this many bytes, then the connection is dropped. */
  maxBodyBytes: number;
}

/** What came back. */
export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `', '`. */
  headers: Record<string, string>;
  /** Decoded from its content coding. */
  body: Buffer;
  bodyTruncated: boolean;
}

/**
 * Sends one request over `socket`, a connection whose phases were measured by us, in HTTP/1.1 (node:http) or
 * HTTP/2 (node:http2), and closes the connection after. Times `ttfbMs` (request written → first response byte,
 * interim responses included) and `transferMs` (first response byte → last body byte received; decoding the body
 * is not in it) into `trace`; `trace.response` and `trace.bytesRead` keep what arrived, should it fail later.
 */
export function exchange(
  socket: Socket,
  request: HttpRequest,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const run = new ExchangeRun(request, deadline, trace, resolve, reject);
    if (request.http2) exchangeHttp2(socket, request, run);
    else exchangeHttp1(socket, request, run);
  });
}
