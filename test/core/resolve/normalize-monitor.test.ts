import { describe, expect, it } from 'vitest';
import {
  defineMonitor,
  http,
  expect as lookoutExpect,
  type MonitorDeclaration,
  type ResolvedMonitor,
  secret,
  tcp,
  tls,
  validateMonitor,
} from '../../../functions/core';
import { validMonitor } from '../monitor-fixture';

function resolve(declaration: unknown): ResolvedMonitor {
  const validation = validateMonitor(declaration);
  if (!validation.ok) throw new Error(`expected a valid monitor, got ${JSON.stringify(validation.problems)}`);
  return validation.monitor;
}

const minimal: MonitorDeclaration = defineMonitor({
  homeRegion: 'eu-west-1',
  checks: [
    http({ id: 'site', url: 'https://www.example.com/' }),
    tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
    tls({ id: 'cert', host: 'www.example.com' }),
  ],
});

describe('normalization fills every default', () => {
  it('resolves a minimal monitor with each default in place', () => {
    const common = {
      regions: ['eu-west-1'],
      intervalMs: 60_000,
      timeoutMs: 10_000,
      retries: 0,
      alert: {
        regionsToFail: 1,
        consecutiveFailures: 2,
        consecutiveSuccesses: 2,
        certificateWarningDays: 21,
        certificateCriticalDays: 7,
      },
      tags: [],
    };
    const expected: ResolvedMonitor = {
      homeRegion: 'eu-west-1',
      regions: ['eu-west-1'],
      alerts: { email: [], sms: [], https: [], sqs: [], lambda: [] },
      retentionMs: 30 * 86_400_000,
      maintenance: [],
      metrics: { perRegion: false, phases: false, certificate: false, sloBudget: false },
      checks: [
        {
          kind: 'http',
          id: 'site',
          name: 'site',
          ...common,
          assertions: [{ source: 'status', comparison: 'lessThan', target: 400 }],
          url: 'https://www.example.com/',
          method: 'GET',
          headers: {},
          maxRedirects: 5,
          maxBodyBytes: 1_048_576,
          tls: { minVersion: 'TLSv1.2', insecure: false, keyExchangeGroups: ['X25519', 'P-256', 'P-384'] },
        },
        { kind: 'tcp', id: 'db', name: 'db', ...common, assertions: [], host: 'db.example.com', port: 5432 },
        {
          kind: 'tls',
          id: 'cert',
          name: 'cert',
          ...common,
          assertions: [],
          host: 'www.example.com',
          port: 443,
          minDaysValid: 0,
          tls: { minVersion: 'TLSv1.2', insecure: false, keyExchangeGroups: ['X25519', 'P-256', 'P-384'] },
        },
      ],
    };
    expect(resolve(minimal)).toEqual(expected);
  });

  it('produces JSON data: nothing is lost or changed by a JSON round trip', () => {
    const resolved = resolve(validMonitor());
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
  });

  it('does not share arrays or objects with the declaration', () => {
    const declaration = validMonitor();
    const resolved = resolve(declaration);
    resolved.regions.push('sa-east-1');
    resolved.checks[0]?.assertions.pop();
    expect(declaration.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    expect((declaration.checks[0] as { assert?: unknown[] } | undefined)?.assert).toHaveLength(4);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
  ])('defaults regionsToFail to a majority: %i regions → %i', (regionCount, majority) => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'].slice(
      0,
      regionCount,
    );
    const resolved = resolve({ ...minimal, regions });
    for (const check of resolved.checks) expect(check.alert.regionsToFail).toBe(majority);
  });

  it('gives a check the monitor regions, or its own subset', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
        checks: [
          tcp({ id: 'all', host: 'h.example.com', port: 1 }),
          tcp({ id: 'some', host: 'h.example.com', port: 1, regions: ['ap-southeast-2'] }),
        ],
      }),
    );
    expect(resolved.checks.map((check) => [check.id, check.regions, check.alert.regionsToFail])).toEqual([
      ['all', ['us-east-1', 'eu-west-1', 'ap-southeast-2'], 2],
      ['some', ['ap-southeast-2'], 1],
    ]);
  });

  it('lets checks inherit the monitor defaults and override them field by field', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
        defaults: {
          interval: '5m',
          timeout: '20s',
          retries: 2,
          alert: { consecutiveFailures: 3, regionsToFail: 1 },
        },
        checks: [
          tcp({ id: 'inherits', host: 'h.example.com', port: 1 }),
          tcp({
            id: 'overrides',
            host: 'h.example.com',
            port: 1,
            interval: '30s',
            timeout: '3s',
            retries: 0,
            alert: { regionsToFail: 3, consecutiveSuccesses: 4 },
          }),
        ],
      }),
    );
    const [inherits, overrides] = resolved.checks;
    expect(inherits).toMatchObject({
      intervalMs: 300_000,
      timeoutMs: 20_000,
      retries: 2,
      alert: { regionsToFail: 1, consecutiveFailures: 3, consecutiveSuccesses: 2 },
    });
    expect(overrides).toMatchObject({
      intervalMs: 30_000,
      timeoutMs: 3_000,
      retries: 0,
      alert: { regionsToFail: 3, consecutiveFailures: 3, consecutiveSuccesses: 4 },
    });
  });

  it('converts every duration to milliseconds', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        retention: '90d',
        checks: [
          http({
            id: 'api',
            url: 'https://api.example.com/',
            interval: '30s',
            timeout: '2.5s',
            degradedLatency: '750ms',
            assert: [
              lookoutExpect.latency().lessThan('1.5s'),
              lookoutExpect.latency('ttfb').lessThanOrEqual(900),
            ],
            slo: { availability: 99.5, latency: { threshold: '300ms', target: 95 }, window: '7d' },
          }),
        ],
      }),
    );
    expect(resolved.retentionMs).toBe(90 * 86_400_000);
    const [check] = resolved.checks;
    expect(check).toMatchObject({ intervalMs: 30_000, timeoutMs: 2_500, degradedLatencyMs: 750 });
    expect(check?.slo).toEqual({
      availability: 99.5,
      latency: { thresholdMs: 300, target: 95 },
      windowMs: 7 * 86_400_000,
    });
    expect(check?.assertions.slice(0, 2)).toEqual([
      { source: 'latency', property: 'total', comparison: 'lessThan', target: 1_500 },
      { source: 'latency', property: 'ttfb', comparison: 'lessThanOrEqual', target: 900 },
    ]);
  });

  it('defaults an SLO window to 30 days', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        checks: [tls({ id: 'cert', host: 'example.com', slo: { availability: 99 } })],
      }),
    );
    expect(resolved.checks[0]?.slo).toEqual({ availability: 99, windowMs: 30 * 86_400_000 });
  });

  it('keeps declared options: method, body, headers with secrets, TLS settings, tcp send and expect', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'local',
        checks: [
          http({
            id: 'post',
            url: 'https://api.example.com/echo',
            method: 'POST',
            body: '{"ping":true}',
            headers: {
              'content-type': 'application/json',
              'x-api-key': secret('secretsmanager:prod/api-key'),
            },
            maxRedirects: 0,
            maxBodyBytes: 4096,
            tls: { ca, servername: 'api.internal', minVersion: 'TLSv1.3', insecure: true },
          }),
          tcp({ id: 'echo', host: '10.0.0.5', port: 7, send: 'hi\n', expect: /^hi$/m }),
          tls({
            id: 'cert',
            host: 'example.com',
            port: 8443,
            minDaysValid: 30,
            ca,
            servername: 'www.example.com',
          }),
        ],
      }),
    );
    expect(resolved.regions).toEqual(['local']);
    expect(resolved.checks[0]).toMatchObject({
      method: 'POST',
      body: '{"ping":true}',
      headers: {
        'content-type': 'application/json',
        'x-api-key': { kind: 'secret', ref: 'secretsmanager:prod/api-key' },
      },
      maxRedirects: 0,
      maxBodyBytes: 4096,
      tls: { ca, servername: 'api.internal', minVersion: 'TLSv1.3', insecure: true },
    });
    expect(resolved.checks[1]).toMatchObject({ send: 'hi\n', expect: { pattern: '^hi$', flags: 'm' } });
    expect(resolved.checks[2]).toMatchObject({
      port: 8443,
      minDaysValid: 30,
      tls: { ca, servername: 'www.example.com', minVersion: 'TLSv1.2', insecure: false },
    });
  });
});

describe('the implicit status assertion', () => {
  it('is appended to an HTTP check that asserts no status', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        checks: [
          http({ id: 'api', url: 'https://api.example.com/', assert: [lookoutExpect.body().contains('ok')] }),
        ],
      }),
    );
    expect(resolved.checks[0]?.assertions).toEqual([
      { source: 'body', comparison: 'contains', target: 'ok' },
      { source: 'status', comparison: 'lessThan', target: 400 },
    ]);
  });

  it('is not added when the check asserts on the status itself', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        checks: [
          http({
            id: 'api',
            url: 'https://api.example.com/',
            assert: [lookoutExpect.status().oneOf([200, 503])],
          }),
        ],
      }),
    );
    expect(resolved.checks[0]?.assertions).toEqual([
      { source: 'status', comparison: 'oneOf', target: [200, 503] },
    ]);
  });

  it('is never added to TCP or TLS checks', () => {
    const resolved = resolve(minimal);
    expect(
      resolved.checks.filter((check) => check.kind !== 'http').flatMap((check) => check.assertions),
    ).toEqual([]);
  });
});

describe('declarations that are valid at the edges', () => {
  it.each(['10s', '12s', '15s', '20s', '30s', '90s', '2m', '0.5m', '1h', '4h', '2d', '60000ms'])(
    'accepts the interval %s',
    (interval) => {
      const validation = validateMonitor({
        homeRegion: 'us-east-1',
        checks: [
          tcp({ id: 'db', host: 'db.example.com', port: 5432, interval: interval as '1m', timeout: '5s' }),
        ],
      });
      expect(validation.ok).toBe(true);
    },
  );

  it('accepts the widest status bounds for orderings, and a timeout equal to the interval', () => {
    const validation = validateMonitor({
      homeRegion: 'us-east-1',
      checks: [
        http({
          id: 'api',
          url: 'http://127.0.0.1:8080/',
          interval: '10s',
          timeout: '10s',
          assert: [lookoutExpect.status().greaterThanOrEqual(100), lookoutExpect.status().lessThan(600)],
        }),
      ],
    });
    expect(validation.ok).toBe(true);
  });
});
