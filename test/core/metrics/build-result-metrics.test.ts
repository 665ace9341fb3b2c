import { describe, expect, it } from 'vitest';
import {
  buildResultMetrics,
  type ResultMetricsOptions,
} from '../../../functions/core/metrics/build-result-metrics';
import type { MetricDatum } from '../../../functions/core/metrics/metric-datum';
import type { TlsFacts } from '../../../functions/core/probe-result';
import { probeResult } from './probe-result-fixture';

const minute = Date.parse('2025-03-01T12:03:00.000Z');

/** The default options: Availability and Latency per check only. */
const lean: ResultMetricsOptions = { perRegion: false, phases: false, certificate: false };
/** Every option that concerns results. */
const everything: ResultMetricsOptions = { perRegion: true, phases: true, certificate: true };

function find(datums: MetricDatum[], name: string, dimensions: Record<string, string>): MetricDatum[] {
  return datums.filter((datum) => datum.name === name && sameDimensions(datum.dimensions, dimensions));
}

function sameDimensions(a: Record<string, string>, b: Record<string, string>): boolean {
  const aKeys = Object.keys(a).sort();
  return JSON.stringify(aKeys) === JSON.stringify(Object.keys(b).sort()) && aKeys.every((k) => a[k] === b[k]);
}

function tls(daysUntilExpiry: number): TlsFacts {
  return {
    validFrom: '2025-01-01T00:00:00.000Z',
    validTo: '2025-04-01T00:00:00.000Z',
    daysUntilExpiry,
    issuer: 'CN=Test CA',
    subject: 'CN=api.example.com',
    subjectAltNames: ['api.example.com'],
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    keyExchange: 'X25519',
    fingerprint256: 'AA:BB',
    trusted: true,
    hostnameVerified: true,
  };
}

describe('buildResultMetrics', () => {
  it('aggregates availability per check and minute into values and counts', () => {
    const results = [
      probeResult({ region: 'us-east-1' }),
      probeResult({ region: 'eu-west-1', startedAt: '2025-03-01T12:03:59.999Z' }),
      probeResult({
        region: 'ap-southeast-2',
        ok: false,
        error: { code: 'TIMEOUT', message: 'timed out' },
      }),
    ];
    const datums = buildResultMetrics(results, lean);
    expect(find(datums, 'Availability', { CheckId: 'orders-api' })).toEqual([
      {
        name: 'Availability',
        dimensions: { CheckId: 'orders-api' },
        unit: 'Percent',
        timestampMs: minute,
        values: [0, 100],
        counts: [1, 2],
      },
    ]);
    expect(datums.every((datum) => !('Region' in datum.dimensions))).toBe(true);
  });

  it('adds a per-region series when perRegion is on', () => {
    const results = [probeResult({ region: 'us-east-1' }), probeResult({ region: 'eu-west-1', ok: false })];
    const datums = buildResultMetrics(results, { ...lean, perRegion: true });
    expect(find(datums, 'Availability', { CheckId: 'orders-api', Region: 'eu-west-1' })[0]).toMatchObject({
      values: [0],
      counts: [1],
    });
    expect(find(datums, 'Availability', { CheckId: 'orders-api', Region: 'us-east-1' })[0]).toMatchObject({
      values: [100],
      counts: [1],
    });
    expect(find(datums, 'Availability', { CheckId: 'orders-api' })[0]).toMatchObject({
      values: [0, 100],
      counts: [1, 1],
    });
  });

  it('rounds latencies to 0.1 ms so that repeats share a count, in milliseconds', () => {
    const results = [
      probeResult({ totalMs: 120.04 }),
      probeResult({ totalMs: 119.96 }),
      probeResult({ totalMs: 250.55 }),
    ];
    const [latency] = find(buildResultMetrics(results, lean), 'Latency', {
      CheckId: 'orders-api',
    });
    expect(latency).toMatchObject({ unit: 'Milliseconds', values: [120, 250.6], counts: [2, 1] });
  });

  it('records only the phases that happened: a TCP probe has no TLS phase', () => {
    const tcp = probeResult({
      checkId: 'redis',
      kind: 'tcp',
      target: 'cache.example.com:6379',
      phases: { dnsMs: 0, connectMs: 3.3, tlsMs: 0, ttfbMs: 1.2, transferMs: 0 },
      totalMs: 4.5,
    });
    const names = buildResultMetrics([tcp], { ...lean, phases: true }).map((datum) => datum.name);
    expect(names.sort()).toEqual(['Availability', 'Latency', 'LatencyConnect', 'LatencyTtfb']);
  });

  it('records every phase of an HTTPS probe', () => {
    const names = buildResultMetrics([probeResult()], { ...lean, phases: true }).map((datum) => datum.name);
    expect(names.sort()).toEqual([
      'Availability',
      'Latency',
      'LatencyConnect',
      'LatencyDns',
      'LatencyTls',
      'LatencyTransfer',
      'LatencyTtfb',
    ]);
  });

  it('leaves latency out for a probe that never completed, but keeps it for a failed assertion', () => {
    const timedOut = probeResult({
      ok: false,
      totalMs: 10_000,
      error: { code: 'TIMEOUT', message: 'timeout' },
    });
    const slow = probeResult({
      ok: false,
      totalMs: 900,
      error: { code: 'ASSERTION_FAILED', message: 'too slow' },
    });
    const [latency] = find(buildResultMetrics([timedOut, slow], lean), 'Latency', {
      CheckId: 'orders-api',
    });
    expect(latency).toMatchObject({ values: [900], counts: [1] });
  });

  it('keeps each minute apart, stamped with the start of its minute', () => {
    const results = [
      probeResult({ startedAt: '2025-03-01T12:03:10.000Z' }),
      probeResult({ startedAt: '2025-03-01T12:04:10.000Z', ok: false }),
    ];
    const availability = find(buildResultMetrics(results, lean), 'Availability', {
      CheckId: 'orders-api',
    });
    expect(availability.map((datum) => [datum.timestampMs, datum.values])).toEqual([
      [minute, [100]],
      [minute + 60_000, [0]],
    ]);
  });

  it('splits more than 150 distinct values into several datums, losing no count', () => {
    const results = Array.from({ length: 400 }, (_, index) =>
      probeResult({ totalMs: 100 + (index % 320) * 0.5 }),
    );
    const latency = find(buildResultMetrics(results, lean), 'Latency', {
      CheckId: 'orders-api',
    });
    expect(latency.map((datum) => datum.values.length)).toEqual([150, 150, 20]);
    expect(latency.every((datum) => datum.timestampMs === minute)).toBe(true);
    const total = latency.flatMap((datum) => datum.counts ?? []).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(400);
    const allValues = latency.flatMap((datum) => datum.values);
    expect(new Set(allValues).size).toBe(320);
  });

  it('reports the latest certificate days left per check and per region', () => {
    const results = [
      probeResult({ region: 'us-east-1', startedAt: '2025-03-01T12:05:00.000Z', tls: tls(29.123) }),
      probeResult({ region: 'eu-west-1', startedAt: '2025-03-01T12:03:00.000Z', tls: tls(30.5) }),
      probeResult({ region: 'eu-west-1', startedAt: '2025-03-01T12:04:00.000Z', tls: tls(30.4) }),
    ];
    const datums = buildResultMetrics(results, everything);
    expect(find(datums, 'CertificateDaysLeft', { CheckId: 'orders-api' })).toEqual([
      {
        name: 'CertificateDaysLeft',
        dimensions: { CheckId: 'orders-api' },
        unit: 'None',
        timestampMs: minute + 120_000,
        values: [29.12],
      },
    ]);
    expect(
      find(datums, 'CertificateDaysLeft', { CheckId: 'orders-api', Region: 'eu-west-1' })[0],
    ).toMatchObject({
      timestampMs: minute + 60_000,
      values: [30.4],
    });
  });

  it('by default builds only Availability and Latency with the CheckId dimension alone', () => {
    const results = [
      probeResult({ region: 'us-east-1', tls: tls(30) }),
      probeResult({ region: 'eu-west-1', tls: tls(30) }),
    ];
    const series = new Set(
      buildResultMetrics(results, lean).map((datum) => `${datum.name} ${JSON.stringify(datum.dimensions)}`),
    );
    expect([...series].sort()).toEqual([
      'Availability {"CheckId":"orders-api"}',
      'Latency {"CheckId":"orders-api"}',
    ]);
  });

  it('adds each opt-in series only with its option, and per region only with perRegion', () => {
    const results = [
      probeResult({ region: 'us-east-1', tls: tls(30) }),
      probeResult({ region: 'eu-west-1', tls: tls(30) }),
    ];
    const seriesOf = (options: ResultMetricsOptions) =>
      new Set(
        buildResultMetrics(results, options).map((datum) => `${datum.name} ${datum.dimensions.Region}`),
      );
    const phaseNames = ['LatencyDns', 'LatencyConnect', 'LatencyTls', 'LatencyTtfb', 'LatencyTransfer'];
    expect([...seriesOf({ ...lean, phases: true })].sort()).toEqual(
      ['Availability', 'Latency', ...phaseNames].map((name) => `${name} undefined`).sort(),
    );
    expect([...seriesOf({ ...lean, certificate: true })].sort()).toEqual([
      'Availability undefined',
      'CertificateDaysLeft undefined',
      'Latency undefined',
    ]);
    // 8 metrics, each pooled and in each of the 2 regions.
    const all = seriesOf(everything);
    expect(all.size).toBe(8 * 3);
    for (const name of ['Availability', 'Latency', 'CertificateDaysLeft', ...phaseNames]) {
      for (const region of ['undefined', 'us-east-1', 'eu-west-1'])
        expect(all.has(`${name} ${region}`)).toBe(true);
    }
  });

  it('builds nothing from no results', () => {
    expect(buildResultMetrics([], everything)).toEqual([]);
  });
});
