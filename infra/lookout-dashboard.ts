import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { formatDurationMs, type ResolvedCheck, type ResolvedMonitor } from '../functions/core';
import { metricDimensions, metricNames, metricsNamespace } from '../functions/core/contract/metric-names';
import type { LookoutNames } from './physical-names';

/** Properties of `LookoutDashboard`. */
export interface LookoutDashboardProps {
  /** The resolved monitor. */
  monitor: ResolvedMonitor;
  /** The instance's physical names. */
  names: LookoutNames;
}

const period = Duration.minutes(1);
const percentiles = ['p50', 'p95', 'p99'] as const;

/** The widgets of one check: a header, then availability, latency, phases and SLO budget in one row. */
export const widgetsPerCheck = 5;

/**
 * The CloudWatch dashboard, in the home region: a row on Lookout itself, then for each check its availability
 * and latency p50/p95/p99 by region, its phase latencies and its SLO budget remaining.
 */
export class LookoutDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: LookoutDashboardProps) {
    super(scope, id);
    const { monitor, names } = props;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: names.dashboardName,
      defaultInterval: Duration.hours(3),
    });
    const rows = [
      ...lookoutRows(monitor, names),
      ...monitor.checks.flatMap((check) => checkRows(monitor, check)),
    ];
    for (const row of rows) this.dashboard.addWidgets(...row);
  }
}

function lookoutMetric(
  name: string,
  region: string,
  dimensions: Record<string, string>,
  statistic: string,
  label: string,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: metricsNamespace,
    metricName: name,
    dimensionsMap: dimensions,
    statistic,
    period,
    region,
    label,
  });
}

function lambdaMetric(
  functionName: string,
  region: string,
  metricName: string,
  statistic: string,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { FunctionName: functionName },
    statistic,
    period: Duration.minutes(5),
    region,
    label: `${functionName} ${region}`,
  });
}

/** Lookout's own health: its functions in every region, skipped probes, dead letters. */
function lookoutRows(monitor: ResolvedMonitor, names: LookoutNames): cloudwatch.IWidget[][] {
  const home = monitor.homeRegion;
  const functions = [
    ...monitor.regions.map((region) => ({ name: names.probeFunctionName, region })),
    { name: names.evaluateFunctionName, region: home },
    { name: names.sweepFunctionName, region: home },
  ];
  const queueRegions = [...new Set([home, ...monitor.regions])];
  return [
    [
      new cloudwatch.TextWidget({
        markdown: `## Lookout\n${monitor.checks.length} checks from ${monitor.regions.join(', ')}; results, alerts and this dashboard in ${home}.`,
        width: 24,
        height: 2,
      }),
    ],
    [
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        region: home,
        width: 6,
        left: functions.map((fn) => lambdaMetric(fn.name, fn.region, 'Errors', 'Sum')),
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration, max (ms)',
        region: home,
        width: 6,
        left: functions.map((fn) => lambdaMetric(fn.name, fn.region, 'Duration', 'Maximum')),
      }),
      new cloudwatch.GraphWidget({
        title: 'Probes skipped for lack of time',
        region: home,
        width: 6,
        // Each probe function puts these in its own region.
        left: monitor.regions.map((region) =>
          lookoutMetric(
            metricNames.probesSkipped,
            region,
            { [metricDimensions.region]: region },
            'Sum',
            region,
          ),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead letters',
        region: home,
        width: 6,
        left: queueRegions.map(
          (region) =>
            new cloudwatch.Metric({
              namespace: 'AWS/SQS',
              metricName: 'ApproximateNumberOfMessagesVisible',
              dimensionsMap: { QueueName: names.deadLetterQueueName },
              statistic: 'Maximum',
              period: Duration.minutes(5),
              region,
              label: region,
            }),
        ),
      }),
    ],
  ];
}

function describeTarget(check: ResolvedCheck): string {
  return check.kind === 'http'
    ? `${check.method} ${check.url}`
    : `${check.kind.toUpperCase()} ${check.host}:${check.port}`;
}

/** The phases a check of this kind measures. */
function phasesOf(check: ResolvedCheck): { name: string; label: string }[] {
  const dns = { name: metricNames.latencyDns, label: 'dns' };
  const connect = { name: metricNames.latencyConnect, label: 'connect' };
  const tls = { name: metricNames.latencyTls, label: 'tls' };
  const ttfb = { name: metricNames.latencyTtfb, label: 'ttfb' };
  const transfer = { name: metricNames.latencyTransfer, label: 'transfer' };
  if (check.kind === 'tls') return [dns, connect, tls];
  if (check.kind === 'tcp') return [dns, connect, ttfb];
  return check.url.startsWith('https:')
    ? [dns, connect, tls, ttfb, transfer]
    : [dns, connect, ttfb, transfer];
}

function checkRows(monitor: ResolvedMonitor, check: ResolvedCheck): cloudwatch.IWidget[][] {
  const home = monitor.homeRegion;
  const pooled = { [metricDimensions.checkId]: check.id };
  const inRegion = (region: string) => ({ ...pooled, [metricDimensions.region]: region });
  const series = monitor.metrics.perRegion
    ? check.regions.map((region) => ({ label: region, dimensions: inRegion(region) }))
    : [{ label: 'all regions', dimensions: pooled }];
  const header = new cloudwatch.TextWidget({
    markdown: `### ${check.name} \`${check.id}\`\n${describeTarget(check)} · every ${formatDurationMs(check.intervalMs)} · from ${check.regions.join(', ')}`,
    width: 24,
    height: 2,
  });
  const availability = new cloudwatch.GraphWidget({
    title: `${check.id}: availability (%)`,
    region: home,
    width: 6,
    leftYAxis: { min: 0, max: 100 },
    left: series.map((line) =>
      lookoutMetric(metricNames.availability, home, line.dimensions, 'Average', line.label),
    ),
  });
  const latency = new cloudwatch.GraphWidget({
    title: `${check.id}: latency p50 / p95 / p99 (ms)`,
    region: home,
    width: 6,
    left: series.flatMap((line) =>
      percentiles.map((p) =>
        lookoutMetric(metricNames.latency, home, line.dimensions, p, `${line.label} ${p}`),
      ),
    ),
  });
  const phases = new cloudwatch.GraphWidget({
    title: `${check.id}: phases, median (ms)`,
    region: home,
    width: 6,
    stacked: true,
    left: phasesOf(check).map((phase) => lookoutMetric(phase.name, home, pooled, 'p50', phase.label)),
  });
  const objectives = [
    ...(check.slo?.availability === undefined ? [] : ['availability']),
    ...(check.slo?.latency === undefined ? [] : ['latency']),
  ];
  const budget =
    objectives.length === 0
      ? new cloudwatch.TextWidget({ markdown: `**${check.id}**: no SLO declared.`, width: 6, height: 6 })
      : new cloudwatch.GraphWidget({
          title: `${check.id}: SLO budget remaining (%)`,
          region: home,
          width: 6,
          left: objectives.map((objective) =>
            lookoutMetric(
              metricNames.sloBudgetRemaining,
              home,
              { ...pooled, [metricDimensions.objective]: objective },
              'Minimum',
              objective,
            ),
          ),
        });
  return [[header], [availability, latency, phases, budget]];
}
