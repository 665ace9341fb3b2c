import { checkTarget } from '../check-target';
import { formatDurationMs } from '../declare/duration';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { Severity } from './alert-kind';
import type { DesiredStatus } from './apply-status-change';

/** A burn-rate rule, as the SLO math names it. */
export interface BurnRule {
  name: string;
  severity: Severity;
  factor: number;
  longMs: number;
  shortMs: number;
}

/** What the SLO math concluded for one objective. */
export interface SloVerdict {
  objective: 'availability' | 'latency';
  targetPercent: number;
  budgetRemainingPercent: number;
  firing?: { rule: BurnRule; severity: Severity; longBurnRate: number; shortBurnRate: number };
}

/** Where an SLO alert should be: firing at the rule's severity while a burn-rate rule fires. */
export function desiredSloStatus(check: ResolvedCheck, verdict: SloVerdict, windowMs: number): DesiredStatus {
  const firing = verdict.firing;
  const label = verdict.objective === 'availability' ? 'availability' : 'latency';
  const budget = `${verdict.budgetRemainingPercent.toFixed(1)}% of the ${formatDurationMs(windowMs)} error budget left`;
  return {
    status: firing ? 'firing' : 'ok',
    severity: firing?.severity ?? 'warning',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: check.regions,
      summary: firing
        ? `${check.name} is burning its ${verdict.targetPercent}% ${label} budget ${firing.longBurnRate.toFixed(1)}x too fast (${budget})`
        : `${check.name}'s ${label} budget burn is back under its limits (${budget})`,
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
              budgetRemainingPercent: verdict.budgetRemainingPercent,
            },
          }
        : {}),
    },
  };
}
