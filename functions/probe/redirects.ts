import type { HttpMethod } from '../core/declare/declarations';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Headers that must not follow a redirect to another origin. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** Whether a status asks the client to go elsewhere. */
export function isRedirectStatus(status: number): boolean {
  return redirectStatuses.has(status);
}

/** The next request after a redirect, as browsers make it. */
export interface RedirectedRequest {
  url: URL;
  method: HttpMethod;
  body: string | undefined;
  headers: Record<string, string>;
}

/**
 * Applies a redirect: 303 (and 301/302 after a POST) become a GET without a body; 307/308 keep both.
 * Credentials and secret headers are dropped when the origin changes.
 */
export function followRedirect(
  from: RedirectedRequest,
  status: number,
  location: URL,
  secretHeaderNames: ReadonlySet<string>,
): RedirectedRequest {
  const becomesGet = status === 303 || ((status === 301 || status === 302) && from.method === 'POST');
  const sameOrigin = location.origin === from.url.origin;
  const headers = sameOrigin
    ? from.headers
    : Object.fromEntries(
        Object.entries(from.headers).filter(([name]) => {
          const lower = name.toLowerCase();
          return !credentialHeaders.has(lower) && !secretHeaderNames.has(lower);
        }),
      );
  return {
    url: location,
    method: becomesGet && from.method !== 'HEAD' ? 'GET' : from.method,
    body: becomesGet ? undefined : from.body,
    headers,
  };
}
