import type { ProbeResult } from '../probe-result';
import type { LastFailure } from './lookout-event';

/** The failure a message quotes, from a failed (or degraded) result. */
export function lastFailureOf(result: ProbeResult): LastFailure {
  return {
    region: result.region,
    at: result.startedAt,
    code: result.error?.code ?? 'ASSERTION_FAILED',
    message: result.error?.message ?? `took ${Math.round(result.totalMs)} ms`,
    failedAssertions: result.assertions.filter((outcome) => !outcome.passed),
  };
}
