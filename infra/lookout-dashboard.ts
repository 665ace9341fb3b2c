import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import {
  formatDurationMs,
  type ProbePhase,
  type ResolvedCheck,
  type ResolvedMonitor,
  type SloObjective,
} from '../functions/core';
import { measuredPhases, usesTls } from '../functions/core/check-kinds';
import {
  availabilityMetric,
  type CheckSeries,
  deadLettersMetric,
  functionMetric,
  latencyMetric,
  phaseLatencyMetric,
  probesSkippedMetric,
  sloBudgetRemainingMetric,
} from './lookout-metrics';
import type { LookoutNames } from './physical-names';

/** Properties of `LookoutDashboard`. */
export interface LookoutDashboardProps {
  /** The resolved monitor. */
  monitor: ResolvedMonitor;
  /** The instance's physical names. */
  names: LookoutNames;
}

const percentiles = ['p50', 'p95', 'p99'] as const;
const fiveMinutes = Duration.minutes(5);
const sloObjectives: readonly SloObjective[] = ['availability', 'latency'];

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
        left: functions.map((fn) =>
          functionMetric(fn.name, 'Errors', {
            statistic: 'Sum',
            period: fiveMinutes,
            region: fn.region,
            label: `${fn.name} ${fn.region}`,
          }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration, max (ms)',
        region: home,
        width: 6,
        left: functions.map((fn) =>
          functionMetric(fn.name, 'Duration', {
            statistic: 'Maximum',
            period: fiveMinutes,
            region: fn.region,
            label: `${fn.name} ${fn.region}`,
          }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: 'Probes skipped for lack of time',
        region: home,
        width: 6,
        // Each probe function puts these in its own region.
        left: monitor.regions.map((region) =>
          probesSkippedMetric(region, { statistic: 'Sum', region, label: region }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead letters',
        region: home,
        width: 6,
        left: queueRegions.map((region) =>
          deadLettersMetric(names.deadLetterQueueName, {
            statistic: 'Maximum',
            period: fiveMinutes,
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

/** The latency phases graphed for a check: every phase its kind measures (see core/check-kinds.ts). */
function graphedPhases(check: ResolvedCheck): readonly ProbePhase[] {
  return measuredPhases(check.kind, usesTls(check) ?? false);
}

function checkRows(monitor: ResolvedMonitor, check: ResolvedCheck): cloudwatch.IWidget[][] {
  const home = monitor.homeRegion;
  const pooled: CheckSeries = { checkId: check.id };
  const series = monitor.metrics.perRegion
    ? check.regions.map((region) => ({ label: region, series: { checkId: check.id, region } }))
    : [{ label: 'all regions', series: pooled }];
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
      availabilityMetric(line.series, { statistic: 'Average', region: home, label: line.label }),
    ),
  });
  const latency = new cloudwatch.GraphWidget({
    title: `${check.id}: latency p50 / p95 / p99 (ms)`,
    region: home,
    width: 6,
    left: series.flatMap((line) =>
      percentiles.map((p) =>
        latencyMetric(line.series, { statistic: p, region: home, label: `${line.label} ${p}` }),
      ),
    ),
  });
  const phases = new cloudwatch.GraphWidget({
    title: `${check.id}: phases, median (ms)`,
    region: home,
    width: 6,
    stacked: true,
    left: graphedPhases(check).map((phase) =>
      phaseLatencyMetric(phase, pooled, { statistic: 'p50', region: home, label: phase }),
    ),
  });
  const objectives = sloObjectives.filter((objective) => check.slo?.[objective] !== undefined);
  const budget =
    objectives.length === 0
      ? new cloudwatch.TextWidget({ markdown: `**${check.id}**: no SLO declared.`, width: 6, height: 6 })
      : new cloudwatch.GraphWidget({
          title: `${check.id}: SLO budget remaining (%)`,
          region: home,
          width: 6,
          left: objectives.map((objective) =>
            sloBudgetRemainingMetric(check.id, objective, {
              statistic: 'Minimum',
              region: home,
              label: objective,
            }),
          ),
        });
  return [[header], [availability, latency, phases, budget]];
}
