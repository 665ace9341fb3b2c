import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';
// Only the Client class: see undici-client.d.ts.
import Client from 'undici/lib/dispatcher/client.js';
import type { HttpMethod } from '../core/declare/declarations';
import type { Deadline } from './deadline';
import { ProbeFailure } from './probe-failure';
import { type ProbeTrace, recordReplyTimings } from './probe-trace';
import { isRedirectStatus } from './redirects';
import { isResetError } from './socket-errors';

/** One HTTP request to send over an open connection. */
export interface HttpRequest {
  url: URL;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  /** Stop at the headers of a redirect response: its body is never needed. */
  skipRedirectBody: boolean;
  /** The body is read up to this many bytes, then the connection is dropped. */
  maxBodyBytes: number;
}

/** What came back. */
export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `', '`. */
  headers: Record<string, string>;
  body: Buffer;
  bodyTruncated: boolean;
}

/** Thrown at undici to stop reading on purpose; never a failure. */
class StopReading extends Error {}

/** The reason every finished probe's connection is closed with: built once, never reported. */
const probeFinished = new Error('probe finished');

/**
 * Sends one request over `socket` through an undici client whose connector hands over that socket,
 * so the connection's phases were measured by us. Times `ttfbMs` (request start → first response byte)
 * and `transferMs` (first response byte → last body byte read) into `trace`, and closes the connection after.
 */
export function exchange(
  socket: Socket,
  request: HttpRequest,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<HttpResponse> {
  const client = new Client(request.url.origin, {
    connect: (_options, callback) => process.nextTick(callback, null, socket),
    headersTimeout: 0,
    bodyTimeout: 0,
    pipelining: 1,
  });
  return new Promise<HttpResponse>((resolve, reject) => {
    const startedAt = performance.now();
    let firstByteAt: number | undefined;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    let bodyTruncated = false;
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      recordReplyTimings(trace, startedAt, firstByteAt);
      deadline.signal.removeEventListener('abort', onDeadline);
      outcome();
      // Closed once the outcome is out, so the cleanup is not latency. With a reason, so that undici
      // builds no error of its own for the close (an error with its stack costs more CPU than the probe).
      if (!socket.destroyed) socket.destroy(probeFinished);
    };
    const succeed = () =>
      finish(() => resolve({ status, headers, body: Buffer.concat(chunks), bodyTruncated }));
    const fail = (error: unknown) =>
      finish(() =>
        reject(
          classifyExchangeError(error, deadline, trace, {
            responseStarted: firstByteAt !== undefined,
            bytesRead,
            contentLength: headers['content-length'],
          }),
        ),
      );
    const onDeadline = () => fail(undefined);
    if (deadline.expired) return onDeadline();
    deadline.signal.addEventListener('abort', onDeadline, { once: true });

    client.dispatch(
      {
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      },
      {
        onRequestStart(dispatchController) {
          controller = dispatchController;
        },
        onResponseStarted() {
          firstByteAt ??= performance.now();
        },
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode;
          headers = flattenHeaders(responseHeaders);
          if (request.skipRedirectBody && isRedirectStatus(statusCode)) controller?.abort(new StopReading());
        },
        onResponseData(_controller, chunk) {
          const room = request.maxBodyBytes - bytesRead;
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room));
            bytesRead += Math.max(room, 0);
            bodyTruncated = true;
            controller?.abort(new StopReading());
            return;
          }
          chunks.push(chunk);
          bytesRead += chunk.length;
        },
        onResponseEnd() {
          succeed();
        },
        onResponseError(_controller, error) {
          if (error instanceof StopReading) succeed();
          else fail(error);
        },
      },
    );
  });
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** How far a response had come when it failed. */
interface ResponseProgress {
  responseStarted: boolean;
  bytesRead: number;
  /** The `Content-Length` the server announced, if it did. */
  contentLength: string | undefined;
}

function classifyExchangeError(
  error: unknown,
  deadline: Deadline,
  trace: ProbeTrace,
  { responseStarted, bytesRead, contentLength }: ResponseProgress,
): ProbeFailure {
  const phase = responseStarted ? 'transfer' : 'ttfb';
  if (deadline.expired) {
    const waitingFor = responseStarted ? `the response body (${bytesRead} bytes read)` : 'a response';
    return new ProbeFailure(
      'TIMEOUT',
      `timed out after ${deadline.timeoutMs} ms waiting for ${waitingFor}`,
      phase,
    );
  }
  if (isResetError(trace.socketError)) {
    const when = responseStarted ? `after ${bytesRead} body bytes` : 'before responding';
    return new ProbeFailure('CONNECTION_RESET', `the server reset the connection ${when}`, phase);
  }
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith('HPE_') || (error instanceof Error && error.name === 'HTTPParserError')) {
    return new ProbeFailure('PROTOCOL_ERROR', `invalid HTTP response: ${message}`, phase);
  }
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new ProbeFailure(
      'PROTOCOL_ERROR',
      `response body does not match its Content-Length: ${message}`,
      phase,
    );
  }
  if (code === 'UND_ERR_SOCKET') {
    const announced =
      contentLength === undefined ? '' : ` of the ${contentLength} its Content-Length announced`;
    const what = responseStarted
      ? `the server closed the connection before the response was complete (${bytesRead} body bytes read${announced})`
      : 'the server closed the connection without sending a response';
    return new ProbeFailure('PROTOCOL_ERROR', what, phase);
  }
  return new ProbeFailure('PROTOCOL_ERROR', `HTTP exchange failed: ${message}`, phase);
}
