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
