import type { DesiredStatus } from '../core/alerting/apply-status-change';
import { desiredSloStatus } from '../core/alerting/slo-alert';
import { dayMs } from '../core/declare/duration';
import { buildSloMetrics } from '../core/metrics/build-slo-metrics';
import type { MetricDatum } from '../core/metrics/metric-datum';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { burnRateRules } from '../core/slo/burn-rate-rules';
import { evaluateSlo } from '../core/slo/evaluate-slo';
import type { EvaluationDeps } from './evaluation-deps';

/** Where a check's SLO alerts should be, and their budget metrics. */
export interface CheckSlos {
  desired: { kind: 'slo-availability' | 'slo-latency'; status: DesiredStatus }[];
  datums: MetricDatum[];
}

/**
 * Reads the check's rollups (minute buckets for the burn-rate windows under a day, hour buckets for the
 * longer ones and the whole window) and evaluates each declared objective.
 */
export async function evaluateCheckSlos(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  nowMs: number,
): Promise<CheckSlos> {
  const slo = check.slo;
  if (slo === undefined) return { desired: [], datums: [] };
  const windows = burnRateRules(slo.windowMs).flatMap((rule) => [rule.longMs, rule.shortMs]);
  const minuteSpanMs = Math.max(0, ...windows.filter((windowMs) => windowMs < dayMs));
  const hourSpanMs = Math.max(slo.windowMs, ...windows.filter((windowMs) => windowMs >= dayMs));
  const [minuteBuckets, hourBuckets] = await Promise.all([
    minuteSpanMs > 0
      ? deps.store.readRollups(check.id, 'minute', nowMs - minuteSpanMs - 60_000, nowMs + 1)
      : Promise.resolve([]),
    deps.store.readRollups(check.id, 'hour', nowMs - hourSpanMs - 3_600_000, nowMs + 1),
  ]);
  const objectives = [
    ...(slo.availability === undefined
      ? []
      : [{ objective: 'availability' as const, targetPercent: slo.availability }]),
    ...(slo.latency === undefined
      ? []
      : [{ objective: 'latency' as const, targetPercent: slo.latency.target }]),
  ];
  const verdicts = objectives.map((objective) =>
    evaluateSlo({ ...objective, windowMs: slo.windowMs, nowMs, minuteBuckets, hourBuckets }),
  );
  return {
    desired: verdicts.map((verdict) => ({
      kind: verdict.objective === 'availability' ? 'slo-availability' : 'slo-latency',
      status: desiredSloStatus(check, verdict, slo.windowMs),
    })),
    datums: buildSloMetrics(
      verdicts.map((verdict) => ({
        checkId: check.id,
        objective: verdict.objective,
        budgetRemainingPercent: verdict.budgetRemainingPercent,
        atMs: nowMs,
      })),
    ),
  };
}
