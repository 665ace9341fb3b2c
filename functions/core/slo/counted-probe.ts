import type { ProbeResult } from '../probe-result';
import type { ResolvedCheck } from '../resolve/resolved-monitor';

/** How one probe counts towards each objective. */
export interface ProbeGoodness {
  /** Good for availability: the probe was ok. */
  availabilityGood: boolean;
  /** Good for latency: the probe was ok and, if the check has a latency objective, at or under its threshold. */
  latencyGood: boolean;
}

/**
 * A probe as the counters count it: good for availability when it was ok; good for latency when it was ok and,
 * if the check has a latency objective, took at most its threshold.
 */
export function countedProbe(
  result: Pick<ProbeResult, 'ok' | 'totalMs'>,
  check: Pick<ResolvedCheck, 'slo'>,
): ProbeGoodness {
  const thresholdMs = check.slo?.latency?.thresholdMs;
  return {
    availabilityGood: result.ok,
    latencyGood: result.ok && (thresholdMs === undefined || result.totalMs <= thresholdMs),
  };
}
