import type { ProbePhase } from '../probe-result';

/** The CloudWatch namespace every Lookout metric is in. */
export const metricsNamespace = 'Lookout';

/**
 * Metric names. Per-check metrics have a `CheckId` dimension, and a second series with `CheckId` and `Region`
 * when the monitor's `metrics.perRegion` is on; `SloBudgetRemaining` has `CheckId` and `Objective`
 * (`availability` or `latency`); `ProbesSkipped` has only `Region`.
 */
export const metricNames = {
  /** 100 for an ok probe, 0 for a failed one (Percent): the average is the availability. */
  availability: 'Availability',
  /** Total probe latency (Milliseconds), as Values/Counts. */
  latency: 'Latency',
  /** Phase latencies (Milliseconds). */
  latencyDns: 'LatencyDns',
  latencyConnect: 'LatencyConnect',
  latencyTls: 'LatencyTls',
  latencyTtfb: 'LatencyTtfb',
  latencyTransfer: 'LatencyTransfer',
  /** Days until the certificate expires (None). */
  certificateDaysLeft: 'CertificateDaysLeft',
  /** Error budget left over the SLO window (Percent; negative once spent). */
  sloBudgetRemaining: 'SloBudgetRemaining',
  /**
   * Probes a probe invocation did not start because the Lambda ran short of time (Count), published only when
   * some were: a region that never runs short has no data, and pays nothing for the series.
   */
  probesSkipped: 'ProbesSkipped',
} as const;

/** Dimension names. */
export const metricDimensions = {
  checkId: 'CheckId',
  region: 'Region',
  objective: 'Objective',
} as const;

/** The latency metric of each probe phase. */
export const phaseMetricNames: Readonly<Record<ProbePhase, string>> = {
  dns: metricNames.latencyDns,
  connect: metricNames.latencyConnect,
  tls: metricNames.latencyTls,
  ttfb: metricNames.latencyTtfb,
  transfer: metricNames.latencyTransfer,
};
