import { describe, expect, it } from 'vitest';
import { checkKinds, isProbedKind } from '../../../functions/core/check-kinds';
import { heartbeat, http } from '../../../functions/core/declare/check-builders';
import { secret } from '../../../functions/core/declare/secret';
import { parsePingPath, pingResult, runStartMs } from '../../../functions/core/heartbeat/ping';
import { localizeMonitor } from '../../../functions/core/resolve/monitor-variants';
import type { ResolvedHeartbeatCheck } from '../../../functions/core/resolve/resolved-monitor';
import { checksForRegion } from '../../../functions/core/schedule/placement';
import { validateMonitor } from '../../../functions/core/validate/validate-monitor';
import { describeInvalidCases, describeValidCases } from '../../support/validation-cases';

const token = secret('/lookout/heartbeat/nightly-backup');
const withCheck = (check: Record<string, unknown>) => ({
  homeRegion: 'us-east-1',
  checks: [{ kind: 'heartbeat', id: 'nightly-backup', period: '1d', token, ...check }],
});

describeValidCases('valid heartbeats', [
  { name: 'period and token only', input: withCheck({}) },
  {
    name: 'grace, SLO, alert and degraded run time',
    input: withCheck({
      grace: '2h',
      degradedLatency: '30m',
      slo: { availability: 99, latency: { threshold: '20m', target: 95 } },
      alert: { consecutiveFailures: 2, remindEvery: '4h' },
    }),
  },
]);

describeInvalidCases('invalid heartbeats', [
  {
    name: 'no token',
    input: withCheck({ token: undefined }),
    path: 'checks[0].token',
    checkId: 'nightly-backup',
    reason: 'is required',
  },
  {
    name: 'a plain token',
    input: withCheck({ token: 'abc' }),
    path: 'checks[0].token',
    checkId: 'nightly-backup',
    reason: "secret('/ssm/path')",
  },
  {
    name: 'a period under a minute',
    input: withCheck({ period: '30s' }),
    path: 'checks[0].period',
    checkId: 'nightly-backup',
    reason: 'minimum',
  },
  {
    name: 'a grace longer than the period',
    input: withCheck({ period: '1h', grace: '2h' }),
    path: 'checks[0].grace',
    checkId: 'nightly-backup',
    reason: 'maximum',
  },
  {
    name: 'a degraded run time as long as the period',
    input: withCheck({ period: '1h', degradedLatency: '1h' }),
    path: 'checks[0].degradedLatency',
    checkId: 'nightly-backup',
    reason: 'not below the period',
  },
  {
    name: 'regions (a heartbeat has one: ping)',
    input: withCheck({ regions: ['us-east-1'] }),
    path: 'checks[0].regions',
    checkId: 'nightly-backup',
    reason: '',
  },
  {
    name: 'alert.regionsToFail',
    input: withCheck({ alert: { regionsToFail: 1 } }),
    path: 'checks[0].alert.regionsToFail',
    checkId: 'nightly-backup',
    reason: '',
  },
]);

describe('a resolved heartbeat', () => {
  const validation = validateMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    checks: [
      heartbeat({ id: 'nightly-backup', period: '1d', token }),
      heartbeat({ id: 'every-5m', period: '5m', token }),
      http({ id: 'api', url: 'https://api.example.com/' }),
    ],
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const [backup, frequent] = validation.monitor.checks as ResolvedHeartbeatCheck[];

  it('has region ping, period and grace as interval and timeout, and opens on the first failure', () => {
    expect(backup).toMatchObject({
      regions: ['ping'],
      periodMs: 86_400_000,
      graceMs: 3_600_000,
      intervalMs: 86_400_000,
      timeoutMs: 3_600_000,
      retries: 0,
      assertions: [],
      alert: { regionsToFail: 1, consecutiveFailures: 1, consecutiveSuccesses: 1 },
      token: { kind: 'secret', ref: '/lookout/heartbeat/nightly-backup' },
    });
    expect(frequent?.graceMs).toBe(300_000);
  });

  it('is never placed in a probe region, even one named ping, and keeps region ping locally', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ping', 'local']) {
      expect(checksForRegion(validation.monitor, region).map((check) => check.kind)).not.toContain(
        'heartbeat',
      );
    }
    expect(checksForRegion(localizeMonitor(validation.monitor), 'local').map((check) => check.id)).toEqual([
      'api',
    ]);
    expect(localizeMonitor(validation.monitor).checks[0]?.regions).toEqual(['ping']);
    expect(checkKinds.filter((kind) => !isProbedKind(kind))).toEqual(['heartbeat']);
  });

  it('reads ping paths', () => {
    expect(parsePingPath('/ping/nightly-backup/abc%2Fdef')).toEqual({
      checkId: 'nightly-backup',
      token: 'abc/def',
      kind: 'success',
    });
    expect(parsePingPath('/ping/nightly-backup/abc/start')?.kind).toBe('start');
    expect(parsePingPath('/ping/nightly-backup/abc/fail?rid=1')?.kind).toBe('fail');
    expect(parsePingPath('/ping/nightly-backup')).toBeUndefined();
    expect(parsePingPath('/ping/Nightly/abc')).toBeUndefined();
    expect(parsePingPath('/ping/nightly-backup/abc/other')).toBeUndefined();
  });

  it('times a run from the newest start after the last ping', () => {
    if (backup === undefined) throw new Error('no check');
    const at = (ms: number, kind: 'start' | 'success') => pingResult(backup, kind, { atMs: ms });
    expect(runStartMs([at(1_000, 'start')], 61_000)).toBe(1_000);
    expect(runStartMs([at(1_000, 'start'), at(2_000, 'success')], 61_000)).toBeUndefined();
    expect(runStartMs([at(3_000, 'start'), at(2_000, 'success')], 61_000)).toBe(3_000);
    expect(runStartMs([at(1_000, 'start')], 1_000 + 86_400_001)).toBeUndefined();
  });
});
