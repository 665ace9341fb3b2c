import { measuredPhases, usesTls } from '../check-kinds';
import { metricDimensions, metricNames, phaseMetricNames } from '../contract/metric-names';
import type { ProbePhase } from '../probe-result';
import type { ResolvedCheck, ResolvedMetricsOptions } from '../resolve/resolved-monitor';

/** One CloudWatch series: a metric name and its dimensions. */
export interface PublishedSeries {
  name: string;
  dimensions: Record<string, string>;
}

/**
 * The custom metric series a check gets when its probes pass, under the monitor's metrics options: what
 * `buildResultMetrics` and `buildSloMetrics` publish for it, one entry per series (CloudWatch bills each at $0.30
 * a month, prorated by the hours it gets a datum in):
 * - `Availability` and `Latency` with `CheckId` (always);
 * - with `phases`, each phase the check measures (an IP address has no DNS phase, a TCP check that neither sends
 *   nor expects has no TTFB or transfer);
 * - with `certificate`, `CertificateDaysLeft` of a check that talks TLS;
 * - with `perRegion`, each of those again with `CheckId` and `Region`, for each of the check's regions;
 * - with `sloBudget`, `SloBudgetRemaining` with `CheckId` and `Objective` for each declared objective.
 */
export function publishedSeries(check: ResolvedCheck, options: ResolvedMetricsOptions): PublishedSeries[] {
  const names: string[] = [metricNames.availability, metricNames.latency];
  if (options.phases) names.push(...publishedPhases(check).map((phase) => phaseMetricNames[phase]));
  if (options.certificate && usesTls(check) === true) names.push(metricNames.certificateDaysLeft);
  const dimensionSets: Record<string, string>[] = [{ [metricDimensions.checkId]: check.id }];
  if (options.perRegion) {
    for (const region of check.regions) {
      dimensionSets.push({ [metricDimensions.checkId]: check.id, [metricDimensions.region]: region });
    }
  }
  const series = dimensionSets.flatMap((dimensions) => names.map((name) => ({ name, dimensions })));
  if (options.sloBudget) {
    for (const objective of ['availability', 'latency'] as const) {
      if (check.slo?.[objective] === undefined) continue;
      series.push({
        name: metricNames.sloBudgetRemaining,
        dimensions: { [metricDimensions.checkId]: check.id, [metricDimensions.objective]: objective },
      });
    }
  }
  return series;
}

/** The phases a check's passing probes take time in, so that they are published (a phase of 0 ms is not). */
export function publishedPhases(check: ResolvedCheck): ProbePhase[] {
  const host = check.kind === 'http' ? hostOf(check.url) : check.kind === 'heartbeat' ? '' : check.host;
  return measuredPhases(check.kind, usesTls(check) ?? false).filter((phase) => {
    if (phase === 'dns') return !isIpLiteral(host);
    if (check.kind === 'tcp' && (phase === 'ttfb' || phase === 'transfer')) {
      return check.send !== undefined || check.expect !== undefined;
    }
    return true;
  });
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : '';
}

/** Whether a host is an IPv4 or IPv6 address (a URL's hostname keeps IPv6 in brackets). */
function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}
