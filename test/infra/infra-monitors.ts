import {
  expect as check,
  defineMonitor,
  heartbeat,
  http,
  type MonitorDeclaration,
  secret,
  tcp,
  tls,
} from '../../functions/core';

/** A secret value the tests put where the local resolver reads it; it must never reach the synthesized output. */
export const secretValues = {
  '/lookout/orders-token': 'h3-canary-ssm-6f1c2b9e0d7a',
  'secretsmanager:prod/partner-key': 'h3-canary-sm-name-94ab21e8c3f0',
  'secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/legacy-AbCdEf':
    'h3-canary-sm-arn-0b7d55e1aa42',
} as const;

/**
 * Three regions (home us-east-1), every kind of alert target, and checks that use every kind of secret:
 * `api` (SSM, every region), `partner` (Secrets Manager by name, eu-west-1 only), `legacy` (Secrets Manager by
 * ARN, ap-southeast-2 only), plus TCP and TLS checks, one of them with an SLO.
 */
export function threeRegionMonitor(): MonitorDeclaration {
  return defineMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    alerts: {
      email: ['oncall@example.com', 'team@example.com'],
      sms: ['+15551234567'],
      https: ['https://hooks.example.com/lookout'],
      sqs: ['arn:aws:sqs:us-east-1:123456789012:lookout-alerts'],
      lambda: [
        'arn:aws:lambda:us-east-1:123456789012:function:on-lookout-alert',
        'arn:aws:lambda:eu-west-1:123456789012:function:elsewhere',
      ],
    },
    defaults: { interval: '1m', timeout: '10s' },
    checks: [
      http({
        id: 'api',
        url: 'https://api.example.com/health',
        headers: { authorization: secret('/lookout/orders-token'), accept: 'application/json' },
        slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } },
      }),
      http({
        id: 'partner',
        url: 'https://partner.example.com/ping',
        regions: ['eu-west-1'],
        headers: { 'x-api-key': secret('secretsmanager:prod/partner-key') },
      }),
      http({
        id: 'legacy',
        url: 'http://legacy.example.com/',
        regions: ['ap-southeast-2'],
        headers: {
          authorization: secret(
            'secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/legacy-AbCdEf',
          ),
        },
      }),
      tcp({ id: 'redis', host: 'cache.example.com', port: 6379, regions: ['us-east-1', 'eu-west-1'] }),
      tls({ id: 'www-cert', host: 'www.example.com', interval: '1h' }),
    ],
  });
}

/**
 * Enough sub-minute checks in eu-west-1 to need several probe shards there (each is due 6 times a minute with a
 * 10 s timeout), and one ordinary check in the home region, which needs one.
 */
export function manyChecksMonitor(count = 80): MonitorDeclaration {
  return defineMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    checks: [
      http({ id: 'home-only', url: 'https://home.example.com/', regions: ['us-east-1'] }),
      ...Array.from({ length: count }, (_, index) =>
        http({
          id: `busy-${index}`,
          url: `https://busy-${index}.example.com/`,
          regions: ['eu-west-1'],
          interval: '10s',
          timeout: '10s',
          // Two retries: each invocation runs one round, so a shard's worst case is timeout × attempts.
          retries: 2,
        }),
      ),
    ],
  });
}

/** The three-region monitor with a public status page of two of its checks. */
export function statusPageMonitor(): MonitorDeclaration {
  return { ...threeRegionMonitor(), statusPage: { title: 'Acme status', checks: ['api', 'www-cert'] } };
}

/**
 * The three-region monitor with two heartbeat checks, their tokens in SSM and in Secrets Manager: the home stack
 * gets the ping function and its Function URL.
 */
export function heartbeatMonitor(): MonitorDeclaration {
  const monitor = threeRegionMonitor();
  return {
    ...monitor,
    checks: [
      ...monitor.checks,
      heartbeat({
        id: 'nightly-backup',
        period: '1d',
        grace: '1h',
        token: secret('/lookout/heartbeat/backup'),
      }),
      heartbeat({
        id: 'weekly-report',
        period: '7d',
        grace: '2h',
        token: secret('secretsmanager:prod/report-token'),
      }),
    ],
  };
}

/** `count` checks shaped like the README's `orders-api` (secret header, five assertions, SLO, alert policy). */
export function readmeShapedMonitor(count: number): MonitorDeclaration {
  return defineMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    alerts: { email: ['oncall@example.com'] },
    defaults: { interval: '1m', timeout: '10s' },
    checks: Array.from({ length: count }, (_, index) =>
      http({
        id: `orders-api-${index}`,
        url: `https://api-${index}.example.com/health`,
        headers: { authorization: secret('/lookout/orders-token') },
        assert: [
          check.status().equals(200),
          check.jsonBody('$.status').equals('ok'),
          check.latency().lessThan('800ms'),
          check.latency('tls').lessThan('200ms'),
          check.certificate().daysUntilExpiry().greaterThan(14),
        ],
        degradedLatency: '500ms',
        slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 }, window: '30d' },
        alert: { regionsToFail: 2, consecutiveFailures: 2 },
      }),
    ),
  });
}
