import type { ProbeResult } from '../../../functions/core/probe-result';

/** A passing HTTPS probe result, with the given fields replaced. */
export function probeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    checkId: 'orders-api',
    kind: 'http',
    region: 'eu-west-1',
    target: 'https://api.example.com/health',
    startedAt: '2025-03-01T12:03:17.250Z',
    ok: true,
    degraded: false,
    totalMs: 120.04,
    phases: { dnsMs: 4.02, connectMs: 10.5, tlsMs: 20.26, ttfbMs: 80.01, transferMs: 5.25 },
    status: 200,
    assertions: [],
    attempt: 1,
    ...overrides,
  };
}
