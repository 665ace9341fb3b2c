import type { DesiredStatus } from '../core/alerting/apply-status-change';
import { desiredSloStatus } from '../core/alerting/slo-alert';
import { buildSloMetrics } from '../core/metrics/build-slo-metrics';
import type { MetricDatum } from '../core/metrics/metric-datum';
import type { ProbeCounter } from '../core/ports/counter-store';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { evaluateSlo, sloWindowSpansMs } from '../core/slo/evaluate-slo';
import { windowTotals } from '../core/slo/window-totals';
import type { EvaluationDeps } from './evaluation-deps';

/** Where a check's SLO alerts should be, and their budget metrics. */
export interface CheckSlos {
  desired: { kind: 'slo-availability' | 'slo-latency'; status: DesiredStatus }[];
  datums: MetricDatum[];
}

/**
 * Evaluates each declared objective of the check from its counters: the probes of every window the burn-rate
 * rules and the budget read are `latest − (the newest counter at or before the window's start)`, one point read
 * per window start (six for a 30-day SLO: 5 min, 30 min, 1 h, 6 h, 3 d, 30 d), eventually consistent: 3 RRU,
 * whatever the window's length.
 */
export async function evaluateCheckSlos(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  latest: ProbeCounter,
  nowMs: number,
): Promise<CheckSlos> {
  const slo = check.slo;
  if (slo === undefined) return { desired: [], datums: [] };
  const spans = sloWindowSpansMs(slo.windowMs);
  const starts = await Promise.all(
    spans.map((spanMs) => deps.store.counterAtOrBefore(check.id, nowMs - spanMs)),
  );
  const windows = spans.map((spanMs, index) => ({ spanMs, ...windowTotals(latest, starts[index]) }));
  const objectives = [
    ...(slo.availability === undefined
      ? []
      : [{ objective: 'availability' as const, targetPercent: slo.availability }]),
    ...(slo.latency === undefined
      ? []
      : [{ objective: 'latency' as const, targetPercent: slo.latency.target }]),
  ];
  const verdicts = objectives.map((objective) =>
    evaluateSlo({ ...objective, windowMs: slo.windowMs, windows }),
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
      deps.monitor.metrics,
    ),
  };
}
