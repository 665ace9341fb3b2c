/**
 * The status page, rendered from data: one HTML page, `status.json`, an SVG badge per check and badge kind, and an
 * Atom feed of incidents. Pure: the data (with its `nowMs`) in, text out; the same renderer serves `lookout run`
 * and the deployed page. The helpers below turn the store's facts (events, day tallies, maintenance windows) into
 * that data.
 *
 * Cost: no reads, writes or metric series of its own (its callers read the store). Lambda time: rendering every file
 * (page, JSON, feed, 6 badges per check) for 100 checks takes 30–55 ms on one core (measured with the realistic
 * fixture); regenerated every minute that is about 0.5 ms per check-minute, 22 s per check-month, under $0.0003 per
 * check-month at 1 GB. The page for 100 checks is about 1 MB (30 KB compressed), `status.json` about 7 KB per check
 * (12 KB compressed for 100).
 */

export { dayBars, utcDayStartMs } from './day-bars';
export { escapeMarkup } from './escape-markup';
export { defaultIncidentKinds, incidentsFromEvents } from './incidents-from-events';
export { maintenanceHorizonMs, maintenanceOccurrences } from './maintenance-occurrences';
export { badgeTextWidth, renderBadge, renderCheckBadge } from './render-badge-svg';
export { feedEntryId, renderIncidentFeed } from './render-incident-feed';
export { renderStatusHtml } from './render-status-html';
export type {
  StatusJson,
  StatusJsonAvailability,
  StatusJsonCheck,
  StatusJsonDay,
  StatusJsonIncident,
  StatusJsonMaintenance,
} from './render-status-json';
export { renderStatusJson, statusJson, statusJsonSchema } from './render-status-json';
export type {
  CertificateExpiry,
  CheckState,
  DayBar,
  DayIncident,
  Incident,
  IncidentEvent,
  MaintenanceOccurrence,
  RoundTally,
  StatusPageCheck,
  StatusPageData,
  StatusPageError,
  StatusPageVisibility,
  UptimeWindow,
} from './status-page-data';
export { statusPageDayCount, statusPageDefaults, uptimeWindowMs, uptimeWindows } from './status-page-data';
export type { BadgeKind } from './status-page-files';
export {
  anchorId,
  badgeKinds,
  badgePath,
  statusPageContentTypes,
  statusPageFiles,
} from './status-page-files';
export type { StatusPageFile } from './status-page-site';
export { renderStatusPageSite, statusPageCacheControl } from './status-page-site';
export type { OverallStatus, OverallSummary } from './status-summary';
export { overallSummary } from './status-summary';
