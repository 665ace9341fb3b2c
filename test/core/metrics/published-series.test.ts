import { describe, expect, it } from 'vitest';
import {
  defineMonitor,
  http,
  type ResolvedCheck,
  type ResolvedMetricsOptions,
  tcp,
  tls,
  validateMonitor,
} from '../../../functions/core';
import { buildResultMetrics } from '../../../functions/core/metrics/build-result-metrics';
import { buildSloMetrics } from '../../../functions/core/metrics/build-slo-metrics';
import type { MetricDatum } from '../../../functions/core/metrics/metric-datum';
import { publishedSeries } from '../../../functions/core/metrics/published-series';
import type { PhaseTimings, ProbeResult, TlsFacts } from '../../../functions/core/probe-result';
import { probeResult } from './probe-result-fixture';

const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

function resolvedChecks(): ResolvedCheck[] {
  const validation = validateMonitor(
    defineMonitor({
      homeRegion: 'us-east-1',
      regions,
      checks: [
        http({
          id: 'site',
          url: 'https://www.example.com/',
          slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } },
        }),
        http({ id: 'plain', url: 'http://192.0.2.10:8080/health', slo: { availability: 99 } }),
        tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
        tcp({ id: 'cache', host: 'cache.example.com', port: 6379, send: 'PING\r\n', expect: 'PONG' }),
        tls({ id: 'cert', host: 'www.example.com' }),
      ],
    }),
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.monitor.checks;
}

const tlsFacts: TlsFacts = {
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2025-04-01T00:00:00.000Z',
  daysUntilExpiry: 30,
  issuer: 'CN=Test CA',
  subject: 'CN=www.example.com',
  subjectAltNames: ['www.example.com'],
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_128_GCM_SHA256',
  keyExchange: 'X25519',
  fingerprint256: 'AA:BB',
  trusted: true,
  hostnameVerified: true,
};

/** A passing probe of `check` from `region`, timed as the engine times that kind of check. */
function passingProbe(check: ResolvedCheck, region: string): ProbeResult {
  const talksTls = check.kind === 'tls' || (check.kind === 'http' && check.url.startsWith('https:'));
  const ipLiteral = check.kind === 'http' && check.url.includes('192.0.2.10');
  const exchanges = check.kind !== 'tcp' || check.send !== undefined || check.expect !== undefined;
  const phases: PhaseTimings = {
    dnsMs: ipLiteral ? 0 : 3,
    connectMs: 10,
    tlsMs: talksTls ? 20 : 0,
    ttfbMs: check.kind === 'tls' || !exchanges ? 0 : 40,
    transferMs: check.kind === 'tls' || !exchanges ? 0 : 5,
  };
  return probeResult({
    checkId: check.id,
    kind: check.kind,
    region,
    phases,
    totalMs: 78,
    ...(talksTls ? { tls: tlsFacts } : {}),
  });
}

function seriesKeys(series: readonly Pick<MetricDatum, 'name' | 'dimensions'>[]): string[] {
  const keys = series.map(
    (one) =>
      `${one.name} ${Object.entries(one.dimensions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => `${name}=${value}`)
        .join(',')}`,
  );
  return [...new Set(keys)].sort();
}

const everyOptionSet: ResolvedMetricsOptions[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(
  (bits) => ({
    perRegion: (bits & 1) !== 0,
    phases: (bits & 2) !== 0,
    certificate: (bits & 4) !== 0,
    sloBudget: (bits & 8) !== 0,
  }),
);

describe('publishedSeries', () => {
  it('lists exactly the series the metric builders publish for passing probes, under every option set', () => {
    for (const options of everyOptionSet) {
      for (const check of resolvedChecks()) {
        const results = regions.map((region) => passingProbe(check, region));
        const built = [
          ...buildResultMetrics(results, options),
          ...buildSloMetrics(
            (['availability', 'latency'] as const)
              .filter((objective) => check.slo?.[objective] !== undefined)
              .map((objective) => ({ checkId: check.id, objective, budgetRemainingPercent: 50, atMs: 0 })),
            options,
          ),
        ];
        expect(seriesKeys(publishedSeries(check, options)), `${check.id} ${JSON.stringify(options)}`).toEqual(
          seriesKeys(built),
        );
      }
    }
  });

  it('counts 2 series per check by default, and each option its own', () => {
    const [site] = resolvedChecks();
    if (site === undefined) throw new Error('no check');
    const none = { perRegion: false, phases: false, certificate: false, sloBudget: false };
    expect(publishedSeries(site, none)).toHaveLength(2);
    expect(publishedSeries(site, { ...none, phases: true })).toHaveLength(2 + 5);
    expect(publishedSeries(site, { ...none, certificate: true })).toHaveLength(2 + 1);
    expect(publishedSeries(site, { ...none, sloBudget: true })).toHaveLength(2 + 2);
    expect(publishedSeries(site, { ...none, perRegion: true })).toHaveLength(2 * (1 + 3));
    expect(
      publishedSeries(site, { perRegion: true, phases: true, certificate: true, sloBudget: true }),
    ).toHaveLength(8 * (1 + 3) + 2);
  });
});
