import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { metricDimensions, metricNames } from '../core/contract/metric-names';
import { resultLogLine } from '../core/contract/result-log';
import { parseRoundInput, type RoundInput, type ScheduledInput } from '../core/contract/schedule-input';
import { minuteMs, secondMs } from '../core/declare/duration';
import { describeError } from '../core/lookout-error';
import type { MetricsSink } from '../core/ports/metrics-sink';
import type { ResultStore } from '../core/ports/result-store';
import type { QueuedRound, RoundQueue } from '../core/ports/round-queue';
import type { ResolvedMonitor, ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { type DueRound, dueRounds } from '../core/schedule/due-rounds';
import { checksForRegion, checksForShard } from '../core/schedule/placement';
import type { ProbeContext } from '../probe/probe-context';
import type { LogEntry } from '../runtime/evaluation-deps';
import { type RunMinuteOutcome, runRounds } from '../runtime/run-minute';

/**
 * What invokes the probe function: the scheduler, once a minute per shard (`ScheduledInput`), and the region's
 * round queue, with one `RoundInput` per message (batch size 1) for each later round of a minute.
 */
export type ProbeEvent = ScheduledInput | SQSEvent;

/** What the probe handler is built from (once per container). */
export interface ProbeHandlerDeps extends Omit<ProbeContext, 'region'> {
  monitor: ResolvedMonitor;
  /** The region this function runs in. */
  region: string;
  store: Pick<ResultStore, 'putResults'>;
  metrics: MetricsSink;
  log: (entry: LogEntry) => void;
  /** Writes one result's compact log line (core/contract/result-log.ts), as it is: one JSON line. */
  logResult: (line: ReturnType<typeof resultLogLine>) => void;
  /**
   * Where the later rounds of a minute are queued, each to start a new invocation at its time.
   * @default none: the scheduled invocation runs them itself, sleeping in between (tests, or no queue)
   */
  roundQueue?: RoundQueue;
  /**
   * Loads what probing uses before each invocation starts probing (once per container; see AwsProbeAdapters).
   * @default nothing to load
   */
  prepare?: () => Promise<void>;
  /** Waits until a round's time; injectable so tests need not. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @default 50 */
  concurrency?: number;
}

/** What one scheduled invocation did; also its return value, for the logs. */
export interface ProbeSummary {
  region: string;
  minute: string;
  shard: number;
  /** Rounds run in this invocation. */
  rounds: number;
  /** Later rounds of the minute queued, each for an invocation of its own. */
  queued: number;
  probed: number;
  skipped: number;
}

/** A round queued this soon (or already due) is run at once instead, by the invocation that found it due. */
const queueAtLeastMs = secondMs;

/** SQS's longest delivery delay. */
const maxDelaySeconds = 900;

/**
 * The probe function: runs the checks placed in its region (and shard) that are due. A scheduled invocation runs
 * the minute's rounds that are due now and queues each later one (sub-minute intervals) to start an invocation
 * of its own at its time, so that none waits idle in between: a 10 s check costs six short invocations a
 * minute instead of one of about 53 s. Results are written as probes finish; each is logged in one compact
 * line. Results it could not write after every retry are logged in full, then the invocation (or the queued
 * round's message) fails, so nothing is lost silently.
 */
export function createProbeHandler(deps: ProbeHandlerDeps) {
  const regionChecks = checksForRegion(deps.monitor, deps.region);

  async function run(
    rounds: readonly DueRound<ResolvedProbedCheck>[],
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<RunMinuteOutcome> {
    await deps.prepare?.();
    return runRounds(rounds, {
      ...deps,
      retentionMs: deps.monitor.retentionMs,
      remainingMs: () => context.getRemainingTimeInMillis(),
      onResult: (stored) => deps.logResult(resultLogLine(stored.result)),
    });
  }

  /** Logs what could not be written; whether anything was not. */
  function reportUnwritten(outcome: RunMinuteOutcome): number {
    let count = 0;
    for (const { results, error } of outcome.unwritten) {
      for (const stored of results) {
        count++;
        deps.log({ level: 'error', message: 'result not written', error: String(error), stored });
      }
    }
    return count;
  }

  /**
   * `ProbesSkipped` only when a probe was skipped: a series costs $0.30 for each month it has data, prorated by
   * the hour, so a region that never runs short of time pays nothing for it. (How long a run took is Lambda's own
   * free `Duration` metric.)
   */
  async function putRunMetrics(skipped: number, minuteStartMs: number): Promise<void> {
    if (skipped === 0) return;
    await deps.metrics.putMetrics([
      datum(metricNames.probesSkipped, 'Count', skipped, deps.region, minuteStartMs),
    ]);
  }

  async function scheduled(
    event: ScheduledInput,
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<ProbeSummary> {
    const startedMs = deps.now();
    const scheduledMs = event.scheduledTime === undefined ? Number.NaN : Date.parse(event.scheduledTime);
    const minuteStartMs =
      Math.floor((Number.isNaN(scheduledMs) ? startedMs : scheduledMs) / minuteMs) * minuteMs;
    const shard = event.shard ?? 0;
    const shardCount = event.shardCount ?? 1;
    const rounds = dueRounds(checksForShard(regionChecks, shard, shardCount), minuteStartMs);
    const { now, later } = splitRounds(rounds, startedMs);
    const notQueued = await queue(later, { shard, shardCount }, startedMs);
    const queuedCount = later.length - notQueued.length;
    const outcome = await run([...now, ...notQueued], context);
    const summary: ProbeSummary = {
      region: deps.region,
      minute: new Date(minuteStartMs).toISOString(),
      shard,
      rounds: outcome.rounds,
      queued: queuedCount,
      probed: outcome.probed,
      skipped: outcome.skipped,
    };
    if (outcome.skipped > 0) {
      deps.log({ level: 'warn', message: 'ran short of time: probes not started', ...summary });
    }
    await putRunMetrics(outcome.skipped, minuteStartMs);
    const unwritten = reportUnwritten(outcome);
    if (unwritten > 0) {
      throw new Error(
        `${unwritten} results could not be written to the table; they are in this invocation's log`,
      );
    }
    deps.log({ level: 'info', message: 'minute probed', ...summary });
    return summary;
  }

  /** Queues the later rounds; returns those that could not be queued (to run here, as before queues). */
  async function queue(
    later: readonly DueRound<ResolvedProbedCheck>[],
    shardOf: Pick<RoundInput, 'shard' | 'shardCount'>,
    nowMs: number,
  ): Promise<DueRound<ResolvedProbedCheck>[]> {
    if (later.length === 0) return [];
    if (deps.roundQueue === undefined) return [...later];
    const queued: QueuedRound[] = later.map((round) => ({
      input: { roundAtMs: round.roundAtMs, ...shardOf },
      // Rounded up: delivered at most a second late, never early (an early round would wait, idle, for its time).
      delaySeconds: Math.min(maxDelaySeconds, Math.max(0, Math.ceil((round.roundAtMs - nowMs) / secondMs))),
    }));
    const { notQueued, error } = await deps.roundQueue.queueRounds(queued);
    if (notQueued.length === 0) return [];
    deps.log({
      level: 'warn',
      message: 'rounds not queued: running them in this invocation',
      rounds: notQueued.map((input) => new Date(input.roundAtMs).toISOString()),
      error: describeError(error),
    });
    const missing = new Set(notQueued.map((input) => input.roundAtMs));
    return later.filter((round) => missing.has(round.roundAtMs));
  }

  async function queuedRounds(
    event: SQSEvent,
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<SQSBatchResponse> {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const startedMs = deps.now();
      const input = parseRoundInput(record.body);
      if (input === undefined) {
        deps.log({
          level: 'error',
          message: 'not a round: message dropped',
          body: record.body.slice(0, 200),
        });
        continue;
      }
      const minuteStartMs = Math.floor(input.roundAtMs / minuteMs) * minuteMs;
      const checks = checksForShard(regionChecks, input.shard, input.shardCount);
      const round = dueRounds(checks, minuteStartMs).find((due) => due.roundAtMs === input.roundAtMs);
      if (round === undefined) {
        // The monitor changed between the minute's start and this round (a deploy): nothing is due.
        deps.log({ level: 'info', message: 'no check due in this round', roundAt: iso(input.roundAtMs) });
        continue;
      }
      const lateMs = startedMs - input.roundAtMs;
      // Delivered after the next round of one of its checks started: worthless now, so counted as skipped.
      const tooLate = lateMs >= Math.min(...round.checks.map((check) => check.intervalMs));
      const outcome = tooLate
        ? { rounds: 0, probed: 0, skipped: round.checks.length, unwritten: [] }
        : await run([round], context);
      const summary = {
        region: deps.region,
        roundAt: iso(input.roundAtMs),
        shard: input.shard,
        lateMs,
        probed: outcome.probed,
        skipped: outcome.skipped,
      };
      if (outcome.skipped > 0) {
        const message = tooLate
          ? 'round delivered too late: not run'
          : 'ran short of time: probes not started';
        deps.log({ level: 'warn', message, ...summary });
      }
      await putRunMetrics(outcome.skipped, minuteStartMs);
      if (reportUnwritten(outcome) > 0) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      deps.log({ level: 'info', message: 'round probed', ...summary });
    }
    return { batchItemFailures };
  }

  return async <Event extends ProbeEvent>(
    event: Event,
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<ProbeReply<Event>> =>
    ('Records' in event
      ? await queuedRounds(event, context)
      : await scheduled(event, context)) as ProbeReply<Event>;
}

/** What the probe function returns: a summary to the scheduler, the failed messages to the queue's poller. */
export type ProbeReply<Event extends ProbeEvent> = Event extends SQSEvent ? SQSBatchResponse : ProbeSummary;

/** The rounds due now (or within a second) and those to queue. */
function splitRounds(
  rounds: readonly DueRound<ResolvedProbedCheck>[],
  nowMs: number,
): { now: DueRound<ResolvedProbedCheck>[]; later: DueRound<ResolvedProbedCheck>[] } {
  const now = rounds.filter((round) => round.roundAtMs - nowMs < queueAtLeastMs);
  return { now, later: rounds.filter((round) => !now.includes(round)) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function datum(
  name: string,
  unit: 'Count' | 'Milliseconds',
  value: number,
  region: string,
  timestampMs: number,
) {
  return { name, unit, values: [value], dimensions: { [metricDimensions.region]: region }, timestampMs };
}
