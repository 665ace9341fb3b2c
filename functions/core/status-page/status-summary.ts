import type { AlertKind } from '../alerting/alert-kind';
import { dayMs } from '../declare/duration';
import { availabilityPercent } from './format-status-text';
import type {
  CertificateExpiry,
  CheckState,
  DayBar,
  Incident,
  MaintenanceOccurrence,
  StatusPageCheck,
  StatusPageData,
} from './status-page-data';

/**
 * The page as a whole, worst first: `down` when a check is down, `degraded` when one is degraded, `maintenance`
 * when one is in maintenance, `pending` when every check still waits for its first verdict (or none is listed),
 * else `operational`.
 */
export type OverallStatus = 'down' | 'degraded' | 'maintenance' | 'pending' | 'operational';

/** The overall status, and the checks that are down, degraded or in maintenance, worst first. */
export interface OverallSummary {
  status: OverallStatus;
  affected: StatusPageCheck[];
}

/** What each check state is called on the page, and in badges. */
export const checkStateLabels: Record<CheckState, string> = {
  up: 'Up',
  down: 'Down',
  degraded: 'Degraded',
  pending: 'Pending',
  maintenance: 'Maintenance',
};

/** What each kind of incident is called on the page and in the feed. */
export const incidentKindLabels: Record<AlertKind, string> = {
  outage: 'Outage',
  degraded: 'Degraded performance',
  certificate: 'Certificate expiry',
  'slo-availability': 'Availability objective at risk',
  'slo-latency': 'Latency objective at risk',
  'probe-missing': 'Monitoring gap',
};

/** The overall status of a page's checks. */
export function overallSummary(checks: readonly StatusPageCheck[]): OverallSummary {
  const worstFirst = ['down', 'degraded', 'maintenance'] as const;
  const affected = worstFirst.flatMap((state) => checks.filter((check) => check.state === state));
  const worst = affected[0];
  if (worst !== undefined) return { status: worst.state as OverallStatus, affected };
  const pending = checks.every((check) => check.state === 'pending');
  return { status: pending ? 'pending' : 'operational', affected };
}

/** The incidents of listed checks (an incident of an unlisted check is private), newest first as given. */
export function listedIncidents(data: StatusPageData): Incident[] {
  const listed = new Set(data.checks.map((check) => check.id));
  return data.incidents.filter((incident) => listed.has(incident.checkId));
}

/**
 * The maintenance occurrences still to come or in progress at `nowMs` that cover a listed check, each with the
 * listed checks it covers (all of them for a window declared for every check).
 */
export function listedMaintenance(
  data: StatusPageData,
): Array<{ occurrence: MaintenanceOccurrence; checks: StatusPageCheck[]; inProgress: boolean }> {
  return data.maintenance
    .filter((occurrence) => occurrence.endMs > data.nowMs)
    .map((occurrence) => ({
      occurrence,
      checks: data.checks.filter(
        (check) => occurrence.checkIds === undefined || occurrence.checkIds.includes(check.id),
      ),
      inProgress: occurrence.startMs <= data.nowMs,
    }))
    .filter((entry) => entry.checks.length > 0);
}

/**
 * How a day's bar looks, by its availability: `good` at 100%, `partial` from 99% (below 100), `major` below 99%,
 * `none` without rounds. The page draws each level at its own height (a dip), in its own colour, and says it in
 * words, so colour is never the only signal.
 */
export type DayLevel = 'good' | 'partial' | 'major' | 'none';

/** The availability at and above which a day is `partial` rather than `major`. */
export const partialDayPercent = 99;

/** A day's level. */
export function dayLevel(day: DayBar): DayLevel {
  const percent = availabilityPercent(day.rounds);
  if (percent === undefined) return 'none';
  if (percent >= 100) return 'good';
  return percent >= partialDayPercent ? 'partial' : 'major';
}

/** Whole days until a certificate expires, rounded down (negative once expired), as the page and the JSON show it. */
export function certificateDaysLeft(certificate: CertificateExpiry, nowMs: number): number {
  return Math.floor((certificate.validToMs - nowMs) / dayMs);
}
