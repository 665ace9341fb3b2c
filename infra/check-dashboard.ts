import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ProbePhase, ResolvedMetricsOptions, ResolvedMonitor, SloObjective } from '../functions/core';
import { metricDimensions, metricNames, metricsNamespace } from '../functions/core/contract/metric-names';
import { dashboardQuotas } from './dashboard-quotas';
import {
  availabilityMetric,
  certificateDaysLeftMetric,
  latencyMetric,
  perRegionSearch,
  phaseLatencyMetric,
  sloBudgetRemainingMetric,
} from './lookout-metrics';
import { functionLogGroupName, type LookoutNames } from './physical-names';
import { availabilityQuery, outcomesQuery, phasesQuery } from './result-log-queries';

/** Properties of `CheckDashboard`. */
export interface CheckDashboardProps {
  /** The resolved monitor. */
  monitor: ResolvedMonitor;
  /** The instance's physical names. */
  names: LookoutNames;
}

/**
 * What the dashboard body holds wherever the chosen check's id goes, until its variable replaces it (a pattern
 * variable rewrites the body). Check ids are lowercase, so this can never be one.
 */
export const checkIdPlaceholder = 'LOOKOUT_CHECK_ID';

/** The id of the dashboard's variable. */
export const checkVariableId = 'checkId';

const percentiles = ['p50', 'p95', 'p99'] as const;
const phases: readonly ProbePhase[] = ['dns', 'connect', 'tls', 'ttfb', 'transfer'];
const sloObjectives: readonly SloObjective[] = ['availability', 'latency'];

/**
 * The per-check dashboard, `<prefix>_checks` in the home region: one check at a time, picked with its `Check`
 * variable, so that the body is the same size for 10 checks or 10,000. With up to 500 checks the variable lists
 * them (a metric search of the `Availability` series, which returns at most 500); with more, the check id is
 * typed (the first check's is the default).
 *
 * For the chosen check: its `Availability` and `Latency` p50/p95/p99 (the default metrics, pooled over regions),
 * and the opt-in series the monitor publishes (per region, phases, certificate, SLO budget); then for each probe
 * region, from that region's probe result log through Logs Insights: availability over time, the outcomes (ok
 * or each error code) with their latency percentiles, and the median of each phase. These replace the per-region
 * and phase metric series by default.
 *
 * Cost: $3 a month, unless it is among the account's first three dashboards of up to 50 metrics each, which are
 * free (it graphs 4 metrics, up to 14 with every opt-in series), plus Logs Insights at $0.005 per GB
 * scanned each time the dashboard loads or refreshes: 3 queries per probe region, each scanning that region's
 * probe log over the time range shown (about 250 bytes per result). For 100 checks every minute from 3 regions,
 * a 3-hour view scans about 3 × 3 × 4.5 MB ≈ 40 MB, $0.0002; for 10,000 checks, about $0.02 (and a week's view
 * 56 times that).
 */
export class CheckDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: CheckDashboardProps) {
    super(scope, id);
    const { monitor, names } = props;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: names.checkDashboardName,
      defaultInterval: Duration.hours(3),
      variables: [checkVariable(monitor)],
    });
    const header = new cloudwatch.TextWidget({
      markdown: `## One check\nPick the check above (**Check**). Graphs of its CloudWatch metrics from ${monitor.homeRegion}, then for each probe region a breakdown from that region's probe result log (Logs Insights, billed per GB scanned when shown).`,
      width: 24,
      height: 2,
    });
    this.dashboard.addWidgets(header);
    this.dashboard.addWidgets(...metricWidgets(monitor.homeRegion, monitor.metrics));
    for (const region of monitor.regions) this.dashboard.addWidgets(...resultLogWidgets(region, names));
  }
}

/** The variable that picks the check: listed from a metric search up to 500 checks, typed beyond. */
function checkVariable(monitor: ResolvedMonitor): cloudwatch.DashboardVariable {
  const common = {
    id: checkVariableId,
    type: cloudwatch.VariableType.PATTERN,
    label: 'Check',
    value: checkIdPlaceholder,
    visible: true,
  };
  if (monitor.checks.length <= dashboardQuotas.seriesPerSearch) {
    return new cloudwatch.DashboardVariable({
      ...common,
      inputType: cloudwatch.VariableInputType.SELECT,
      values: cloudwatch.Values.fromSearchComponents({
        namespace: metricsNamespace,
        dimensions: [metricDimensions.checkId],
        metricName: metricNames.availability,
        populateFrom: metricDimensions.checkId,
      }),
      defaultValue: cloudwatch.DefaultValue.FIRST,
    });
  }
  const first = monitor.checks[0];
  return new cloudwatch.DashboardVariable({
    ...common,
    inputType: cloudwatch.VariableInputType.INPUT,
    ...(first === undefined ? {} : { defaultValue: cloudwatch.DefaultValue.value(first.id) }),
  });
}

/** The chosen check's metrics: the default ones, and each opt-in series the monitor publishes. */
function metricWidgets(home: string, optIn: ResolvedMetricsOptions): cloudwatch.IWidget[] {
  const check = { checkId: checkIdPlaceholder };
  const graph = (
    title: string,
    left: cloudwatch.IMetric[],
    props: Partial<cloudwatch.GraphWidgetProps> = {},
  ) => new cloudwatch.GraphWidget({ title, region: home, width: 6, left, ...props });
  const byRegion = (metricName: string, statistic: string) =>
    optIn.perRegion
      ? [
          perRegionSearch(metricName, checkIdPlaceholder, {
            statistic,
            region: home,
            label: `\${PROP('Dim.${metricDimensions.region}')} ${statistic}`,
          }),
        ]
      : [];
  const widgets: cloudwatch.IWidget[] = [
    graph(
      'Availability (%)',
      [
        availabilityMetric(check, { statistic: 'Average', region: home, label: 'all regions' }),
        ...byRegion(metricNames.availability, 'Average'),
      ],
      { leftYAxis: { min: 0, max: 100 } },
    ),
    graph('Latency p50 / p95 / p99 (ms)', [
      ...percentiles.map((p) =>
        latencyMetric(check, { statistic: p, region: home, label: `all regions ${p}` }),
      ),
      ...byRegion(metricNames.latency, 'p95'),
    ]),
  ];
  if (optIn.phases) {
    widgets.push(
      graph(
        'Phases, median (ms)',
        phases.map((phase) =>
          phaseLatencyMetric(phase, check, { statistic: 'p50', region: home, label: phase }),
        ),
        { stacked: true },
      ),
    );
  }
  if (optIn.certificate) {
    widgets.push(
      graph('Certificate: days left', [
        certificateDaysLeftMetric(check, {
          statistic: 'Minimum',
          period: Duration.hours(1),
          region: home,
          label: 'days left',
        }),
      ]),
    );
  }
  if (optIn.sloBudget) {
    widgets.push(
      graph(
        'SLO budget remaining (%)',
        sloObjectives.map((objective) =>
          sloBudgetRemainingMetric(checkIdPlaceholder, objective, {
            statistic: 'Minimum',
            region: home,
            label: objective,
          }),
        ),
      ),
    );
  }
  return widgets;
}

/** One probe region's breakdown of the chosen check, from its result log. */
function resultLogWidgets(region: string, names: LookoutNames): cloudwatch.IWidget[] {
  const logGroupNames = [functionLogGroupName(names.probeFunctionName)];
  const common = { region, logGroupNames, width: 8, height: 6 };
  return [
    new cloudwatch.LogQueryWidget({
      ...common,
      title: `${region}: availability (%)`,
      queryString: availabilityQuery(checkIdPlaceholder),
      view: cloudwatch.LogQueryVisualizationType.LINE,
    }),
    new cloudwatch.LogQueryWidget({
      ...common,
      title: `${region}: outcomes and latency (ms)`,
      queryString: outcomesQuery(checkIdPlaceholder),
      view: cloudwatch.LogQueryVisualizationType.TABLE,
    }),
    new cloudwatch.LogQueryWidget({
      ...common,
      title: `${region}: phases, median (ms)`,
      queryString: phasesQuery(checkIdPlaceholder),
      view: cloudwatch.LogQueryVisualizationType.STACKEDAREA,
    }),
  ];
}
