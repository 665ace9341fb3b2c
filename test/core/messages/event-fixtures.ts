import type { LookoutEvent } from '../../../functions/core/alerting/lookout-event';

const base = {
  schema: 'lookout.event.v1',
  checkId: 'orders-api',
  checkName: 'orders-api',
  target: 'https://api.example.com/health',
  dashboardUrl: 'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=Lookout',
} as const;

/** An outage that just opened: 3 of 3 regions failing, with failed assertions. */
export const outageOpened: LookoutEvent = {
  ...base,
  id: 'orders-api:outage:7',
  type: 'opened',
  kind: 'outage',
  severity: 'critical',
  regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
  since: '2025-03-01T12:03:00.000Z',
  at: '2025-03-01T12:05:00.000Z',
  summary: 'orders-api is down in 3 of 3 regions',
  lastFailure: {
    region: 'eu-west-1',
    at: '2025-03-01T12:04:00.000Z',
    code: 'ASSERTION_FAILED',
    message: '2 of 4 assertions failed',
    failedAssertions: [
      {
        assertion: { source: 'status', comparison: 'equals', target: 200 },
        passed: false,
        actual: 503,
        message: 'status was 503, expected 200',
      },
      {
        assertion: { source: 'jsonBody', property: '$.status', comparison: 'equals', target: 'ok' },
        passed: false,
        actual: 'degraded',
        message: 'JSON $.status was "degraded", expected "ok"',
      },
      {
        assertion: { source: 'latency', comparison: 'lessThan', target: 800 },
        passed: true,
        actual: 120.4,
        message: 'latency was 120.4ms, expected less than 800ms',
      },
    ],
  },
};

/** The same outage, resolved after 1 h 12 min. */
export const outageResolved: LookoutEvent = {
  ...outageOpened,
  id: 'orders-api:outage:12',
  type: 'resolved',
  severity: 'info',
  at: '2025-03-01T13:15:30.000Z',
  summary: 'orders-api is up again in every region',
};

/** A fast-burn availability SLO page. */
export const sloPage: LookoutEvent = {
  ...base,
  id: 'orders-api:slo-availability:3',
  type: 'opened',
  kind: 'slo-availability',
  severity: 'critical',
  regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
  since: '2025-03-02T08:00:00.000Z',
  at: '2025-03-02T08:00:00.000Z',
  summary: 'orders-api burns its availability error budget 20.5 times too fast',
  slo: {
    objective: 'availability',
    targetPercent: 99.9,
    windowMs: 30 * 86_400_000,
    rule: { name: 'page-fast', factor: 14.4, longWindowMs: 3_600_000, shortWindowMs: 300_000 },
    longBurnRate: 20.5,
    shortBurnRate: 31.25,
    budgetRemainingPercent: 72.44,
  },
  lastFailure: {
    region: 'ap-southeast-2',
    at: '2025-03-02T07:59:00.000Z',
    code: 'TIMEOUT',
    message: 'no response within 10000ms',
    failedAssertions: [],
  },
};

/** A certificate warning for a TLS check. */
export const certificateWarning: LookoutEvent = {
  ...base,
  id: 'www-cert:certificate:1',
  type: 'opened',
  kind: 'certificate',
  severity: 'warning',
  checkId: 'www-cert',
  checkName: 'WWW certificate',
  target: 'www.example.com:443',
  regions: ['eu-west-1'],
  since: '2025-03-05T00:00:00.000Z',
  at: '2025-03-05T00:00:00.000Z',
  summary: 'The certificate of www.example.com:443 expires in 12.3 days',
  certificate: {
    daysUntilExpiry: 12.34,
    validTo: '2025-03-17T08:10:00.000Z',
    subject: 'CN=www.example.com',
    region: 'eu-west-1',
  },
};

/** A probe region that went silent. */
export const probeMissing: LookoutEvent = {
  ...base,
  id: 'orders-api:probe-missing#ap-southeast-2:2',
  type: 'opened',
  kind: 'probe-missing',
  severity: 'warning',
  regions: ['ap-southeast-2'],
  since: '2025-03-03T23:58:00.000Z',
  at: '2025-03-04T00:01:00.000Z',
  summary: 'orders-api has had no result from ap-southeast-2 for 3 minutes',
};

/** A degraded reminder: passing but slow, without a dashboard link. */
export const degradedReminder: LookoutEvent = {
  schema: 'lookout.event.v1',
  id: 'redis:degraded:9',
  type: 'reminder',
  kind: 'degraded',
  severity: 'warning',
  checkId: 'redis',
  checkName: 'Redis (primary)',
  target: 'cache.example.com:6379',
  regions: ['us-east-1'],
  since: '2025-03-01T10:00:00.000Z',
  at: '2025-03-01T14:30:00.000Z',
  summary: 'Redis (primary) is slower than 500ms in us-east-1',
  lastFailure: {
    region: 'us-east-1',
    at: '2025-03-01T14:29:00.000Z',
    code: 'ASSERTION_FAILED',
    message: 'latency 912.3ms is over 500ms',
    failedAssertions: [
      {
        assertion: { source: 'latency', property: 'ttfb', comparison: 'lessThan', target: 500 },
        passed: false,
        actual: 912.3,
        message: 'ttfb latency was 912.3ms, expected less than 500ms',
      },
    ],
  },
};

/** Every golden file's event, by the file's name: each notification format renders each of them. */
export const goldenScenarios: Array<[string, LookoutEvent]> = [
  ['outage-opened', outageOpened],
  ['outage-resolved', outageResolved],
  ['slo-page', sloPage],
  ['certificate-warning', certificateWarning],
  ['probe-missing', probeMissing],
  ['degraded-reminder', degradedReminder],
];
