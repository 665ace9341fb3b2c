import { formatSpanMs } from '../messages/format-span';
import { escapeMarkup as e } from './escape-markup';
import { isoTime, utcDateTime } from './format-status-text';
import type { Incident, IncidentEvent, StatusPageData } from './status-page-data';
import { anchorId, statusPageFiles } from './status-page-files';
import { incidentKindLabels, listedIncidents } from './status-summary';

/** An entry's id: the event's own id, which is unique per transition and never changes. */
export function feedEntryId(event: IncidentEvent): string {
  return `urn:lookout:event:${encodeURIComponent(event.id)}`;
}

const eventTitles: Record<IncidentEvent['type'], string> = {
  opened: 'Opened',
  escalated: 'Escalated',
  resolved: 'Resolved',
};

/**
 * The incident feed (Atom, RFC 4287): one entry per opened, escalated and resolved event of the listed checks'
 * incidents, newest first. Entry ids are the events' ids (stable across regenerations, so a reader shows each once);
 * an entry's `updated` is when its event happened, and the feed's is its newest entry's (`nowMs` while it has
 * none), so an unchanged history gives an unchanged feed. Links point into the page when `pageUrl` is known.
 */
export function renderIncidentFeed(data: StatusPageData): string {
  const entries = listedIncidents(data)
    .flatMap((incident) => incident.events.map((event) => ({ incident, event })))
    .sort((a, b) => b.event.atMs - a.event.atMs || a.event.id.localeCompare(b.event.id));
  const updatedMs = entries[0]?.event.atMs ?? data.nowMs;
  const pageUrl = data.pageUrl;
  const links =
    pageUrl === undefined
      ? ''
      : `<link rel="alternate" type="text/html" href="${e(pageUrl)}"/>
<link rel="self" type="application/atom+xml" href="${e(pageUrl + statusPageFiles.feed)}"/>
`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${e(pageUrl === undefined ? 'urn:lookout:status' : pageUrl + statusPageFiles.feed)}</id>
<title>${e(data.title)}: incidents</title>
<updated>${isoTime(updatedMs)}</updated>
<author><name>${e(data.title)}</name></author>
<generator>Lookout</generator>
${links}${entries.map(({ incident, event }) => entry(data, incident, event)).join('')}</feed>
`;
}

function entry(data: StatusPageData, incident: Incident, event: IncidentEvent): string {
  const name = data.checks.find((check) => check.id === incident.checkId)?.name ?? incident.checkId;
  const kind = incidentKindLabels[incident.kind];
  const title =
    event.type === 'escalated'
      ? `Escalated to ${event.severity}: ${kind}, ${name}`
      : `${eventTitles[event.type]}: ${kind}, ${name}`;
  const lines = [event.summary, `Opened ${utcDateTime(incident.openedAtMs)}.`];
  if (event.type === 'resolved')
    lines.push(
      `Resolved ${utcDateTime(event.atMs)}, after ${formatSpanMs(event.atMs - incident.openedAtMs)}.`,
    );
  if (incident.duringMaintenance) lines.push('During maintenance.');
  const link =
    data.pageUrl === undefined
      ? ''
      : `<link rel="alternate" type="text/html" href="${e(`${data.pageUrl}#${anchorId('incident', incident.id)}`)}"/>\n`;
  return `<entry>
<id>${e(feedEntryId(event))}</id>
<title>${e(title)}</title>
<updated>${isoTime(event.atMs)}</updated>
<published>${isoTime(event.atMs)}</published>
<category term="${e(incident.kind)}" label="${e(kind)}"/>
${event.type === 'resolved' ? '' : `<category term="${e(event.severity)}"/>\n`}${link}<content type="text">${e(lines.join('\n'))}</content>
</entry>
`;
}
