/**
 * The one place that builds the CloudWatch metrics Lookout reads, for dashboard widgets and alarms alike (as
 * cdk-monitoring-constructs' metric factories do): Lookout's own metrics, with their names and dimensions from
 * core/contract, and the AWS metrics of its functions and dead-letter queues.
 */

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { ProbePhase, SloObjective } from '../functions/core';
import {
  metricDimensions,
  metricNames,
  metricsNamespace,
  phaseMetricNames,
} from '../functions/core/contract/metric-names';

/** How a metric is read. */
export interface MetricReading {
  /** Such as `'Average'`, `'Sum'`, `'Maximum'` or `'p95'`. */
  statistic: string;
  /**
   * The period of each data point.
   * @default one minute
   */
  period?: Duration;
  /**
   * The region the metric is in.
   * @default the region of the stack of the widget or alarm
   */
  region?: string;
  /**
   * The label of its line on a graph.
   * @default CloudWatch's default label
   */
  label?: string;
}

/** One series of a check's metric: pooled over the check's regions, or one region's. */
export interface CheckSeries {
  /** The check's id. */
  checkId: string;
  /**
   * The probe region, for the series published per region when the monitor's `metrics.perRegion` is on.
   * @default the series pooled over every region
   */
  region?: string;
}

/** The days until a check's certificate expires (None). */
export function certificateDaysLeftMetric(series: CheckSeries, reading: MetricReading): cloudwatch.Metric {
  return lookoutMetric(metricNames.certificateDaysLeft, checkDimensions(series), reading);
}

/** Availability of a check (Percent: the average is the share of ok probes). */
export function availabilityMetric(series: CheckSeries, reading: MetricReading): cloudwatch.Metric {
  return lookoutMetric(metricNames.availability, checkDimensions(series), reading);
}

/** Total probe latency of a check (Milliseconds). */
export function latencyMetric(series: CheckSeries, reading: MetricReading): cloudwatch.Metric {
  return lookoutMetric(metricNames.latency, checkDimensions(series), reading);
}

/** The latency of one phase of a check's probes (Milliseconds). */
export function phaseLatencyMetric(
  phase: ProbePhase,
  series: CheckSeries,
  reading: MetricReading,
): cloudwatch.Metric {
  return lookoutMetric(phaseMetricNames[phase], checkDimensions(series), reading);
}

/** The error budget left of one SLO objective of a check (Percent; negative once spent). */
export function sloBudgetRemainingMetric(
  checkId: string,
  objective: SloObjective,
  reading: MetricReading,
): cloudwatch.Metric {
  const dimensions = { [metricDimensions.checkId]: checkId, [metricDimensions.objective]: objective };
  return lookoutMetric(metricNames.sloBudgetRemaining, dimensions, reading);
}

/** Probes the probe function in `probeRegion` did not start for lack of time (Count). */
export function probesSkippedMetric(probeRegion: string, reading: MetricReading): cloudwatch.Metric {
  return lookoutMetric(metricNames.probesSkipped, { [metricDimensions.region]: probeRegion }, reading);
}

/** Which checks a ranking keeps: the `limit` with the lowest (`ASC`) or highest (`DESC`) `statistic`. */
export interface CheckRanking {
  /** Metrics Insights' aggregate over the graph's time range and each period. */
  statistic: 'AVG' | 'MIN' | 'MAX';
  order: 'ASC' | 'DESC';
  /** How many checks the graph shows. */
  limit: number;
}

/**
 * A Metrics Insights query that ranks every check by one of its pooled metrics (the series with only `CheckId`,
 * plus `Objective` for `SloBudgetRemaining`, through `SCHEMA`, so the per-region series never double-count) and
 * graphs the first `limit`. Unlike a SEARCH expression (at most 500 series, in no useful order), a query sorts
 * every series it processes, up to 10,000 (CloudWatch's Metrics Insights quota), so the graph stays right at
 * 10,000 checks and its definition does not grow with the check count.
 */
export function rankedChecksQuery(
  metricName: string,
  ranking: CheckRanking,
  reading: Pick<MetricReading, 'period' | 'label'>,
): cloudwatch.MathExpression {
  const groupBy =
    metricName === metricNames.sloBudgetRemaining
      ? [metricDimensions.checkId, metricDimensions.objective]
      : [metricDimensions.checkId];
  const expression = `SELECT ${ranking.statistic}(${metricName}) FROM SCHEMA(${metricsNamespace}, ${groupBy.join(', ')}) GROUP BY ${groupBy.join(', ')} ORDER BY ${ranking.statistic}() ${ranking.order} LIMIT ${ranking.limit}`;
  return new cloudwatch.MathExpression({
    expression,
    usingMetrics: {},
    period: reading.period ?? Duration.minutes(5),
    // An empty label leaves each line labelled with its check (and objective), not with the query.
    label: reading.label ?? '',
  });
}

/** A Metrics Insights query over every check's pooled series of a metric at once (one line, such as `AVG`). */
export function allChecksQuery(
  metricName: string,
  statistic: 'AVG' | 'SUM' | 'COUNT' | 'MIN' | 'MAX',
  reading: Pick<MetricReading, 'period' | 'label'>,
): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SELECT ${statistic}(${metricName}) FROM SCHEMA(${metricsNamespace}, ${metricDimensions.checkId})`,
    usingMetrics: {},
    period: reading.period ?? Duration.minutes(5),
    ...(reading.label === undefined ? {} : { label: reading.label }),
  });
}

/**
 * A SEARCH for the per-region series of one check's metric (published when the monitor's `metrics.perRegion`
 * is on): one line per region, labelled with it, whatever the number of regions.
 */
export function perRegionSearch(
  metricName: string,
  checkId: string,
  reading: MetricReading,
): cloudwatch.SearchExpression {
  const { checkId: checkDimension, region } = metricDimensions;
  return new cloudwatch.SearchExpression({
    expression: `SEARCH('{${metricsNamespace},${checkDimension},${region}} MetricName="${metricName}" ${checkDimension}="${checkId}"', '${reading.statistic}', ${(reading.period ?? Duration.minutes(1)).toSeconds()})`,
    label: reading.label ?? '',
    ...(reading.region === undefined ? {} : { searchRegion: reading.region }),
  });
}

/** A metric of one of Lookout's functions, such as `'Errors'`, `'Duration'` or `'IteratorAge'`. */
export function functionMetric(
  functionName: string,
  metricName: string,
  reading: MetricReading,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { FunctionName: functionName },
    ...readingProps(reading),
  });
}

/** The messages waiting in a dead-letter queue. */
export function deadLettersMetric(queueName: string, reading: MetricReading): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensionsMap: { QueueName: queueName },
    ...readingProps(reading),
  });
}

function checkDimensions(series: CheckSeries): Record<string, string> {
  return {
    [metricDimensions.checkId]: series.checkId,
    ...(series.region === undefined ? {} : { [metricDimensions.region]: series.region }),
  };
}

function lookoutMetric(
  metricName: string,
  dimensions: Record<string, string>,
  reading: MetricReading,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: metricsNamespace,
    metricName,
    dimensionsMap: dimensions,
    ...readingProps(reading),
  });
}

function readingProps(
  reading: MetricReading,
): Pick<cloudwatch.MetricProps, 'statistic' | 'period' | 'region' | 'label'> {
  return {
    statistic: reading.statistic,
    period: reading.period ?? Duration.minutes(1),
    ...(reading.region === undefined ? {} : { region: reading.region }),
    ...(reading.label === undefined ? {} : { label: reading.label }),
  };
}
