import type { TLSSocket } from 'node:tls';
import type { ResolvedHttpCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { exchange, type HttpResponse } from './http-exchange';
import { openConnection } from './open-connection';
import type { PreparedTls } from './prepare-tls';
import { ProbeFailure } from './probe-failure';
import { addPhases, type ProbeTrace, roundPhases, zeroPhases } from './probe-trace';
import { followRedirect, isRedirectStatus, type RedirectedRequest } from './redirects';
import type { ResolvedHeaders } from './resolve-headers';
import { decodableEncodings } from './response-body';

const defaultUserAgent = 'Lookout/0.1 (synthetic monitoring; +https://github.com/lookout)';

/**
 * Sent unless the check sets its own `Accept-Encoding`: the codings a browser offers, so that a probe downloads
 * and times what a browser gets (and a server whose compression is broken fails its probe as it fails browsers).
 * Cost: decoding is CPU in the probe function, outside every timed phase and bounded by `maxBodyBytes`: about
 * 0.2 ms for a 50 KB page, some 9 s of Lambda time per check-month per region at one probe a minute (well under
 * $0.001), usually repaid by the shorter download.
 */
const defaultAcceptEncoding = decodableEncodings.join(', ');

/** What a check's HTTP probe needs, read before its clock starts. */
export interface PreparedHttp {
  headers: ResolvedHeaders;
  /** For every `https:` hop, the first one or one a redirect leads to. */
  tls: PreparedTls;
}

/**
 * Probes an HTTP(S) check: a fresh connection per hop, redirects followed up to `maxRedirects`,
 * the body read up to `maxBodyBytes`. Each redirect is recorded in `trace.redirects`, and the phases of
 * earlier hops are summed in `trace.earlierHopsPhases`.
 */
export async function probeHttp(
  check: ResolvedHttpCheck,
  prepared: PreparedHttp,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<HttpResponse> {
  let request: RedirectedRequest = {
    url: new URL(check.url),
    method: check.method,
    body: check.body,
    headers: withDefaultHeaders(prepared.headers.headers),
  };
  const { redirects } = trace;
  for (;;) {
    const response = await probeOneHop(check, prepared.tls, request, deadline, trace, settings);
    const location = response.headers.location;
    if (check.maxRedirects === 0 || !isRedirectStatus(response.status) || location === undefined) {
      return response;
    }
    const next = parseLocation(location, request.url);
    redirects.push({
      url: request.url.href,
      status: response.status,
      location: next.href,
      phases: roundPhases(trace.phases),
    });
    if (redirects.length > check.maxRedirects) {
      throw new ProbeFailure(
        'TOO_MANY_REDIRECTS',
        `more than ${check.maxRedirects} redirects (last: ${request.url.href} → ${next.href})`,
        'ttfb',
      );
    }
    addPhases(trace.earlierHopsPhases, trace.phases);
    trace.phases = zeroPhases();
    delete trace.tls;
    delete trace.response;
    delete trace.bytesRead;
    request = followRedirect(request, response.status, next, prepared.headers.secretNames);
  }
}

async function probeOneHop(
  check: ResolvedHttpCheck,
  tls: PreparedTls,
  request: RedirectedRequest,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<HttpResponse> {
  const { url } = request;
  const isHttps = url.protocol === 'https:';
  const socket = await openConnection(
    {
      host: url.hostname,
      port: url.port ? Number(url.port) : isHttps ? 443 : 80,
      ...(isHttps ? { tls, alpnProtocols: alpnProtocolsFor(check) } : {}),
    },
    deadline,
    trace,
    settings,
  );
  const http2 = isHttps ? (socket as TLSSocket).alpnProtocol === 'h2' : check.httpVersion === '2';
  if (check.httpVersion === '2' && !http2) {
    socket.destroy();
    const chosen = (socket as TLSSocket).alpnProtocol;
    throw new ProbeFailure(
      'PROTOCOL_ERROR',
      `the check pins HTTP/2, and ${url.hostname} did not choose h2 by ALPN (it chose ${chosen ? JSON.stringify(chosen) : 'no protocol'})`,
      'tls',
    );
  }
  return exchange(
    socket,
    {
      url,
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      http2,
      skipRedirectBody: check.maxRedirects > 0,
      maxBodyBytes: check.maxBodyBytes,
    },
    deadline,
    trace,
  );
}

/** What a check offers by ALPN: both versions unless it pins one, HTTP/2 first as browsers and curl offer. */
function alpnProtocolsFor(check: ResolvedHttpCheck): string[] {
  if (check.httpVersion === '1.1') return ['http/1.1'];
  if (check.httpVersion === '2') return ['h2'];
  return ['h2', 'http/1.1'];
}

function parseLocation(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new ProbeFailure(
      'PROTOCOL_ERROR',
      `redirect to an invalid location: ${location.slice(0, 200)}`,
      'ttfb',
    );
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ProbeFailure('PROTOCOL_ERROR', `redirect to an unsupported scheme: ${next.protocol}`, 'ttfb');
  }
  return next;
}

function withDefaultHeaders(headers: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  return {
    ...(names.has('user-agent') ? {} : { 'user-agent': defaultUserAgent }),
    ...(names.has('accept-encoding') ? {} : { 'accept-encoding': defaultAcceptEncoding }),
    ...headers,
  };
}
