import type { LookoutEvent } from '../alerting/lookout-event';

/** The word a subject or SMS starts with: what state the check is in, such as `DOWN` or `CERT WARNING`. */
export function eventLabel(event: LookoutEvent): string {
  const resolved = event.type === 'resolved';
  switch (event.kind) {
    case 'outage':
      return resolved ? 'UP' : 'DOWN';
    case 'degraded':
      return resolved ? 'RECOVERED' : 'DEGRADED';
    case 'certificate':
      if (resolved) return 'CERT OK';
      return event.severity === 'critical' ? 'CERT CRITICAL' : 'CERT WARNING';
    case 'slo-availability':
    case 'slo-latency':
      if (resolved) return 'SLO OK';
      return event.severity === 'critical' ? 'SLO PAGE' : 'SLO TICKET';
    case 'probe-missing':
      return resolved ? 'PROBE BACK' : 'PROBE MISSING';
  }
}

/** Marks a follow-up of an alert already open: ` (reminder)` or ` (escalated)`; empty otherwise. */
export function eventTypeTag(event: LookoutEvent): string {
  if (event.type === 'reminder') return ' (reminder)';
  if (event.type === 'escalated') return ' (escalated)';
  return '';
}

/**
 * The event's summary without the check name it starts with, and without a final period:
 * `"orders-api is down in 3 of 3 regions."` → `"down in 3 of 3 regions"`. A summary that does not start with
 * the name is kept whole.
 */
export function summaryDetail(event: LookoutEvent): string {
  let detail = event.summary.trim();
  for (const name of [event.checkName, event.checkId]) {
    if (name !== '' && detail.startsWith(`${name} `)) {
      detail = detail.slice(name.length + 1);
      if (detail.startsWith('is ')) detail = detail.slice(3);
      break;
    }
  }
  return detail.replace(/\.$/, '');
}
