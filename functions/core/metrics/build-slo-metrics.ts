import { metricDimensions, metricNames } from '../contract/metric-names';
import type { ResolvedMetricsOptions } from '../resolve/resolved-monitor';
import type { MetricDatum } from './metric-datum';
import { minuteStartMs, roundToStep } from './value-tally';

/** The error budget left of one SLO objective of one check, at one instant. */
export interface SloBudgetSample {
  checkId: string;
  objective: 'availability' | 'latency';
  /** Error budget left over the SLO window, in percent (negative once spent). */
  budgetRemainingPercent: number;
  /** When it was computed, epoch milliseconds. */
  atMs: number;
}

/** Budget percentages are rounded to this step. */
export const budgetPercentStep = 0.01;

/** Whether `buildSloMetrics` builds anything: the monitor's `metrics.sloBudget`. */
export type SloMetricsOptions = Pick<ResolvedMetricsOptions, 'sloBudget'>;

/**
 * Builds `SloBudgetRemaining` (Percent) datums with `CheckId` and `Objective` dimensions, at the minute of each
 * sample, when `options.sloBudget` is on (nothing otherwise: one series per objective costs $0.30 a month); of
 * several samples of the same objective in the same minute, the latest counts. Samples that are not finite
 * numbers are left out.
 */
export function buildSloMetrics(
  samples: readonly SloBudgetSample[],
  options: SloMetricsOptions,
): MetricDatum[] {
  if (!options.sloBudget) return [];
  const latest = new Map<string, SloBudgetSample>();
  for (const sample of samples) {
    if (!Number.isFinite(sample.budgetRemainingPercent) || !Number.isFinite(sample.atMs)) continue;
    const key = `${sample.checkId}\u0000${sample.objective}\u0000${minuteStartMs(sample.atMs)}`;
    const previous = latest.get(key);
    if (previous === undefined || sample.atMs >= previous.atMs) latest.set(key, sample);
  }
  return [...latest.values()].map((sample) => ({
    name: metricNames.sloBudgetRemaining,
    dimensions: {
      [metricDimensions.checkId]: sample.checkId,
      [metricDimensions.objective]: sample.objective,
    },
    unit: 'Percent',
    timestampMs: minuteStartMs(sample.atMs),
    values: [roundToStep(sample.budgetRemainingPercent, budgetPercentStep)],
  }));
}
