/**
 * What an alert is about:
 * - `outage`: enough regions failed for enough rounds in a row;
 * - `degraded`: passing, but slower than the check's degraded latency;
 * - `certificate`: the certificate expires within the warning (or critical) days;
 * - `slo-availability` / `slo-latency`: the error budget burns too fast;
 * - `probe-missing`: a region has not reported for two intervals.
 */
export type AlertKind =
  | 'outage'
  | 'degraded'
  | 'certificate'
  | 'slo-availability'
  | 'slo-latency'
  | 'probe-missing';

/** How urgent an alert is: `critical` pages, `warning` is a ticket, `info` is for the record. */
export type Severity = 'critical' | 'warning' | 'info';

/** Whether an alert is open. */
export type AlertStatus = 'ok' | 'firing';
