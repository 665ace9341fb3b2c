import { metricDimensions, metricNames, phaseMetricNames } from '../contract/metric-names';
import type { PhaseTimings, ProbeResult } from '../probe-result';
import type { ResolvedMetricsOptions } from '../resolve/resolved-monitor';
import type { MetricDatum, MetricUnit } from './metric-datum';
import { minuteStartMs, roundToStep, ValueTally } from './value-tally';

/**
 * Which series `buildResultMetrics` builds: the monitor's `metrics` options that concern results
 * (`sloBudget` is `buildSloMetrics`' own).
 */
export type ResultMetricsOptions = Pick<ResolvedMetricsOptions, 'perRegion' | 'phases' | 'certificate'>;

/** Latencies are rounded to this step (milliseconds) so that repeated values share one count. */
export const latencyStepMs = 0.1;

/** Certificate days left are rounded to this step. */
export const certificateDaysStep = 0.01;

const phaseMetrics = Object.entries(phaseMetricNames).map(
  ([phase, name]) => [`${phase}Ms` as keyof PhaseTimings, name] as const,
);

interface Series {
  name: string;
  dimensions: Record<string, string>;
  unit: MetricUnit;
  timestampMs: number;
  tally: ValueTally;
}

interface LatestCertificate {
  dimensions: Record<string, string>;
  startedAtMs: number;
  daysLeft: number;
}

/**
 * Builds the per-check metrics of probe results, one series per check (and per check and region when
 * `perRegion`), per minute (the minute each probe started in):
 * - `Availability` (Percent): 100 for an ok probe, 0 for a failed one, so the average is the availability;
 * - `Latency` (Milliseconds, rounded to 0.1 ms) of probes that completed their exchange (ok, or failed only an
 *   assertion); a failure to connect or a timeout says nothing about latency;
 * - with `phases`: the phase latencies `LatencyDns`, `LatencyConnect`, `LatencyTls`, `LatencyTtfb`,
 *   `LatencyTransfer` of the same probes, each only when it happened (over 0 ms): plain HTTP and TCP have no TLS
 *   phase, a TCP check without `send`/`expect` no TTFB or transfer, an IP literal no DNS;
 * - with `certificate`: `CertificateDaysLeft` (None), the latest certificate seen per series, at its minute.
 * Values are aggregated into Values/Counts arrays of at most 150 distinct values (more are split). Each series
 * costs $0.30 a month (see `MetricsOptions`).
 */
export function buildResultMetrics(
  results: readonly ProbeResult[],
  options: ResultMetricsOptions,
): MetricDatum[] {
  const series = new Map<string, Series>();
  const certificates = new Map<string, LatestCertificate>();
  const add = (
    name: string,
    dimensions: Record<string, string>,
    unit: MetricUnit,
    atMs: number,
    value: number,
  ) => {
    const key = `${name}\u0000${dimensionsKey(dimensions)}\u0000${atMs}`;
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { name, dimensions, unit, timestampMs: atMs, tally: new ValueTally() };
      series.set(key, entry);
    }
    entry.tally.add(value);
  };

  for (const result of results) {
    const startedAtMs = Date.parse(result.startedAt);
    if (Number.isNaN(startedAtMs)) continue;
    const atMs = minuteStartMs(startedAtMs);
    for (const dimensions of dimensionSets(result, options)) {
      add(metricNames.availability, dimensions, 'Percent', atMs, result.ok ? 100 : 0);
      if (completedExchange(result)) {
        add(
          metricNames.latency,
          dimensions,
          'Milliseconds',
          atMs,
          roundToStep(result.totalMs, latencyStepMs),
        );
        if (options.phases) {
          for (const [phase, name] of phaseMetrics) {
            const phaseMs = result.phases[phase];
            if (phaseMs > 0) add(name, dimensions, 'Milliseconds', atMs, roundToStep(phaseMs, latencyStepMs));
          }
        }
      }
      if (options.certificate && result.tls !== undefined && Number.isFinite(result.tls.daysUntilExpiry)) {
        const key = dimensionsKey(dimensions);
        const latest = certificates.get(key);
        if (latest === undefined || startedAtMs >= latest.startedAtMs) {
          certificates.set(key, { dimensions, startedAtMs, daysLeft: result.tls.daysUntilExpiry });
        }
      }
    }
  }

  const datums: MetricDatum[] = [];
  for (const entry of series.values()) {
    for (const chunk of entry.tally.chunks()) {
      datums.push({
        name: entry.name,
        dimensions: entry.dimensions,
        unit: entry.unit,
        timestampMs: entry.timestampMs,
        ...chunk,
      });
    }
  }
  for (const certificate of certificates.values()) {
    datums.push({
      name: metricNames.certificateDaysLeft,
      dimensions: certificate.dimensions,
      unit: 'None',
      timestampMs: minuteStartMs(certificate.startedAtMs),
      values: [roundToStep(certificate.daysLeft, certificateDaysStep)],
    });
  }
  return datums;
}

/** Whether a probe got as far as a complete exchange: ok, or failed only an assertion. */
function completedExchange(result: ProbeResult): boolean {
  return result.ok || result.error?.code === 'ASSERTION_FAILED';
}

function dimensionSets(result: ProbeResult, options: ResultMetricsOptions): Array<Record<string, string>> {
  const perCheck = { [metricDimensions.checkId]: result.checkId };
  if (!options.perRegion) return [perCheck];
  return [perCheck, { [metricDimensions.checkId]: result.checkId, [metricDimensions.region]: result.region }];
}

function dimensionsKey(dimensions: Record<string, string>): string {
  return Object.entries(dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('\u0001');
}
