import { quote } from '../assertions/describe-value';
import { maximumHeartbeatPeriodMs, minimumHeartbeatPeriodMs } from '../declare/defaults';
import { formatDurationMs } from '../declare/duration';
import { validateDurationBetween, validatePositiveDuration } from './duration-rules';
import type { UnknownRecord } from './rule-helpers';
import { validateSecretRef } from './secret-ref-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

/**
 * Reports what is wrong with a heartbeat's own fields (`period`, `grace`, `token`, `degradedLatency`). `path` is
 * `['checks', index]`. The schema already rejects what a heartbeat has no use for (`regions`, `interval`,
 * `timeout`, `retries`, `assert`, `alert.regionsToFail`, certificate days).
 */
export function validateHeartbeatCheck(
  report: ReportProblem,
  path: PathSegment[],
  check: UnknownRecord,
): void {
  const at = (key: string): PathSegment[] => [...path, key];
  const periodMs = validateDurationBetween(
    report,
    at('period'),
    check.period,
    minimumHeartbeatPeriodMs,
    maximumHeartbeatPeriodMs,
  );
  if (check.grace !== undefined) {
    // At most the period: a grace longer than the period would let a whole missed run pass unseen.
    validateDurationBetween(
      report,
      at('grace'),
      check.grace,
      minimumHeartbeatPeriodMs,
      periodMs ?? maximumHeartbeatPeriodMs,
    );
  }
  const token = check.token as { ref?: unknown } | undefined;
  validateSecretRef(report, [...at('token'), 'ref'], token?.ref);
  const degradedMs = validatePositiveDuration(report, at('degradedLatency'), check.degradedLatency);
  if (degradedMs !== undefined && periodMs !== undefined && degradedMs >= periodMs) {
    report(
      at('degradedLatency'),
      `degradedLatency ${quote(String(check.degradedLatency))} is not below the period ${formatDurationMs(periodMs)}; a run that long overlaps the next one`,
    );
  }
}
