import { checkTarget } from '../check-target';
import { formatDurationMs } from '../declare/duration';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { DesiredStatus } from './apply-status-change';
import { lastFailureOf } from './last-failure';
import type { RoundVerdict } from './round-verdicts';

/** How an outage transition is worded and how urgent it is. */
export function describeOutage(
  check: ResolvedCheck,
  verdict: RoundVerdict,
  firing: boolean,
): Omit<DesiredStatus, 'status'> {
  const failing = verdict.badRegions;
  const what = verdict.lastBad?.error ? `: ${verdict.lastBad.error.code}` : '';
  return {
    severity: 'critical',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: firing ? failing : verdict.reportedRegions,
      summary: firing
        ? `${check.name} is down in ${failing.length} of ${check.regions.length} regions (${failing.join(', ')})${what}`
        : `${check.name} is up again`,
      ...(firing && verdict.lastBad ? { lastFailure: lastFailureOf(verdict.lastBad) } : {}),
    },
  };
}

/** How a degraded-latency transition is worded: a warning, not a page. */
export function describeDegraded(
  check: ResolvedCheck,
  verdict: RoundVerdict,
  firing: boolean,
): Omit<DesiredStatus, 'status'> {
  const slow = verdict.badRegions;
  const limit = check.degradedLatencyMs === undefined ? '' : ` ${formatDurationMs(check.degradedLatencyMs)}`;
  const took = verdict.lastBad ? `: ${Math.round(verdict.lastBad.totalMs)} ms` : '';
  return {
    severity: 'warning',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: firing ? slow : verdict.reportedRegions,
      summary: firing
        ? `${check.name} is slower than${limit} in ${slow.length} of ${check.regions.length} regions (${slow.join(', ')})${took}`
        : `${check.name} is back under${limit}`,
      ...(firing && verdict.lastBad ? { lastFailure: lastFailureOf(verdict.lastBad) } : {}),
    },
  };
}
