import { describe, expect, it } from 'vitest';
import { countedProbe, type ProbeResult } from '../../../functions/core';

function result(ok: boolean, totalMs: number): ProbeResult {
  return {
    checkId: 'api',
    kind: 'http',
    region: 'eu-west-1',
    target: 'https://api.example.com/',
    startedAt: '2026-12-01T02:03:04.500Z',
    ok,
    degraded: false,
    totalMs,
    phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 },
    assertions: [],
    attempt: 1,
    ...(ok ? {} : { error: { code: 'TIMEOUT', message: 'timed out' } }),
  };
}

const withLatencySlo = {
  slo: { availability: 99.9, latency: { thresholdMs: 300, target: 99 }, windowMs: 1 },
};

describe('countedProbe', () => {
  it.each([
    ['ok and under the threshold', true, 299, true, true],
    ['ok and exactly at the threshold', true, 300, true, true],
    ['ok but over the threshold', true, 301, true, false],
    ['failed, however fast', false, 5, false, false],
  ])('%s', (_, ok, totalMs, availabilityGood, latencyGood) => {
    expect(countedProbe(result(ok, totalMs), withLatencySlo)).toEqual({ availabilityGood, latencyGood });
  });

  it('counts latency as good when ok, for a check without a latency objective', () => {
    expect(countedProbe(result(true, 60_000), { slo: { availability: 99, windowMs: 1 } }).latencyGood).toBe(
      true,
    );
    expect(countedProbe(result(true, 60_000), {}).latencyGood).toBe(true);
    expect(countedProbe(result(false, 10), {}).latencyGood).toBe(false);
  });
});
