import type { ProbeResult } from '../probe-result';

/**
 * The probe function logs one compact JSON line per result, so that breakdowns a user looks at now and then
 * (per region, per phase, error codes) come from CloudWatch Logs Insights over the probe's log groups instead
 * of custom metric series ($0.30 each per month). About 250 bytes a result: at $0.50 per GB ingested, a check
 * probed every minute from 3 regions adds about $0.016 a month. The dashboard's queries read these fields.
 */
export const resultLogFields = {
  /** Always `resultLogMessage`: what a query filters on. */
  message: 'msg',
  checkId: 'checkId',
  region: 'region',
  /** 1 for an ok probe, 0 for a failed one (so `avg(ok)` is the availability). */
  ok: 'ok',
  /** The error code of a failed probe. */
  code: 'code',
  /** Total latency, milliseconds. */
  latencyMs: 'latencyMs',
  dnsMs: 'dnsMs',
  connectMs: 'connectMs',
  tlsMs: 'tlsMs',
  ttfbMs: 'ttfbMs',
  transferMs: 'transferMs',
} as const;

/** The `msg` of every result line. */
export const resultLogMessage = 'lookout.result';

/** The log line of one result (latencies rounded to 0.1 ms). */
export function resultLogLine(result: ProbeResult): Record<string, string | number> {
  const f = resultLogFields;
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    [f.message]: resultLogMessage,
    [f.checkId]: result.checkId,
    [f.region]: result.region,
    [f.ok]: result.ok ? 1 : 0,
    ...(result.error === undefined ? {} : { [f.code]: result.error.code }),
    [f.latencyMs]: tenth(result.totalMs),
    [f.dnsMs]: tenth(result.phases.dnsMs),
    [f.connectMs]: tenth(result.phases.connectMs),
    [f.tlsMs]: tenth(result.phases.tlsMs),
    [f.ttfbMs]: tenth(result.phases.ttfbMs),
    [f.transferMs]: tenth(result.phases.transferMs),
  };
}
