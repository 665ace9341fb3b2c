import type { ResolvedHttpCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { exchange, type HttpResponse } from './http-exchange';
import { openConnection } from './open-connection';
import { ProbeFailure } from './probe-failure';
import { addPhases, type ProbeTrace, roundPhases, zeroPhases } from './probe-trace';
import { followRedirect, isRedirectStatus, type RedirectedRequest } from './redirects';
import type { ResolvedHeaders } from './resolve-headers';

const defaultUserAgent = 'Lookout/0.1 (synthetic monitoring; +https://github.com/lookout)';

/**
 * Probes an HTTP(S) check: a fresh connection per hop, redirects followed up to `maxRedirects`,
 * the body read up to `maxBodyBytes`. Each redirect is recorded in `trace.redirects`, and the phases of
 * earlier hops are summed in `trace.earlierHopsPhases`.
 */
export async function probeHttp(
  check: ResolvedHttpCheck,
  resolvedHeaders: ResolvedHeaders,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<HttpResponse> {
  let request: RedirectedRequest = {
    url: new URL(check.url),
    method: check.method,
    body: check.body,
    headers: withDefaultHeaders(resolvedHeaders.headers),
  };
  const { redirects } = trace;
  for (;;) {
    const response = await probeOneHop(check, request, deadline, trace, settings);
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
      );
    }
    addPhases(trace.earlierHopsPhases, trace.phases);
    trace.phases = zeroPhases();
    delete trace.tls;
    request = followRedirect(request, response.status, next, resolvedHeaders.secretNames);
  }
}

async function probeOneHop(
  check: ResolvedHttpCheck,
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
      ...(isHttps ? { tls: check.tls, alpnProtocols: ['http/1.1'] } : {}),
    },
    deadline,
    trace,
    settings,
  );
  return exchange(
    socket,
    {
      url,
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      skipRedirectBody: check.maxRedirects > 0,
      maxBodyBytes: check.maxBodyBytes,
    },
    deadline,
    trace,
  );
}

function parseLocation(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new ProbeFailure('PROTOCOL_ERROR', `redirect to an invalid location: ${location.slice(0, 200)}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ProbeFailure('PROTOCOL_ERROR', `redirect to an unsupported scheme: ${next.protocol}`);
  }
  return next;
}

function withDefaultHeaders(headers: Record<string, string>): Record<string, string> {
  const hasUserAgent = Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent');
  return hasUserAgent ? headers : { 'user-agent': defaultUserAgent, ...headers };
}
