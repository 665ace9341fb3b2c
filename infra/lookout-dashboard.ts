import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ResolvedMonitor } from '../functions/core';
import { metricNames } from '../functions/core/contract/metric-names';
import {
  allChecksQuery,
  deadLettersMetric,
  functionMetric,
  probesSkippedMetric,
  rankedChecksQuery,
} from './lookout-metrics';
import { dashboardUrl, type LookoutNames } from './physical-names';

/** Properties of `LookoutDashboard`. */
export interface LookoutDashboardProps {
  /** The resolved monitor. */
  monitor: ResolvedMonitor;
  /** The instance's physical names. */
  names: LookoutNames;
}

/** How many checks each ranked graph shows. */
export const rankedCheckCount = 10;

const fiveMinutes = Duration.minutes(5);

/**
 * The overview dashboard, `<prefix>` in the home region, which every event links to. It does not grow with the
 * number of checks: the checks are ranked by Metrics Insights queries (the `rankedCheckCount` with the lowest
 * availability, the highest average latency and, when those series are published, the least SLO budget left and
 * the nearest certificate expiry), next to every check's pooled availability and probe count, and Lookout's own
 * health (its functions in every region, skipped probes, dead letters). One check at a time is on the
 * `CheckDashboard`.
 *
 * Cost: $3 a month, unless it is among the account's first three dashboards of up to 50 metrics each, which are
 * free (it graphs 9 to 11 series, plus 4 per probe region). Viewing it costs nothing more: it has no Logs Insights
 * widgets, and console graphs (Metrics Insights included) are not billed per query.
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
    for (const row of [...checkRows(monitor, names), ...lookoutRows(monitor, names)]) {
      this.dashboard.addWidgets(...row);
    }
  }
}

/** Every check at once: ranked, pooled, counted. */
function checkRows(monitor: ResolvedMonitor, names: LookoutNames): cloudwatch.IWidget[][] {
  const home = monitor.homeRegion;
  const optIn = monitor.metrics;
  const ranked = (title: string, query: cloudwatch.IMetric, unit: cloudwatch.YAxisProps = {}) =>
    new cloudwatch.GraphWidget({ title, region: home, width: 8, left: [query], leftYAxis: unit });
  const header = new cloudwatch.TextWidget({
    markdown: `## Lookout\n${monitor.checks.length} checks from ${monitor.regions.join(', ')}; results, alerts and this dashboard in ${home}. One check at a time, with its breakdown by region, phase and error: [${names.checkDashboardName}](${dashboardUrl(home, names.checkDashboardName)}).`,
    width: 24,
    height: 2,
  });
  const rows: cloudwatch.IWidget[][] = [
    [header],
    [
      ranked(
        `Lowest availability (%), ${rankedCheckCount} checks`,
        rankedChecksQuery(
          metricNames.availability,
          { statistic: 'AVG', order: 'ASC', limit: rankedCheckCount },
          { period: fiveMinutes },
        ),
        { min: 0, max: 100 },
      ),
      ranked(
        `Highest latency, average (ms), ${rankedCheckCount} checks`,
        rankedChecksQuery(
          metricNames.latency,
          { statistic: 'AVG', order: 'DESC', limit: rankedCheckCount },
          { period: fiveMinutes },
        ),
      ),
      new cloudwatch.GraphWidget({
        title: 'All checks: availability (%) and probes',
        region: home,
        width: 8,
        left: [allChecksQuery(metricNames.availability, 'AVG', { label: 'availability (%)' })],
        leftYAxis: { min: 0, max: 100 },
        right: [allChecksQuery(metricNames.availability, 'COUNT', { label: 'probes' })],
      }),
    ],
  ];
  const optional: cloudwatch.IWidget[] = [];
  if (optIn.sloBudget) {
    optional.push(
      ranked(
        `Least SLO budget left (%), ${rankedCheckCount} objectives`,
        rankedChecksQuery(
          metricNames.sloBudgetRemaining,
          { statistic: 'MIN', order: 'ASC', limit: rankedCheckCount },
          { period: fiveMinutes },
        ),
      ),
    );
  }
  if (optIn.certificate) {
    optional.push(
      ranked(
        `Nearest certificate expiry (days), ${rankedCheckCount} checks`,
        rankedChecksQuery(
          metricNames.certificateDaysLeft,
          { statistic: 'MIN', order: 'ASC', limit: rankedCheckCount },
          { period: Duration.hours(1) },
        ),
      ),
    );
  }
  if (optional.length > 0) rows.push(optional);
  return rows;
}

/** Lookout's own health: its functions in every region, skipped probes, dead letters. */
function lookoutRows(monitor: ResolvedMonitor, names: LookoutNames): cloudwatch.IWidget[][] {
  const home = monitor.homeRegion;
  const functions = [
    ...monitor.regions.map((region) => ({ name: names.probeFunctionName, region })),
    { name: names.evaluateFunctionName, region: home },
    { name: names.sweepFunctionName, region: home },
  ];
  const queues = [
    { name: names.deadLetterQueueNames.home, region: home, label: `${home} home` },
    ...monitor.regions.map((region) => ({
      name: names.deadLetterQueueNames.probe,
      region,
      label: `${region} probe`,
    })),
  ];
  return [
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
        left: queues.map((queue) =>
          deadLettersMetric(queue.name, {
            statistic: 'Maximum',
            period: fiveMinutes,
            region: queue.region,
            label: queue.label,
          }),
        ),
      }),
    ],
  ];
}
