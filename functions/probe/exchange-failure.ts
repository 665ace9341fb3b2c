import type { Deadline } from './deadline';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';
import { isResetError } from './socket-errors';
import { describeTlsError, isTlsError } from './tls-errors';

/**
 * The most response header bytes a probe accepts: 256 KiB, as browsers do (Node's own default, 16 KiB, fails real
 * pages with large cookies or CSP headers). Over HTTP/2, nghttp2 also refuses a header block sent in more than
 * 8 CONTINUATION frames (about 144 KiB after HPACK compression), a defence against CONTINUATION floods.
 */
export const maxResponseHeaderBytes = 256 * 1024;

/** How far a response had come when it failed. */
export interface ResponseSoFar {
  /** The final response's headers had arrived: the body was being read. */
  headersReceived: boolean;
  /** The `Content-Length` the server announced, if it did. */
  contentLength: string | undefined;
  /** Over HTTP/2. */
  http2: boolean;
}

/** HTTP/2 error messages that mean the response headers were larger than the probe accepts. */
const http2HeaderOverflow = /CONTINUATION frames|header list|ENHANCE_YOUR_CALM|HEADER_LIST_SIZE/i;

/** Turns whatever ended an exchange early into the probe's failure, with its phase. */
export function classifyExchangeError(
  error: unknown,
  deadline: Deadline,
  trace: ProbeTrace,
  url: URL,
  { headersReceived, contentLength, http2 }: ResponseSoFar,
): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  const phase = headersReceived ? 'transfer' : 'ttfb';
  const bytesRead = trace.bytesRead ?? 0;
  if (deadline.expired) {
    const waitingFor = headersReceived ? `the response body (${bytesRead} bytes read)` : 'a response';
    return new ProbeFailure(
      'TIMEOUT',
      `timed out after ${deadline.timeoutMs} ms waiting for ${waitingFor}`,
      phase,
    );
  }
  const tlsError = isTlsError(trace.socketError) ? trace.socketError : isTlsError(error) ? error : undefined;
  if (tlsError) {
    // Under TLS 1.3 the server judges the client's certificate after the client's handshake is over: its alert is
    // the handshake's verdict, arriving on the first read.
    return new ProbeFailure(
      'TLS_HANDSHAKE_FAILED',
      `TLS with ${url.hostname} failed after the handshake: ${describeTlsError(tlsError)}`,
      'tls',
    );
  }
  if (isResetError(trace.socketError)) {
    const when = headersReceived ? `after ${bytesRead} body bytes` : 'before responding';
    return new ProbeFailure('CONNECTION_RESET', `the server reset the connection ${when}`, phase);
  }
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'HPE_HEADER_OVERFLOW' || (http2 && http2HeaderOverflow.test(message))) {
    return new ProbeFailure(
      'PROTOCOL_ERROR',
      `the response headers are larger than the probe accepts (its limit is ${maxResponseHeaderBytes / 1024} KiB${http2 ? ', and at most 8 HTTP/2 CONTINUATION frames' : ''}): ${message}`,
      'ttfb',
    );
  }
  if (code.startsWith('HPE_')) {
    return new ProbeFailure('PROTOCOL_ERROR', `invalid HTTP response: ${message}`, phase);
  }
  if (!http2 && code === 'ECONNRESET') {
    // Node's own words for a connection that ended early without a reset: "socket hang up" before the response,
    // "aborted" during it.
    const announced =
      contentLength === undefined ? '' : ` of the ${contentLength} its Content-Length announced`;
    const what = headersReceived
      ? `the server closed the connection before the response was complete (${bytesRead} body bytes read${announced})`
      : 'the server closed the connection without sending a response';
    return new ProbeFailure('PROTOCOL_ERROR', what, phase);
  }
  if (http2) {
    return new ProbeFailure('PROTOCOL_ERROR', `HTTP/2 exchange failed: ${message}`, phase);
  }
  return new ProbeFailure('PROTOCOL_ERROR', `HTTP exchange failed: ${message}`, phase);
}
