import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  type CheckDeclaration,
  defineMonitor,
  http,
  type ResolvedMetricsOptions,
  type ResolvedMonitor,
  tcp,
  tls,
  validateMonitor,
} from '../../functions/core';
import { phaseMetricNames } from '../../functions/core/contract/metric-names';
import { resultLogFields, resultLogMessage } from '../../functions/core/contract/result-log';
import { CheckDashboard, checkIdPlaceholder, dashboardQuotas, LookoutDashboard } from '../../infra';
import { lookoutNames } from '../../infra/physical-names';
import { defined } from './defined';

const names = lookoutNames('lookout');
const allRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
];
const noOptIns: ResolvedMetricsOptions = {
  perRegion: false,
  phases: false,
  certificate: false,
  sloBudget: false,
};
const allOptIns: ResolvedMetricsOptions = {
  perRegion: true,
  phases: true,
  certificate: true,
  sloBudget: true,
};

interface Widget {
  type: string;
  properties: {
    title?: string;
    markdown?: string;
    region?: string;
    query?: string;
    metrics?: unknown[][];
  };
}

interface Body {
  widgets: Widget[];
  variables?: {
    type: string;
    pattern?: string;
    inputType: string;
    id: string;
    search?: string;
    defaultValue?: string;
  }[];
}

interface Dashboards {
  overview: { text: string; body: Body };
  checks: { text: string; body: Body };
}

/** A monitor of `count` checks of every kind, each in every region, with an SLO. */
function monitorOf(count: number, metrics: ResolvedMetricsOptions, regions = allRegions): ResolvedMonitor {
  const kinds = [
    (id: string): CheckDeclaration =>
      http({ id, url: `https://${id}.example.com/health`, slo: { availability: 99.9 } }),
    (id: string): CheckDeclaration => tcp({ id, host: `${id}.example.com`, port: 5432 }),
    (id: string): CheckDeclaration => tls({ id, host: `${id}.example.com` }),
  ];
  const validation = validateMonitor(
    defineMonitor({
      homeRegion: 'us-east-1',
      regions,
      checks: Array.from({ length: count }, (_, index) =>
        defined(kinds[index % kinds.length], 'a kind')(`c-${index}`),
      ),
    }),
  );
  if (!validation.ok) throw new Error('the fixture monitor is invalid');
  return { ...validation.monitor, metrics };
}

function synthDashboards(monitor: ResolvedMonitor): Dashboards {
  const stack = new Stack(new App(), 'Dashboards', { env: { account: '123456789012', region: 'us-east-1' } });
  new LookoutDashboard(stack, 'Overview', { monitor, names });
  new CheckDashboard(stack, 'Checks', { monitor, names });
  const bodies = new Map<string, string>();
  for (const resource of Object.values(
    Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'),
  )) {
    const { DashboardName, DashboardBody } = (
      resource as { Properties: { DashboardName: string; DashboardBody: unknown } }
    ).Properties;
    expect(typeof DashboardBody, 'a body with no CloudFormation references').toBe('string');
    bodies.set(DashboardName, DashboardBody as string);
  }
  const of = (name: string) => {
    const text = defined(bodies.get(name), `the dashboard ${name}`);
    return { text, body: JSON.parse(text) as Body };
  };
  return { overview: of(names.dashboardName), checks: of(names.checkDashboardName) };
}

function metricCount(widget: Widget): number {
  return widget.properties.metrics?.length ?? 0;
}

/** Every metric of every graph, as the text of its array (names, dimensions, expressions). */
function graphedMetrics(body: Body): string[] {
  return body.widgets.flatMap((widget) =>
    (widget.properties.metrics ?? []).map((metric) => JSON.stringify(metric)),
  );
}

describe('dashboards within CloudWatch quotas at any number of checks', () => {
  const small = synthDashboards(monitorOf(10, allOptIns));
  const large = synthDashboards(monitorOf(10_000, allOptIns));

  it.each([
    ['10', small],
    ['10,000', large],
  ] as const)(
    'stay within widget, metric and body quotas with %s checks, every opt-in and 8 regions',
    (_, dashboards) => {
      for (const { text, body } of [dashboards.overview, dashboards.checks]) {
        expect(body.widgets.length).toBeLessThanOrEqual(dashboardQuotas.widgetsPerDashboard);
        for (const widget of body.widgets)
          expect(metricCount(widget)).toBeLessThanOrEqual(dashboardQuotas.metricsPerWidget);
        const metrics = body.widgets.reduce((sum, widget) => sum + metricCount(widget), 0);
        expect(metrics).toBeLessThanOrEqual(dashboardQuotas.metricsPerDashboard);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(dashboardQuotas.bodyBytes);
      }
    },
  );

  it('do not grow with the number of checks', () => {
    for (const key of ['overview', 'checks'] as const) {
      expect(large[key].body.widgets.length).toBe(small[key].body.widgets.length);
      expect(graphedMetrics(large[key].body).length).toBe(graphedMetrics(small[key].body).length);
      // Only the check count in the overview's header, and the per-check dashboard's way of picking a check.
      expect(Math.abs(Buffer.byteLength(large[key].text) - Buffer.byteLength(small[key].text))).toBeLessThan(
        200,
      );
    }
    expect(Buffer.byteLength(large.overview.text) + Buffer.byteLength(large.checks.text)).toBeLessThan(
      40_000,
    );
  });

  it('name no check but the default one: checks are ranked, searched or picked', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `c-${index}`);
    for (const id of ids(10).slice(1)) {
      expect(small.overview.text).not.toContain(`"${id}"`);
      expect(small.checks.text).not.toContain(`"${id}"`);
    }
  });
});

describe('the overview dashboard', () => {
  it('ranks every check with Metrics Insights queries, which sort up to 10,000 series', () => {
    const { overview } = synthDashboards(monitorOf(10, noOptIns));
    const queries = graphedMetrics(overview.body).filter((metric) => metric.includes('SELECT'));
    expect(queries).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'SELECT AVG(Availability) FROM SCHEMA(Lookout, CheckId) GROUP BY CheckId ORDER BY AVG() ASC LIMIT 10',
        ),
        expect.stringContaining(
          'SELECT AVG(Latency) FROM SCHEMA(Lookout, CheckId) GROUP BY CheckId ORDER BY AVG() DESC LIMIT 10',
        ),
        expect.stringContaining('SELECT COUNT(Availability) FROM SCHEMA(Lookout, CheckId)'),
      ]),
    );
    expect(queries.join()).not.toContain('SloBudgetRemaining');
    expect(queries.join()).not.toContain('CertificateDaysLeft');
  });

  it('ranks SLO budgets and certificates only when those series are published', () => {
    const queries = graphedMetrics(synthDashboards(monitorOf(10, allOptIns)).overview.body).join('\n');
    expect(queries).toContain(
      'SELECT MIN(SloBudgetRemaining) FROM SCHEMA(Lookout, CheckId, Objective) GROUP BY CheckId, Objective ORDER BY MIN() ASC LIMIT 10',
    );
    expect(queries).toContain(
      'SELECT MIN(CertificateDaysLeft) FROM SCHEMA(Lookout, CheckId) GROUP BY CheckId ORDER BY MIN() ASC LIMIT 10',
    );
  });

  it("graphs both dead-letter queues of the home region when it also probes, and each probe region's", () => {
    const { overview } = synthDashboards(monitorOf(3, noOptIns, ['us-east-1', 'eu-west-1']));
    const queues = graphedMetrics(overview.body).filter((metric) => metric.includes('AWS/SQS'));
    expect(queues).toHaveLength(3);
    expect(queues.filter((metric) => metric.includes('lookout-home-dead-letters'))).toHaveLength(1);
    expect(queues.filter((metric) => metric.includes('lookout-probe-dead-letters'))).toHaveLength(2);
  });
});

describe('the per-check dashboard', () => {
  it('picks the check with a variable listed by a metric search, up to 500 checks', () => {
    const { checks } = synthDashboards(monitorOf(500, noOptIns));
    expect(checks.body.variables).toEqual([
      expect.objectContaining({
        type: 'pattern',
        pattern: checkIdPlaceholder,
        inputType: 'select',
        search: '{Lookout,CheckId} MetricName="Availability"',
        defaultValue: '__FIRST',
      }),
    ]);
  });

  it('has the check id typed beyond 500 checks (a search lists at most 500), the first check by default', () => {
    const { checks } = synthDashboards(monitorOf(501, noOptIns));
    expect(checks.body.variables).toEqual([
      expect.objectContaining({
        type: 'pattern',
        pattern: checkIdPlaceholder,
        inputType: 'input',
        defaultValue: 'c-0',
      }),
    ]);
  });

  it("graphs the chosen check's availability and latency percentiles, and no opt-in series by default", () => {
    const metrics = graphedMetrics(synthDashboards(monitorOf(10, noOptIns)).checks.body);
    const ofCheck = (name: string) =>
      metrics.filter((metric) => metric.startsWith(`["Lookout","${name}","CheckId","${checkIdPlaceholder}"`));
    expect(ofCheck('Availability')).toHaveLength(1);
    expect(ofCheck('Latency').map((metric) => /"stat":"(p\d+)"/.exec(metric)?.[1])).toEqual([
      'p50',
      'p95',
      'p99',
    ]);
    for (const name of [
      ...Object.values(phaseMetricNames),
      'CertificateDaysLeft',
      'SloBudgetRemaining',
      'SEARCH',
    ]) {
      expect(metrics.join('\n')).not.toContain(name);
    }
  });

  it('graphs each opt-in series when the monitor publishes it, per region through a search', () => {
    const metrics = graphedMetrics(synthDashboards(monitorOf(10, allOptIns)).checks.body).join('\n');
    for (const name of [...Object.values(phaseMetricNames), 'CertificateDaysLeft', 'SloBudgetRemaining']) {
      expect(metrics).toContain(`"${name}"`);
    }
    expect(metrics).toContain(
      `SEARCH('{Lookout,CheckId,Region} MetricName=\\"Availability\\" CheckId=\\"${checkIdPlaceholder}\\"', 'Average', 60)`,
    );
  });

  it("breaks the chosen check down in every probe region from that region's result log", () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const { checks } = synthDashboards(monitorOf(10, noOptIns, regions));
    const logWidgets = checks.body.widgets.filter((widget) => widget.type === 'log');
    expect(logWidgets.map((widget) => widget.properties.region)).toEqual(
      regions.flatMap((region) => [region, region, region]),
    );
    for (const widget of logWidgets) {
      const query = defined(widget.properties.query, 'a query');
      expect(query.startsWith("SOURCE '/aws/lambda/lookout-probe' | ")).toBe(true);
      expect(query).toContain(`filter ${resultLogFields.message} = "${resultLogMessage}"`);
      expect(query).toContain(`${resultLogFields.checkId} = "${checkIdPlaceholder}"`);
    }
    const queries = logWidgets.map((widget) => widget.properties.query).join('\n');
    for (const field of [
      resultLogFields.ok,
      resultLogFields.code,
      resultLogFields.latencyMs,
      resultLogFields.dnsMs,
      resultLogFields.tlsMs,
      resultLogFields.transferMs,
    ]) {
      expect(queries).toContain(`${field}`);
    }
  });
});
