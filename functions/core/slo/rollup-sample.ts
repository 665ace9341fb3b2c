import type { RollupSample } from '../ports/rollup-store';
import type { ProbeResult } from '../probe-result';
import type { ResolvedCheck } from '../resolve/resolved-monitor';

/**
 * A probe as SLO rollups count it: good for availability when it was ok; good for latency when it was ok and,
 * if the check has a latency objective, took at most its threshold.
 */
export function rollupSample(result: ProbeResult, check: Pick<ResolvedCheck, 'slo'>): RollupSample {
  const thresholdMs = check.slo?.latency?.thresholdMs;
  return {
    region: result.region,
    startedAtMs: Date.parse(result.startedAt),
    availabilityGood: result.ok,
    latencyGood: result.ok && (thresholdMs === undefined || result.totalMs <= thresholdMs),
  };
}
