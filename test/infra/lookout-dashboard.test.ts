import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckDeclaration,
  defineMonitor,
  http,
  type ProbePhase,
  type ResolvedCheck,
  tcp,
  tls,
  validateMonitor,
} from '../../functions/core';
import { type CheckKind, checkKinds, measuredPhases, usesTls } from '../../functions/core/check-kinds';
import { metricNames } from '../../functions/core/contract/metric-names';
import { LookoutDashboard } from '../../infra';
import { lookoutNames } from '../../infra/physical-names';
import { defined } from './defined';

/** Checks of every kind, and of each way a kind can go (an `http:` and an `https:` URL). */
const checksByKind: Record<CheckKind, CheckDeclaration[]> = {
  http: [
    http({ id: 'web-https', url: 'https://www.example.com/' }),
    http({ id: 'web-plain', url: 'http://legacy.example.com/' }),
  ],
  tcp: [tcp({ id: 'smtp', host: 'mail.example.com', port: 25, expect: '220' })],
  tls: [tls({ id: 'cert', host: 'www.example.com' })],
};

const phaseMetricNames: Record<ProbePhase, string> = {
  dns: metricNames.latencyDns,
  connect: metricNames.latencyConnect,
  tls: metricNames.latencyTls,
  ttfb: metricNames.latencyTtfb,
  transfer: metricNames.latencyTransfer,
};

interface Widget {
  properties: { title?: string; metrics?: unknown[][] };
}

let checks: ResolvedCheck[];
let widgets: Widget[];

beforeAll(() => {
  const validation = validateMonitor(
    defineMonitor({ homeRegion: 'us-east-1', checks: Object.values(checksByKind).flat() }),
  );
  if (!validation.ok) throw new Error('the fixture monitor is invalid');
  checks = validation.monitor.checks;
  const stack = new Stack(new App(), 'Dashboard', { env: { account: '123456789012', region: 'us-east-1' } });
  new LookoutDashboard(stack, 'Dashboard', { monitor: validation.monitor, names: lookoutNames('lookout') });
  const [dashboard] = Object.values(
    Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'),
  ) as {
    Properties: { DashboardBody: unknown };
  }[];
  const body = defined(dashboard, 'a dashboard').Properties.DashboardBody;
  expect(typeof body).toBe('string');
  widgets = (JSON.parse(body as string) as { widgets: Widget[] }).widgets;
});

/** The metric names on a check's phases widget. */
function graphedPhaseMetrics(checkId: string): unknown[] {
  const title = `${checkId}: phases, median (ms)`;
  const widget = widgets.find((candidate) => candidate.properties.title === title);
  return defined(widget?.properties.metrics, `metrics in "${title}"`).map((metric) => metric[1]);
}

describe('LookoutDashboard: phases', () => {
  it("graphs a TCP check's transfer latency, which the probe measures and publishes", () => {
    expect(graphedPhaseMetrics('smtp')).toContain('LatencyTransfer');
  });

  it.each(checkKinds)('graphs every phase that the kinds table lists for a %s check', (kind) => {
    const ofKind = checks.filter((check) => check.kind === kind);
    expect(ofKind).toHaveLength(checksByKind[kind].length);
    for (const check of ofKind) {
      const phases = measuredPhases(kind, defined(usesTls(check), `whether ${check.id} uses TLS`));
      expect(graphedPhaseMetrics(check.id)).toEqual(phases.map((phase) => phaseMetricNames[phase]));
    }
  });

  it('graphs the TLS phase only for checks that talk TLS', () => {
    expect(graphedPhaseMetrics('web-https')).toContain('LatencyTls');
    expect(graphedPhaseMetrics('web-plain')).not.toContain('LatencyTls');
    expect(graphedPhaseMetrics('smtp')).not.toContain('LatencyTls');
  });
});
