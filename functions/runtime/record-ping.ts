import { createHash, timingSafeEqual } from 'node:crypto';
import type { SecretRef } from '../core/declare/declarations';
import { maximumJobRunMs, maximumPingBodyBytes, maximumPingsPerMinute } from '../core/declare/defaults';
import { minuteMs } from '../core/declare/duration';
import { type PingKind, parsePingPath, pingResult, runStartMs } from '../core/heartbeat/ping';
import type { ResultStore } from '../core/ports/result-store';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedHeartbeatCheck, ResolvedMonitor } from '../core/resolve/resolved-monitor';
import type { LogEntry } from './evaluation-deps';

/**
 * At most `limit` pings per check in any `windowMs`, counted in this process (one ping-function container, or
 * `lookout run`). Across containers the function's reserved concurrency is the hard cap; this keeps one runaway
 * job from writing a result per request.
 */
export class PingRateLimiter {
  readonly #recent = new Map<string, number[]>();

  constructor(
    readonly limit: number = maximumPingsPerMinute,
    readonly windowMs: number = minuteMs,
  ) {}

  /** Counts a ping of `checkId` at `nowMs`; false (and not counted) when the check is over its limit. */
  admit(checkId: string, nowMs: number): boolean {
    const recent = (this.#recent.get(checkId) ?? []).filter((atMs) => nowMs - atMs < this.windowMs);
    if (recent.length >= this.limit) {
      this.#recent.set(checkId, recent);
      return false;
    }
    recent.push(nowMs);
    this.#recent.set(checkId, recent);
    return true;
  }
}

/** What recording pings needs; the ping handler and `lookout run` build it. */
export interface PingDeps {
  monitor: Pick<ResolvedMonitor, 'checks' | 'retentionMs'>;
  store: ResultStore;
  /** Reads a check's token (SSM, Secrets Manager, or locally an environment variable), cached by the resolver. */
  resolveSecret: (secret: SecretRef) => Promise<string>;
  limiter: PingRateLimiter;
  now: () => number;
  /**
   * Called with what was just written (locally: evaluate at once; on AWS the table's stream does it).
   * @default nothing
   */
  onRecorded?: (results: readonly StoredResult[]) => Promise<void>;
  /**
   * Where log lines go; they never carry the token or the body.
   * @default nowhere
   */
  log?: (entry: LogEntry) => void;
}

/** A ping request as the endpoint received it. */
export interface PingRequestIn {
  /** The URL path, such as `/ping/nightly-backup/<token>/fail`. */
  path: string;
  /** The body's size in bytes (as received, before decoding). */
  bodyBytes: number;
  /** The body as text (a job's output). */
  body: string;
}

/** The endpoint's answer: 200 recorded; 404 unknown check or wrong token; 413 body too large; 429 rate-limited. */
export interface PingResponse {
  status: 200 | 404 | 413 | 429;
  /** A short plain-text body (never the token). */
  text: string;
  /** What was written, on 200. */
  recorded?: StoredResult;
}

const notFound: PingResponse = { status: 404, text: 'not found\n' };

/**
 * Records one ping: finds the heartbeat, compares the token in constant time (a wrong one is indistinguishable
 * from an unknown check: 404, nothing recorded), rejects bodies over `maximumPingBodyBytes` (413) and pings over
 * the check's rate (429), then writes the ping as a result through the result store, so the evaluator sees it as
 * any probe's (on AWS through the table's stream).
 *
 * Per ping: 1 WRU for the result (2 for a `/fail` with a long output), plus 1 RRU (eventually consistent) for a
 * success or failure to find its `/start`: $0.0000008 on DynamoDB on-demand, and one ping-function invocation.
 */
export async function recordPing(deps: PingDeps, request: PingRequestIn): Promise<PingResponse> {
  const parsed = parsePingPath(request.path);
  if (parsed === undefined) return notFound;
  const check = deps.monitor.checks.find(
    (candidate): candidate is ResolvedHeartbeatCheck =>
      candidate.kind === 'heartbeat' && candidate.id === parsed.checkId,
  );
  if (check === undefined) return notFound;
  if (request.bodyBytes > maximumPingBodyBytes) {
    return { status: 413, text: `body over ${maximumPingBodyBytes} bytes\n` };
  }
  if (!(await tokenMatches(deps, check, parsed.token))) {
    deps.log?.({ level: 'warn', message: 'ping with a wrong token', checkId: check.id });
    return notFound;
  }
  const atMs = deps.now();
  if (!deps.limiter.admit(check.id, atMs)) {
    return { status: 429, text: 'too many pings\n' };
  }
  const stored = pingResult(check, parsed.kind, {
    atMs,
    ...(request.body === '' ? {} : { body: request.body }),
    ...(await startOfRun(deps, check, parsed.kind, atMs)),
  });
  await deps.store.putResults([stored], deps.monitor.retentionMs);
  deps.log?.({ level: 'info', message: 'ping recorded', checkId: check.id, ping: parsed.kind });
  await deps.onRecorded?.([stored]);
  return { status: 200, text: 'OK\n', recorded: stored };
}

async function startOfRun(
  deps: PingDeps,
  check: ResolvedHeartbeatCheck,
  kind: PingKind,
  atMs: number,
): Promise<{ startedAtMs?: number }> {
  if (kind === 'start') return {};
  const latest = await deps.store.latestResults(check.id, atMs - maximumJobRunMs);
  const startedAtMs = runStartMs(latest, atMs);
  return startedAtMs === undefined ? {} : { startedAtMs };
}

/** Compares the token with the check's secret in constant time (digests of equal length). */
async function tokenMatches(deps: PingDeps, check: ResolvedHeartbeatCheck, token: string): Promise<boolean> {
  let expected: string;
  try {
    expected = await deps.resolveSecret(check.token);
  } catch (error) {
    deps.log?.({
      level: 'error',
      message: 'reading the ping token failed',
      checkId: check.id,
      error: String(error),
    });
    return false;
  }
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return expected !== '' && timingSafeEqual(digest(expected), digest(token));
}
