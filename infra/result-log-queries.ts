import { resultLogFields, resultLogMessage } from '../functions/core/contract/result-log';

/**
 * CloudWatch Logs Insights queries over the probe's structured result log (one JSON line per result, its fields
 * in core/contract/result-log.ts), for one check in one region's probe log group. They give the per-region and
 * per-phase breakdowns that would otherwise need custom metric series ($0.30 each a month): a query costs
 * nothing until it runs, then $0.005 per GB of log it scans (the whole log group over the time range shown,
 * whatever the check: a filter does not reduce the bytes scanned).
 */

const f = resultLogFields;

/** The result lines of one check (`checkId` may be a dashboard variable's placeholder). */
function resultsOf(checkId: string): string {
  return `filter ${f.message} = "${resultLogMessage}" and ${f.checkId} = "${checkId}"`;
}

/** The check's availability (percent of ok probes) in each five-minute bin: a line. */
export function availabilityQuery(checkId: string): string {
  return [resultsOf(checkId), `stats avg(${f.ok}) * 100 as availabilityPct by bin(5m)`].join('\n| ');
}

/**
 * The check's outcomes, `ok` or an error code, with how many probes had each and their latency percentiles:
 * a table, most frequent first.
 */
export function outcomesQuery(checkId: string): string {
  return [
    resultsOf(checkId),
    `fields coalesce(${f.code}, "ok") as outcome`,
    `stats count(*) as probes, pct(${f.latencyMs}, 50) as p50Ms, pct(${f.latencyMs}, 95) as p95Ms, pct(${f.latencyMs}, 99) as p99Ms by outcome`,
    'sort probes desc',
  ].join('\n| ');
}

/** The median of each phase of the check's probes in each five-minute bin: a stacked area, in milliseconds. */
export function phasesQuery(checkId: string): string {
  const phases = [f.dnsMs, f.connectMs, f.tlsMs, f.ttfbMs, f.transferMs];
  return [
    resultsOf(checkId),
    `stats ${phases.map((field) => `pct(${field}, 50) as ${field.replace(/Ms$/, '')}`).join(', ')} by bin(5m)`,
  ].join('\n| ');
}
