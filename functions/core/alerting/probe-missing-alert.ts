import { checkTarget } from '../check-target';
import { formatDurationMs } from '../declare/duration';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { DesiredStatus } from './apply-status-change';

/** How many intervals a region may stay silent before its probe counts as missing. */
export const missingAfterIntervals = 2;

/**
 * Where a region's probe-missing alert should be: firing when its latest result (`lastReportedAt`, ISO 8601)
 * started more than two intervals (plus the probe's timeout) ago. A region that never reported is not judged:
 * there is no baseline (a new check, or a region just added) until it reports once.
 */
export function desiredProbeMissingStatus(
  check: ResolvedCheck,
  region: string,
  lastReportedAt: string | undefined,
  nowMs: number,
): DesiredStatus | undefined {
  if (lastReportedAt === undefined) return undefined;
  const lastMs = Date.parse(lastReportedAt);
  const silentMs = nowMs - lastMs;
  const missing = silentMs > missingAfterIntervals * check.intervalMs + check.timeoutMs;
  return {
    status: missing ? 'firing' : 'ok',
    severity: 'warning',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: [region],
      summary: missing
        ? `${check.name} has not been probed from ${region} for ${formatDurationMs(Math.floor(silentMs / 1000) * 1000)} (last result ${lastReportedAt})`
        : `${check.name} is being probed from ${region} again`,
    },
  };
}
