import { checkTarget } from '../check-target';
import { formatDurationMs } from '../declare/duration';
import type { ProbeResult } from '../probe-result';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { AlertKind, Severity } from './alert-kind';
import { lastFailureOf } from './last-failure';
import type { DescribeStreakChange } from './streak-alert';

/** An alert judged on rounds, by counting streaks of failed and passed rounds. */
export interface RoundAlert {
  kind: Extract<AlertKind, 'outage' | 'degraded'>;
  /** Whether the check has this alert. */
  appliesTo: (check: ResolvedCheck) => boolean;
  /** Whether a region's result counts against its round. */
  isBad: (result: ProbeResult) => boolean;
  /** The severity while firing. */
  severity: Severity;
  /** What the check is while firing, as in "orders-api is {down} in 2 of 3 regions". */
  condition: (check: ResolvedCheck) => string;
  /** The gist of the newest bad result, appended to the firing summary. */
  gist: (lastBad: ProbeResult) => string;
  /** What the check is again once resolved, as in "orders-api is {up again}". */
  recovered: (check: ResolvedCheck) => string;
}

/**
 * The round alerts, judged in this order: an outage counts failed regions and pages; degraded counts regions
 * that passed but slower than `degradedLatency`, and is a warning.
 */
export const roundAlerts: readonly RoundAlert[] = [
  {
    kind: 'outage',
    appliesTo: () => true,
    isBad: (result) => !result.ok,
    severity: 'critical',
    condition: () => 'down',
    gist: (lastBad) => (lastBad.error ? `: ${lastBad.error.code}` : ''),
    recovered: () => 'up again',
  },
  {
    kind: 'degraded',
    appliesTo: (check) => check.degradedLatencyMs !== undefined,
    isBad: (result) => result.ok && result.degraded,
    severity: 'warning',
    condition: (check) => `slower than${latencyLimit(check)}`,
    gist: (lastBad) => `: ${Math.round(lastBad.totalMs)} ms`,
    recovered: (check) => `back under${latencyLimit(check)}`,
  },
];

function latencyLimit(check: ResolvedCheck): string {
  return check.degradedLatencyMs === undefined ? '' : ` ${formatDurationMs(check.degradedLatencyMs)}`;
}

/**
 * How a round alert's change is worded for `check`: an opening names the bad regions and quotes the newest
 * bad result, and dates the alert from the streak's first failed round; a resolution names the regions that
 * reported.
 */
export function describeRoundAlert(alert: RoundAlert, check: ResolvedCheck): DescribeStreakChange {
  return (verdict, firing, current) => {
    const bad = verdict.badRegions;
    const gist = verdict.lastBad ? alert.gist(verdict.lastBad) : '';
    return {
      severity: alert.severity,
      details: {
        checkName: check.name,
        target: checkTarget(check),
        regions: firing ? bad : verdict.reportedRegions,
        summary: firing
          ? `${check.name} is ${alert.condition(check)} in ${bad.length} of ${check.regions.length} regions (${bad.join(', ')})${gist}`
          : `${check.name} is ${alert.recovered(check)}`,
        ...(firing && verdict.lastBad ? { lastFailure: lastFailureOf(verdict.lastBad) } : {}),
      },
      sinceMs: verdict.roundAtMs - (current.failedRounds - 1) * check.intervalMs,
    };
  };
}
