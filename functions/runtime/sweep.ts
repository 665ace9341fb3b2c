import type { AlertKind } from '../core/alerting/alert-kind';
import type { AlertState } from '../core/alerting/alert-state';
import { applyStatusChange, type DesiredStatus } from '../core/alerting/apply-status-change';
import { desiredCertificateStatus } from '../core/alerting/certificate-alert';
import { followUp } from '../core/alerting/follow-up';
import { alertKey } from '../core/alerting/new-alert-state';
import { desiredProbeMissingStatus, missingAfterIntervals } from '../core/alerting/probe-missing-alert';
import { pingRegion } from '../core/declare/defaults';
import { missedPingResult } from '../core/heartbeat/ping';
import { mapBounded } from '../core/map-bounded';
import type { MetricDatum } from '../core/metrics/metric-datum';
import type { ProbeCounter } from '../core/ports/counter-store';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { isInMaintenance } from '../core/schedule/maintenance';
import { checksForShard } from '../core/schedule/placement';
import { advanceCounter, countingFromMs } from '../core/slo/advance-counter';
import { counterRetentionMs } from '../core/slo/counter-retention';
import { AlertBook } from './alert-book';
import { deliverOutbox } from './deliver-outbox';
import { evaluateCheckSlos } from './evaluate-check-slos';
import { evaluateRounds, roundCloseAfterMs, roundsFromMs } from './evaluate-rounds';
import type { EvaluationDeps } from './evaluation-deps';
import { summarizeDays } from './summarize-days';
import { transitionContextFor } from './transition-context-for';

/** Checks swept at once by default: each is a few round trips to the table, mostly waiting. */
export const defaultSweepConcurrency = 16;

/** Which checks one sweep takes, and how many at once. */
export interface SweepOptions {
  /**
   * This invocation's shard of the checks (see `checksForShard`).
   * @default 0
   */
  shard?: number;
  /**
   * How many shards the checks are split into.
   * @default 1
   */
  shardCount?: number;
  /**
   * Checks swept at once.
   * @default 16
   */
  concurrency?: number;
}

/** What one sweep did. */
export interface SweepOutcome {
  /** Checks swept without error. */
  swept: number;
  /** Checks whose sweep failed, with the reason (the next sweep tries again). */
  failed: { checkId: string; error: unknown }[];
  /** Notifications sent. */
  sent: number;
  /** The alert states of each check swept, as the sweep left them (the status page's states, not read again). */
  alertStates: Map<string, AlertState[]>;
}

/**
 * The minute-by-minute pass over the checks of one shard, `concurrency` at a time: judges rounds that closed
 * without every region reporting, certificate expiry, silent regions (probe missing); counts the rounds that
 * closed into the check's counter (every check: the SLO windows and the per-day history read it) and, when it
 * wrote one, evaluates the SLO's burn rates (and, with the first counter of a UTC day, adds the closed days to the
 * check's day summary: `summarizeDays`); settles flapping, sends reminders and what a maintenance window held
 * back; retries every notification still waiting; publishes SLO budgets.
 *
 * Per check-minute, in steady state (measured by `npm run bench:storage`): reads its alert states, its newest
 * counter and the results of the last few rounds (all eventually consistent, 2 RRU), plus one counter per SLO
 * window start (3 RRU for a 30-day SLO); writes one counter (1 WRU); alert states only when they change. Per
 * check-month: 86,400 RRU and 43,200 WRU ($0.011 + $0.027), plus 129,600 RRU ($0.016) with an SLO.
 */
export async function sweep(deps: EvaluationDeps, options: SweepOptions = {}): Promise<SweepOutcome> {
  const checks = checksForShard(deps.monitor.checks, options.shard ?? 0, options.shardCount ?? 1);
  const outcome: SweepOutcome = { swept: 0, failed: [], sent: 0, alertStates: new Map() };
  const datums: MetricDatum[] = [];
  await mapBounded(checks, options.concurrency ?? defaultSweepConcurrency, async (check) => {
    try {
      const checkOutcome = await sweepCheck(deps, check);
      datums.push(...checkOutcome.datums);
      outcome.sent += checkOutcome.sent;
      outcome.alertStates.set(check.id, checkOutcome.alertStates);
      outcome.swept += 1;
    } catch (error) {
      deps.log?.({
        level: 'error',
        message: 'sweeping a check failed',
        checkId: check.id,
        error: String(error),
      });
      outcome.failed.push({ checkId: check.id, error });
    }
  });
  if (datums.length > 0) await deps.metrics.putMetrics(datums);
  return outcome;
}

async function sweepCheck(
  deps: EvaluationDeps,
  check: ResolvedCheck,
): Promise<{ datums: MetricDatum[]; sent: number; alertStates: AlertState[] }> {
  const nowMs = deps.now();
  const context = transitionContextFor(deps, check.id, nowMs);
  const [book, previous] = await Promise.all([
    AlertBook.open(deps, check.id),
    deps.store.counterAtOrBefore(check.id, Number.POSITIVE_INFINITY),
  ]);
  // One read serves the round alerts, the latest result of each region and the rounds to count.
  const results = await deps.store.resultsSince(
    check.id,
    Math.min(
      roundsFromMs(book, check, nowMs),
      nowMs - missingAfterIntervals * check.intervalMs - check.timeoutMs,
      countingFromMs(previous, nowMs),
    ),
  );
  const missed = await recordMissedPing(deps, check, results, nowMs);
  if (missed !== undefined) results.push(missed);
  await evaluateRounds(deps, book, check, { results });
  const counter = await countClosedRounds(deps, check, previous, results, nowMs);
  // A region with no result since the read's start (more than its silence allows) last reported when the
  // counter says (its results are counted once their round closes).
  const latest = latestByRegion(results);
  const lastReportedMs = (counter ?? previous)?.lastReportedMs ?? {};
  const move = (key: string, kind: AlertKind, desired: DesiredStatus | undefined) =>
    desired === undefined
      ? Promise.resolve()
      : book.update(key, kind, (state) => applyStatusChange(state, desired, context));
  // TCP results carry no certificate facts, so their certificate alert is never judged.
  await move(
    alertKey('certificate'),
    'certificate',
    desiredCertificateStatus(
      check,
      [...latest.values()].map((stored) => stored.result),
    ),
  );
  // A heartbeat's silence is its missed pings (`recordMissedPing`), not a missing probe.
  for (const region of check.kind === 'heartbeat' ? [] : check.regions) {
    const reportedMs = lastReportedMs[region];
    const lastReportedAt =
      latest.get(region)?.result.startedAt ??
      (reportedMs === undefined ? undefined : new Date(reportedMs).toISOString());
    await move(
      alertKey('probe-missing', region),
      'probe-missing',
      desiredProbeMissingStatus(check, region, lastReportedAt, nowMs),
    );
  }
  // The SLO moves only when new rounds were counted (by this sweep: a racing one that wrote the minute first
  // evaluates it).
  const slos =
    counter === undefined
      ? { desired: [], datums: [] }
      : await evaluateCheckSlos(deps, check, counter, nowMs);
  for (const slo of slos.desired) await move(alertKey(slo.kind), slo.kind, slo.status);
  let sent = 0;
  for (const state of book.all()) {
    const followed = await book.update(state.key, state.kind, (current) =>
      followUp(current, context, check.alert.remindEveryMs),
    );
    sent += await deliverOutbox(deps, book, followed);
  }
  await summarizeDays(deps, check, previous, counter);
  return { datums: slos.datums, sent, alertStates: book.all() };
}

/** Writes the check's next counter when rounds closed (or late results came); the counter written, if any. */
async function countClosedRounds(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  previous: ProbeCounter | undefined,
  results: readonly StoredResult[],
  nowMs: number,
): Promise<ProbeCounter | undefined> {
  const next = advanceCounter({
    check,
    previous,
    results,
    nowMs,
    closeAfterMs: roundCloseAfterMs(check),
    inMaintenance: (atMs) => isInMaintenance(deps.monitor.maintenance, check.id, atMs) !== undefined,
  });
  if (next === undefined) return undefined;
  const written = await deps.store.putCounter(check.id, next, counterRetentionMs(check, deps.monitor));
  return written ? next : undefined;
}

/**
 * For a heartbeat whose `period + grace` passed without a ping, writes the `HEARTBEAT_MISSED` result (a result
 * like a ping's, so rounds, counters, SLOs and messages treat it as one failed round) and returns it; one per
 * missed period, each 1 WRU. Nothing for other kinds, or before a heartbeat's first ping. The read covers at
 * least two periods plus the grace (`missingAfterIntervals`), so the newest ping or missed result is in it.
 */
async function recordMissedPing(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  results: readonly StoredResult[],
  nowMs: number,
): Promise<StoredResult | undefined> {
  if (check.kind !== 'heartbeat') return undefined;
  const latest = latestByRegion(results).get(pingRegion)?.result;
  const missed = missedPingResult(check, latest, nowMs);
  if (missed === undefined) return undefined;
  await deps.store.putResults([missed], deps.monitor.retentionMs);
  return missed;
}

/** The newest result of each region among `results`. */
function latestByRegion(results: readonly StoredResult[]): Map<string, StoredResult> {
  const latest = new Map<string, StoredResult>();
  for (const stored of results) {
    const current = latest.get(stored.result.region);
    if (current === undefined || current.result.startedAt < stored.result.startedAt) {
      latest.set(stored.result.region, stored);
    }
  }
  return latest;
}
