import type { Context } from 'aws-lambda';
import { metricDimensions, metricNames } from '../core/contract/metric-names';
import type { ScheduledInput } from '../core/contract/schedule-input';
import type { MetricsSink } from '../core/ports/metrics-sink';
import type { ResultStore } from '../core/ports/result-store';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';
import { checksForRegion, checksForShard } from '../core/schedule/placement';
import type { ProbeContext } from '../probe/probe-context';
import type { LogEntry } from '../runtime/evaluation-deps';
import { runMinute } from '../runtime/run-minute';

/** The input the schedule sends: its scheduled time, and which shard of the region's checks to run. */
export type ProbeEvent = ScheduledInput;

/** What the probe handler is built from (once per container). */
export interface ProbeHandlerDeps extends Omit<ProbeContext, 'region'> {
  /** Waits; injectable so tests need not. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  monitor: ResolvedMonitor;
  /** The region this function runs in. */
  region: string;
  store: ResultStore;
  metrics: MetricsSink;
  log: (entry: LogEntry) => void;
  /** @default 50 */
  concurrency?: number;
}

/** What one invocation did; also its return value, for the logs. */
export interface ProbeSummary {
  region: string;
  minute: string;
  shard: number;
  rounds: number;
  probed: number;
  skipped: number;
}

/**
 * The probe function: runs the checks placed in its region (and shard) that are due in the scheduled minute,
 * writes every result to the home table, and reports probes it had no time to start. Results it could not
 * write after every retry are logged in full, then the invocation fails, so nothing is lost silently.
 */
export function createProbeHandler(deps: ProbeHandlerDeps) {
  return async (
    event: ProbeEvent,
    context: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<ProbeSummary> => {
    const startedMs = deps.now();
    const scheduledMs = event.scheduledTime === undefined ? Number.NaN : Date.parse(event.scheduledTime);
    const minuteStartMs = Math.floor((Number.isNaN(scheduledMs) ? startedMs : scheduledMs) / 60_000) * 60_000;
    const shard = event.shard ?? 0;
    const shardCount = event.shardCount ?? 1;
    const checks = checksForShard(checksForRegion(deps.monitor, deps.region), shard, shardCount);
    const outcome = await runMinute({
      ...deps,
      checks,
      minuteStartMs,
      retentionMs: deps.monitor.retentionMs,
      remainingMs: () => context.getRemainingTimeInMillis(),
    });
    const summary: ProbeSummary = {
      region: deps.region,
      minute: new Date(minuteStartMs).toISOString(),
      shard,
      rounds: outcome.rounds,
      probed: outcome.probed,
      skipped: outcome.skipped,
    };
    if (outcome.skipped > 0) {
      deps.log({ level: 'warn', message: 'ran short of time: probes not started', ...summary });
    }
    await deps.metrics.putMetrics([
      datum(metricNames.probesSkipped, 'Count', outcome.skipped, deps.region, minuteStartMs),
      datum(metricNames.probeRunDuration, 'Milliseconds', deps.now() - startedMs, deps.region, minuteStartMs),
    ]);
    for (const { results, error } of outcome.unwritten) {
      for (const stored of results) {
        deps.log({ level: 'error', message: 'result not written', error: String(error), stored });
      }
    }
    if (outcome.unwritten.length > 0) {
      const count = outcome.unwritten.reduce((sum, batch) => sum + batch.results.length, 0);
      throw new Error(
        `${count} results could not be written to the table; they are in this invocation's log`,
      );
    }
    deps.log({ level: 'info', message: 'minute probed', ...summary });
    return summary;
  };
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
