import type { AlertKind, Severity } from '../alerting/alert-kind';
import type { LookoutEvent } from '../alerting/lookout-event';
import { isMoreSevere } from '../alerting/severity-rank';
import type { Incident, IncidentEvent } from './status-page-data';

/**
 * The kinds of alert a status page shows as incidents by default: what the checked service's users felt. The others
 * are for its operators (a certificate to renew, an error budget burning, a region of Lookout's own not reporting).
 */
export const defaultIncidentKinds: readonly AlertKind[] = ['outage', 'degraded'];

/**
 * Incidents from the event log: the events of one alert that share `since` (the instant it opened) are one incident.
 * Its opening time comes from `since`, so an incident whose `opened` event has expired from the log still starts
 * when it did. Reminders change nothing but the summary; `resolved` events (severity `info`) do not lower the
 * severity reached. Newest opened first.
 *
 * @param events any order, any checks; duplicates (the same event id) count once
 * @param kinds the kinds of alert to keep
 */
export function incidentsFromEvents(
  events: readonly LookoutEvent[],
  kinds: readonly AlertKind[] = defaultIncidentKinds,
): Incident[] {
  const groups = new Map<string, LookoutEvent[]>();
  const seen = new Set<string>();
  for (const event of events) {
    if (!kinds.includes(event.kind) || seen.has(event.id) || Number.isNaN(Date.parse(event.since))) continue;
    seen.add(event.id);
    const id = `${alertOf(event)}@${new Date(Date.parse(event.since)).toISOString()}`;
    groups.set(id, [...(groups.get(id) ?? []), event]);
  }
  return [...groups.entries()]
    .map(([id, group]) => incidentOf(id, group))
    .sort((a, b) => b.openedAtMs - a.openedAtMs || a.id.localeCompare(b.id));
}

/** `${checkId}:${alertKey}`: the event id without its trailing `:n`. */
function alertOf(event: LookoutEvent): string {
  const cut = event.id.lastIndexOf(':');
  return cut <= 0 ? `${event.checkId}:${event.kind}` : event.id.slice(0, cut);
}

function incidentOf(id: string, group: LookoutEvent[]): Incident {
  const ordered = [...group].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const newest = ordered[ordered.length - 1] as LookoutEvent;
  let severity: Severity | undefined;
  for (const event of ordered)
    if (event.type !== 'resolved' && isMoreSevere(event.severity, severity)) severity = event.severity;
  const escalated = ordered.find((event) => event.type === 'escalated');
  const resolved = ordered.find((event) => event.type === 'resolved');
  const failure = [...ordered].reverse().find((event) => event.lastFailure !== undefined)?.lastFailure;
  const events: IncidentEvent[] = ordered
    .filter((event) => event.type !== 'reminder')
    .map((event) => ({
      id: event.id,
      type: event.type as IncidentEvent['type'],
      atMs: Date.parse(event.at),
      severity: event.severity,
      summary: event.summary,
    }));
  return {
    id,
    checkId: newest.checkId,
    kind: newest.kind,
    severity: severity ?? newest.severity,
    summary: newest.summary,
    openedAtMs: Date.parse(newest.since),
    ...(escalated === undefined ? {} : { escalatedAtMs: Date.parse(escalated.at) }),
    ...(resolved === undefined ? {} : { resolvedAtMs: Date.parse(resolved.at) }),
    duringMaintenance: ordered.some((event) => event.silenced === true),
    ...(failure === undefined ? {} : { lastError: { code: failure.code, message: failure.message } }),
    events,
  };
}
