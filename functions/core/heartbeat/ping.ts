import { keptPingBodyChars, maximumJobRunMs, pingRegion } from '../declare/defaults';
import { formatDurationMs } from '../declare/duration';
import type { StoredResult } from '../ports/stored-result';
import type { ProbeResult } from '../probe-result';
import type { ResolvedHeartbeatCheck } from '../resolve/resolved-monitor';

/** What a ping says: the job succeeded, began, or failed. */
export type PingKind = 'success' | 'start' | 'fail';

/**
 * The pseudo-region of `/start` pings: a start is stored as a result so that the success that follows can time the
 * run, but outside the check's one region (`'ping'`), so rounds, counters and SLOs never count it.
 */
export const pingStartRegion = 'ping-start';

/** A ping request, as its path names it: `/ping/<check-id>/<token>`, then `/start` or `/fail` or nothing. */
export interface PingRequest {
  checkId: string;
  token: string;
  kind: PingKind;
}

const pingPath = /^\/ping\/([a-z0-9-]{1,63})\/([^/]{1,256})(?:\/(start|fail))?\/?$/;

/** Reads a ping path; `undefined` when the path is not one (the caller answers 404). */
export function parsePingPath(path: string): PingRequest | undefined {
  const match = pingPath.exec(path.split('?')[0] ?? '');
  if (match === null) return undefined;
  const [, checkId = '', encodedToken = '', variant] = match;
  let token: string;
  try {
    token = decodeURIComponent(encodedToken);
  } catch {
    return undefined;
  }
  return { checkId, token, kind: variant === 'start' ? 'start' : variant === 'fail' ? 'fail' : 'success' };
}

/** What a ping brings besides its kind. */
export interface PingFacts {
  /** When it arrived, epoch milliseconds. */
  atMs: number;
  /** Its body (a failed job's output), as text; only the first `keptPingBodyChars` are kept. */
  body?: string;
  /**
   * When the run it ends began: the newest `/start` of the check within `maximumJobRunMs`, when there is one after
   * the previous success or failure.
   * @default undefined (no run time: latency 0)
   */
  startedAtMs?: number;
}

/** A ping body cut to what a result keeps, saying so when it was cut. */
export function keptPingBody(body: string): string {
  if (body.length <= keptPingBodyChars) return body;
  return `${body.slice(0, keptPingBodyChars)}… (${body.length - keptPingBodyChars} more characters not kept)`;
}

/**
 * The result a ping is stored as: its own round (`roundAtMs` is its arrival, so one ping is one round, judged at
 * once), region `'ping'` (a `/start`: `'ping-start'`), latency the run time from its `/start` (0 without one).
 * A `/fail` is `HEARTBEAT_FAILED` with the job's output (cut to 1,000 characters) as its message.
 */
export function pingResult(check: ResolvedHeartbeatCheck, kind: PingKind, facts: PingFacts): StoredResult {
  const runMs =
    kind !== 'start' && facts.startedAtMs !== undefined && facts.atMs - facts.startedAtMs <= maximumJobRunMs
      ? Math.max(0, facts.atMs - facts.startedAtMs)
      : 0;
  const ok = kind !== 'fail';
  const output =
    facts.body === undefined || facts.body.trim() === '' ? undefined : keptPingBody(facts.body.trim());
  const result: ProbeResult = {
    checkId: check.id,
    kind: 'heartbeat',
    region: kind === 'start' ? pingStartRegion : pingRegion,
    target: `ping/${check.id}`,
    startedAt: new Date(facts.atMs).toISOString(),
    ok,
    degraded: ok && check.degradedLatencyMs !== undefined && runMs > check.degradedLatencyMs,
    totalMs: runMs,
    phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: runMs },
    assertions: [],
    attempt: 1,
    ...(ok
      ? {}
      : {
          error: {
            code: 'HEARTBEAT_FAILED',
            message:
              output === undefined ? 'The job reported a failure' : `The job reported a failure: ${output}`,
            phase: 'transfer',
          },
        }),
  };
  return { result, roundAtMs: facts.atMs };
}

/**
 * The `/start` a success or failure ends: the newest start among `latest` (the check's newest result of each
 * region) that is newer than its newest ping and within `maximumJobRunMs` of `atMs`.
 */
export function runStartMs(latest: readonly StoredResult[], atMs: number): number | undefined {
  const newest = (region: string) =>
    latest
      .filter((stored) => stored.result.region === region)
      .map((stored) => Date.parse(stored.result.startedAt))
      .reduce<number | undefined>((max, ms) => (max === undefined || ms > max ? ms : max), undefined);
  const start = newest(pingStartRegion);
  if (start === undefined || atMs - start > maximumJobRunMs || start > atMs) return undefined;
  const ping = newest(pingRegion);
  return ping !== undefined && ping >= start ? undefined : start;
}

/**
 * The missed-ping result the sweep writes when `period + grace` passed without a ping: `HEARTBEAT_MISSED`, at the
 * deadline (its own round), saying when the last ping came. After one, the next is due a period later, so an
 * outage of many periods writes one result per period (counted in the SLO as one bad round each), not one per
 * minute. `latest` is the check's newest result in region `'ping'`: a ping, or an earlier missed result, whose
 * message carries the last ping's time forward. `undefined` when nothing is overdue, or before the first ping (a
 * heartbeat starts when its job first pings).
 */
export function missedPingResult(
  check: ResolvedHeartbeatCheck,
  latest: ProbeResult | undefined,
  nowMs: number,
): StoredResult | undefined {
  if (latest === undefined) return undefined;
  const latestMs = Date.parse(latest.startedAt);
  const wasMissed = latest.error?.code === 'HEARTBEAT_MISSED';
  const carried = wasMissed ? lastPingCarried.exec(latest.error?.message ?? '')?.[1] : latest.startedAt;
  const lastPingMs = carried === undefined ? undefined : Date.parse(carried);
  const dueMs = latestMs + check.periodMs + (wasMissed ? 0 : check.graceMs);
  if (nowMs < dueMs) return undefined;
  const since =
    lastPingMs === undefined || Number.isNaN(lastPingMs)
      ? 'no ping recorded'
      : `the last ping came at ${new Date(lastPingMs).toISOString()}`;
  const result: ProbeResult = {
    checkId: check.id,
    kind: 'heartbeat',
    region: pingRegion,
    target: `ping/${check.id}`,
    startedAt: new Date(dueMs).toISOString(),
    ok: false,
    degraded: false,
    totalMs: 0,
    phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 },
    assertions: [],
    attempt: 1,
    error: {
      code: 'HEARTBEAT_MISSED',
      message: `No ping within ${formatDurationMs(check.periodMs)} + ${formatDurationMs(check.graceMs)} grace; ${since}`,
      phase: 'setup',
    },
  };
  return { result, roundAtMs: dueMs };
}

/** The last ping's time in a missed result's message (the one place it is written: `missedPingResult`). */
const lastPingCarried = /the last ping came at (\S+Z)/;
