import { checkTarget } from '../check-target';
import { formatDurationMs } from '../declare/duration';
import { spanInWords } from '../messages/format-span';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { EventCounts } from '../slo/burn-rate';
import type { SloEvaluation } from '../slo/evaluate-slo';
import type { DesiredStatus } from './apply-status-change';

/** What the SLO math concluded for one objective, as the alert reads it. */
export type SloVerdict = Pick<
  SloEvaluation,
  'objective' | 'targetPercent' | 'budgetRemainingPercent' | 'windowCounts' | 'firing' | 'measured'
>;

/**
 * Whether an error budget figure means something yet: once the SLO window holds enough probes for its budget
 * to allow at least one bad probe (1,000 for 99.9%). Before that (a new check), one failed probe already
 * "spends" the budget many times over, and the figure (-99900% after 3 failed probes of 3) tells nothing.
 */
export function budgetIsMeasurable(windowCounts: EventCounts, targetPercent: number): boolean {
  return windowCounts.total * (1 - targetPercent / 100) >= 1 - 1e-9;
}

/**
 * Where an SLO alert should be: firing at the rule's severity while a burn-rate rule fires. The summary says
 * how fast the budget burns and how much of it is left; while the window holds too few probes for a budget
 * figure (see `budgetIsMeasurable`), it says what happened instead: `failed 3 of 3 probes in the last hour`.
 */
export function desiredSloStatus(check: ResolvedCheck, verdict: SloVerdict, windowMs: number): DesiredStatus {
  const firing = verdict.firing;
  const label = verdict.objective === 'availability' ? 'availability' : 'latency';
  const measurable = budgetIsMeasurable(verdict.windowCounts, verdict.targetPercent);
  const budget = `${verdict.budgetRemainingPercent.toFixed(1)}% of the ${formatDurationMs(windowMs)} error budget left`;
  const long = firing === undefined ? undefined : verdict.measured[firing.rule.name];
  const longWindowProbes = long === undefined ? undefined : { bad: long.longBad, total: long.longTotal };
  let summary: string;
  if (firing === undefined) {
    summary = measurable
      ? `${check.name}'s ${label} budget burn is back under its limits (${budget})`
      : `${check.name}'s ${label} budget burn is back under its limits`;
  } else if (measurable || longWindowProbes === undefined) {
    summary = `${check.name} is burning its ${verdict.targetPercent}% ${label} budget ${firing.longBurnRate.toFixed(1)}x too fast (${budget})`;
  } else {
    summary = `${check.name} ${whatHappened(check, verdict, longWindowProbes, firing.rule.longMs)}, against its ${verdict.targetPercent}% ${label} objective`;
  }
  return {
    status: firing ? 'firing' : 'ok',
    severity: firing?.severity ?? 'warning',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: check.regions,
      summary,
      ...(firing
        ? {
            slo: {
              objective: verdict.objective,
              targetPercent: verdict.targetPercent,
              windowMs,
              rule: {
                name: firing.rule.name,
                factor: firing.rule.factor,
                longWindowMs: firing.rule.longMs,
                shortWindowMs: firing.rule.shortMs,
              },
              longBurnRate: firing.longBurnRate,
              shortBurnRate: firing.shortBurnRate,
              ...(longWindowProbes === undefined ? {} : { longWindowProbes }),
              ...(measurable ? { budgetRemainingPercent: verdict.budgetRemainingPercent } : {}),
            },
          }
        : {}),
    },
  };
}

/**
 * What the probes showed, after the check's name: `failed 3 of 3 probes in the last hour`, `had 4 of 6 probes
 * slower than 300ms or failing in the last hour`.
 */
function whatHappened(
  check: ResolvedCheck,
  verdict: SloVerdict,
  probes: { bad: number; total: number },
  spanMs: number,
): string {
  const counted = `${probes.bad} of ${probes.total} ${probes.total === 1 ? 'probe' : 'probes'}`;
  const when = `in the last ${spanInWords(spanMs)}`;
  const thresholdMs = check.slo?.latency?.thresholdMs;
  if (verdict.objective === 'latency' && thresholdMs !== undefined) {
    return `had ${counted} slower than ${formatDurationMs(thresholdMs)} or failing ${when}`;
  }
  return `failed ${counted} ${when}`;
}
