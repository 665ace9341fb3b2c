import {
  defineMonitor,
  http,
  expect as lookoutExpect,
  type MonitorDeclaration,
  secret,
  tcp,
  tls,
} from '../../functions/core';

/**
 * A valid monitor that exercises most fields: checks[0] is HTTPS ('api'), checks[1] is TCP ('redis'),
 * checks[2] is TLS ('www-cert'). Tests copy it and break one thing at a time.
 */
export function validMonitor(): MonitorDeclaration {
  return defineMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    alerts: {
      email: ['oncall@example.com'],
      sms: ['+15551234567'],
      https: ['https://hooks.example.com/lookout'],
      sqs: ['arn:aws:sqs:us-east-1:123456789012:lookout-alerts'],
      lambda: ['arn:aws:lambda:us-east-1:123456789012:function:on-lookout-alert'],
    },
    defaults: { interval: '1m', timeout: '10s' },
    retention: '30d',
    checks: [
      http({
        id: 'api',
        url: 'https://api.example.com/health',
        headers: { authorization: secret('/lookout/orders-token'), accept: 'application/json' },
        assert: [
          lookoutExpect.status().equals(200),
          lookoutExpect.jsonBody('$.status').equals('ok'),
          lookoutExpect.latency().lessThan('800ms'),
          lookoutExpect.certificate().daysUntilExpiry().greaterThan(14),
        ],
        degradedLatency: '500ms',
        slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 }, window: '30d' },
        alert: { regionsToFail: 2, consecutiveFailures: 2 },
      }),
      tcp({ id: 'redis', host: 'cache.example.com', port: 6379, send: 'PING\r\n', expect: 'PONG' }),
      tls({ id: 'www-cert', host: 'www.example.com', minDaysValid: 21 }),
    ],
  });
}

/** Marks a key for removal in `changed`. */
export const remove = Symbol('remove');

/**
 * A copy of the valid monitor with values set at dotted paths (`'checks.0.timeout'`);
 * `remove` deletes the key. The copy is plain JSON data, like a shipped declaration.
 */
export function changed(changes: Record<string, unknown>): unknown {
  const monitor: unknown = JSON.parse(JSON.stringify(validMonitor()));
  for (const [dottedPath, value] of Object.entries(changes)) {
    const keys = dottedPath.split('.');
    const last = keys.pop() as string;
    let parent = monitor as Record<string, unknown>;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (value === remove) delete parent[last];
    else parent[last] = value;
  }
  return monitor;
}
