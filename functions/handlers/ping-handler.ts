import type { APIGatewayProxyStructuredResultV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { parsePingPath } from '../core/heartbeat/ping';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';
import type { LogEntry } from '../runtime/evaluation-deps';
import { type PingDeps, PingRateLimiter, recordPing } from '../runtime/record-ping';

/** What the ping handler is built from (once per container). */
export interface PingHandlerDeps {
  /** The monitor (the ping function's bundle holds only its heartbeat checks). */
  monitor: Pick<ResolvedMonitor, 'checks' | 'retentionMs'>;
  /** The store and the token resolver, made on the first ping and reused (see `createAwsPingAdapters`). */
  adapters: () => Promise<Pick<PingDeps, 'store' | 'resolveSecret'>>;
  now: () => number;
  /** Where log lines go: the check id and the outcome, never the path (it holds the token) nor the body. */
  log: (entry: LogEntry) => void;
  /**
   * Counts pings per check in this container.
   * @default a new `PingRateLimiter` (`maximumPingsPerMinute` per check a minute)
   */
  limiter?: PingRateLimiter;
}

/** The methods a ping may use: curl's default, a body with the job's output, and a check that sends no body. */
const pingMethods = new Set(['GET', 'HEAD', 'POST']);

/**
 * The ping function, behind its Function URL (payload format 2.0): `GET|POST /ping/<check-id>/<token>`, `/start`,
 * `/fail`. It answers as `lookout run`'s endpoint does (`recordPing`): 200 recorded, 404 unknown check or wrong
 * token (nothing recorded), 413 body over `maximumPingBodyBytes`, 429 over the check's rate, 405 another method,
 * each with a short plain-text body. A path that is not a ping's is answered without loading the store. When the
 * table cannot be written the invocation fails (Function URL answers 502, the `ping.errors` alarm counts it, and
 * `curl --retry` tries again).
 *
 * Per ping: one invocation of ~50 ms at 256 MB (0.0125 GB-s, about $0.0000004 with the request), plus
 * `recordPing`'s 1 WRU and 1 RRU. The Function URL itself is free.
 */
export function createPingHandler(deps: PingHandlerDeps) {
  const limiter = deps.limiter ?? new PingRateLimiter();
  return async (event: LambdaFunctionURLEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = event.requestContext.http.method.toUpperCase();
    if (!pingMethods.has(method)) return reply(405, 'use GET or POST\n', method);
    const parsed = parsePingPath(event.rawPath);
    if (parsed === undefined) return reply(404, 'not found\n', method);
    const body = bodyOf(event);
    const { checkId, kind } = parsed;
    let answer: Awaited<ReturnType<typeof recordPing>>;
    try {
      answer = await recordPing(
        { monitor: deps.monitor, ...(await deps.adapters()), limiter, now: deps.now, log: deps.log },
        { path: event.rawPath, bodyBytes: body.byteLength, body: body.toString('utf8') },
      );
    } catch (error) {
      deps.log({ level: 'error', message: 'ping not recorded', checkId, ping: kind, error: String(error) });
      throw new Error(`the ping of ${checkId} could not be recorded`);
    }
    deps.log({ level: 'info', message: 'ping answered', checkId, ping: kind, status: answer.status });
    return reply(answer.status, answer.text, method);
  };
}

/** The request body as received: Function URLs base64-encode a body that is not text. */
function bodyOf(event: LambdaFunctionURLEvent): Buffer {
  if (event.body === undefined || event.body === '') return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

function reply(statusCode: number, text: string, method: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body: method === 'HEAD' ? '' : text,
  };
}
