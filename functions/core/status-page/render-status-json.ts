import type { AlertKind, Severity } from '../alerting/alert-kind';
import type { CheckKind } from '../check-kinds';
import { availabilityPercent, isoTime, utcDate } from './format-status-text';
import {
  type CheckState,
  type RoundTally,
  type StatusPageCheck,
  type StatusPageData,
  type StatusPageError,
  type UptimeWindow,
  uptimeWindows,
  visibilityOf,
} from './status-page-data';
import { type BadgeKind, badgeKinds, badgePath } from './status-page-files';
import {
  certificateDaysLeft,
  listedIncidents,
  listedMaintenance,
  type OverallStatus,
  overallSummary,
} from './status-summary';

/**
 * The version tag of `status.json`. Within v1 fields are only added, never removed, renamed or given another
 * meaning; anything else gets `lookout.status.v2`.
 */
export const statusJsonSchema = 'lookout.status.v1';

/** Availability over a span: rounds counted, rounds passed, and their ratio in percent, rounded down to 0.001. */
export interface StatusJsonAvailability {
  percent: number;
  total: number;
  good: number;
}

/** One UTC day of a check (flat: 90 of them per check). */
export interface StatusJsonDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  /** Availability in percent, rounded down to 0.001; null for a day without rounds. */
  percent: number | null;
  /** Rounds counted that day, and rounds passed. */
  total: number;
  good: number;
  /** How many incidents were open during some of the day. */
  incidents: number;
}

/** One listed check. */
export interface StatusJsonCheck {
  id: string;
  name: string;
  kind: CheckKind;
  /** Present only when the page shows targets. */
  target?: string;
  state: CheckState;
  /** ISO 8601; null when unknown. */
  since: string | null;
  /** Present only when the page shows errors; null when the check is neither down nor degraded. */
  lastError?: StatusPageError | null;
  /** Each window ending at `generatedAt`; null for a window without rounds. */
  uptime: Record<UptimeWindow, StatusJsonAvailability | null>;
  /** Over the last 24 hours; null without passing probes. */
  latencyMs: { p50: number; p95: number } | null;
  /** Null for checks that do not talk TLS, and before the first handshake. */
  certificate: { validTo: string; daysLeft: number } | null;
  /** The last 90 UTC days, oldest first. */
  days: StatusJsonDay[];
  /** Each badge's path, relative to the page. */
  badges: Record<BadgeKind, string>;
}

/** One incident of a listed check. */
export interface StatusJsonIncident {
  id: string;
  checkId: string;
  kind: AlertKind;
  severity: Severity;
  summary: string;
  openedAt: string;
  escalatedAt: string | null;
  /** Null while open. */
  resolvedAt: string | null;
  /** Opened to resolved, or to `generatedAt` while open. */
  durationMs: number;
  duringMaintenance: boolean;
  /** Present only when the page shows errors. */
  lastError?: StatusPageError | null;
}

/** A maintenance window in progress or upcoming that covers a listed check. */
export interface StatusJsonMaintenance {
  start: string;
  end: string;
  inProgress: boolean;
  /** The listed checks it covers; null when it covers every check. */
  checkIds: string[] | null;
  reason: string | null;
}

/** `status.json`: the status page as data (documented in the README, "Status page"). */
export interface StatusJson {
  schema: typeof statusJsonSchema;
  title: string;
  generatedAt: string;
  status: OverallStatus;
  checks: StatusJsonCheck[];
  /** Open and past incidents, newest first. */
  incidents: StatusJsonIncident[];
  /** Soonest first. */
  maintenance: StatusJsonMaintenance[];
}

/** `status.json` as an object; {@link renderStatusJson} serializes it. */
export function statusJson(data: StatusPageData): StatusJson {
  const show = visibilityOf(data);
  return {
    schema: statusJsonSchema,
    title: data.title,
    generatedAt: isoTime(data.nowMs),
    status: overallSummary(data.checks).status,
    checks: data.checks.map((check) => checkJson(data, check, show)),
    incidents: listedIncidents(data).map((incident) => ({
      id: incident.id,
      checkId: incident.checkId,
      kind: incident.kind,
      severity: incident.severity,
      summary: incident.summary,
      openedAt: isoTime(incident.openedAtMs),
      escalatedAt: incident.escalatedAtMs === undefined ? null : isoTime(incident.escalatedAtMs),
      resolvedAt: incident.resolvedAtMs === undefined ? null : isoTime(incident.resolvedAtMs),
      durationMs: (incident.resolvedAtMs ?? data.nowMs) - incident.openedAtMs,
      duringMaintenance: incident.duringMaintenance,
      ...(show.errors ? { lastError: errorJson(incident.lastError) } : {}),
    })),
    maintenance: listedMaintenance(data).map(({ occurrence, checks, inProgress }) => ({
      start: isoTime(occurrence.startMs),
      end: isoTime(occurrence.endMs),
      inProgress,
      checkIds: occurrence.checkIds === undefined ? null : checks.map((check) => check.id),
      reason: occurrence.reason ?? null,
    })),
  };
}

/**
 * `status.json`'s text: {@link StatusJson}, compact (about 7 KB per check, most of it the 90 days), with `<`, `>` and
 * `&` written as `\u003c`, `\u003e`, `\u0026`, so that no text in it reads as markup to a sniffing browser or a
 * page that inlines it.
 */
export function renderStatusJson(data: StatusPageData): string {
  const text = JSON.stringify(statusJson(data)).replace(
    /[<>&]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

function checkJson(
  data: StatusPageData,
  check: StatusPageCheck,
  show: ReturnType<typeof visibilityOf>,
): StatusJsonCheck {
  const failing = check.state === 'down' || check.state === 'degraded';
  return {
    id: check.id,
    name: check.name,
    kind: check.kind,
    ...(show.targets ? { target: check.target } : {}),
    state: check.state,
    since: check.sinceMs === undefined ? null : isoTime(check.sinceMs),
    ...(show.errors ? { lastError: failing ? errorJson(check.lastError) : null } : {}),
    uptime: Object.fromEntries(
      uptimeWindows.map((window) => [window, availabilityJson(check.uptime[window])]),
    ) as Record<UptimeWindow, StatusJsonAvailability | null>,
    latencyMs: check.latency === undefined ? null : { p50: check.latency.p50Ms, p95: check.latency.p95Ms },
    certificate:
      check.certificate === undefined
        ? null
        : {
            validTo: isoTime(check.certificate.validToMs),
            daysLeft: certificateDaysLeft(check.certificate, data.nowMs),
          },
    days: check.days.map((day) => ({
      date: utcDate(day.dayStartMs),
      percent: availabilityJson(day.rounds)?.percent ?? null,
      total: day.rounds?.total ?? 0,
      good: day.rounds?.good ?? 0,
      incidents: day.incidents.length,
    })),
    badges: Object.fromEntries(badgeKinds.map((badge) => [badge, badgePath(check.id, badge)])) as Record<
      BadgeKind,
      string
    >,
  };
}

function availabilityJson(tally: RoundTally | undefined): StatusJsonAvailability | null {
  if (tally === undefined || availabilityPercent(tally) === undefined) return null;
  const rounded = tally.good >= tally.total ? 100 : Math.floor((tally.good * 100_000) / tally.total) / 1000;
  return { percent: rounded, total: tally.total, good: tally.good };
}

function errorJson(error: StatusPageError | undefined): StatusPageError | null {
  return error === undefined ? null : { code: error.code, message: error.message };
}
