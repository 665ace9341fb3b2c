import type { AlertKind, Severity } from '../alerting/alert-kind';
import type { CheckKind } from '../check-kinds';
import { dayMs, hourMs } from '../declare/duration';
import type { ErrorCode } from '../probe-result';

/**
 * What the status page shows: everything the renderers (HTML, `status.json`, badges, Atom feed) read, and nothing
 * they fetch. The code that gathers it (from the store on AWS, from the embedded store under `lookout run`) fills
 * it; the renderers are pure functions of it. Instants are epoch milliseconds; `nowMs` is the renderers' only clock.
 *
 * Privacy: a status page is public, checks are private unless listed, so only listed checks go in `checks`, and
 * incidents or maintenance windows that name no listed check are not shown. Targets and error messages are in the
 * data but shown only when `show` says so (they may name internal hosts or secrets' variable names).
 */
export interface StatusPageData {
  /** The page's title, such as "Acme status". */
  title: string;
  /** When the data was gathered: what "now", "for 4m" and "ago" are measured from. */
  nowMs: number;
  /**
   * The page's public URL (ending in `/`), for the feed's links and id. Relative links are used without it.
   * @default undefined
   */
  pageUrl?: string;
  /**
   * What the page may reveal beyond names and states.
   * @default { targets: false, errors: false }
   */
  show?: StatusPageVisibility;
  /**
   * Reload the page this often while it is open (by the inline script; the page stays readable without it).
   * `0` never reloads.
   * @default 60_000
   */
  reloadEveryMs?: number;
  /** The listed checks, in the order to show them. */
  checks: StatusPageCheck[];
  /** Open and past incidents of the listed checks, newest first (open ones have no `resolvedAtMs`). */
  incidents: Incident[];
  /** Maintenance windows in progress or upcoming, soonest first. */
  maintenance: MaintenanceOccurrence[];
}

/** What a status page may reveal beyond names and states; each is off by default. */
export interface StatusPageVisibility {
  /**
   * Show each check's target (URL or `host:port`).
   * @default false
   */
  targets?: boolean;
  /**
   * Show the last error of checks that are down, and of incidents.
   * @default false
   */
  errors?: boolean;
}

/**
 * A check's current state, as the page shows it:
 * - `up`: passing;
 * - `down`: its outage alert is open;
 * - `degraded`: passing but slow (its degraded alert is open);
 * - `pending`: no verdict yet (no rounds counted since it was declared);
 * - `maintenance`: a maintenance window covers it now.
 */
export type CheckState = 'up' | 'down' | 'degraded' | 'pending' | 'maintenance';

/**
 * Probes counted over a span (each region's probe of each round, as the SLO counts them), and how many of them
 * passed (availability = good / total).
 */
export interface RoundTally {
  total: number;
  good: number;
}

/** The spans uptime is shown over. */
export type UptimeWindow = '24h' | '7d' | '30d' | '90d';

/** Each uptime window's length, in the order the page shows them. */
export const uptimeWindowMs: Readonly<Record<UptimeWindow, number>> = {
  '24h': 24 * hourMs,
  '7d': 7 * dayMs,
  '30d': 30 * dayMs,
  '90d': 90 * dayMs,
};

/** Every uptime window, shortest first. */
export const uptimeWindows = Object.keys(uptimeWindowMs) as UptimeWindow[];

/** How many daily bars a check shows. */
export const statusPageDayCount = 90;

/** A failure's code and message (from a probe result or an event's `lastFailure`). */
export interface StatusPageError {
  code: ErrorCode;
  message: string;
}

/** One listed check. */
export interface StatusPageCheck {
  id: string;
  /** The declared `name`, shown instead of the id. */
  name: string;
  kind: CheckKind;
  /** The URL or `host:port`, shown only with `show.targets`. */
  target: string;
  state: CheckState;
  /** When the current state began; undefined when unknown. */
  sinceMs?: number;
  /** The newest failure while `down` or `degraded`, shown only with `show.errors`. */
  lastError?: StatusPageError;
  /** The last {@link statusPageDayCount} UTC days, oldest first, today last. */
  days: DayBar[];
  /** Rounds over each window ending now; a window with no rounds is left out. */
  uptime: Partial<Record<UptimeWindow, RoundTally>>;
  /** Latency percentiles over the last 24 hours; undefined without passing probes. */
  latency?: { p50Ms: number; p95Ms: number };
  /** The served certificate, for checks that talk TLS; undefined for the others and before the first handshake. */
  certificate?: CertificateExpiry;
}

/** When a check's certificate expires, and from how many days left the page warns. */
export interface CertificateExpiry {
  validToMs: number;
  /** The check's `certificateWarningDays`. */
  warningDays: number;
}

/** One UTC day of a check. */
export interface DayBar {
  /** Midnight UTC that starts the day. */
  dayStartMs: number;
  /** The day's rounds; undefined for a day with none (before the check existed, or nothing was probing). */
  rounds?: RoundTally;
  /** The incidents open during some of the day, with how much of the day each covered. */
  incidents: DayIncident[];
}

/** An incident as one day saw it. */
export interface DayIncident {
  kind: AlertKind;
  severity: Severity;
  /** How much of the day (or of it so far, for today) the incident was open. */
  openMs: number;
}

/**
 * An incident: one alert of one check from opened to resolved, built from the event log
 * (see `incidentsFromEvents`).
 */
export interface Incident {
  /** Stable and unique: `${checkId}:${alertKey}@${opened ISO 8601}`. */
  id: string;
  checkId: string;
  kind: AlertKind;
  /** The highest severity it reached. */
  severity: Severity;
  /** The newest event's one-sentence summary. */
  summary: string;
  openedAtMs: number;
  /** When it first escalated (a ticket became a page, a warning critical); undefined when it never did. */
  escalatedAtMs?: number;
  /** Undefined while it is open. */
  resolvedAtMs?: number;
  /** Whether a maintenance window silenced it (recorded, not notified). */
  duringMaintenance: boolean;
  /** The newest failure an event of it carried, shown only with `show.errors`. */
  lastError?: StatusPageError;
  /** Its opened, escalated and resolved events still in the log, oldest first: the feed's entries. */
  events: IncidentEvent[];
}

/** One event of an incident, as the feed publishes it. */
export interface IncidentEvent {
  /** The event's id (`${checkId}:${alertKey}:${n}`), stable across retries and regenerations. */
  id: string;
  type: 'opened' | 'escalated' | 'resolved';
  atMs: number;
  severity: Severity;
  summary: string;
}

/** One occurrence of a maintenance window: in progress when `startMs <= nowMs < endMs`, else upcoming. */
export interface MaintenanceOccurrence {
  startMs: number;
  endMs: number;
  /** The ids of the checks it covers; undefined for every check. Unlisted ids are not shown. */
  checkIds?: string[];
  /** Why, as declared. */
  reason?: string;
}

/** How the page shows every optional setting that was left out. */
export const statusPageDefaults = {
  reloadEveryMs: 60_000,
  show: { targets: false, errors: false },
} as const;

/** What the page may reveal, with defaults applied. */
export function visibilityOf(data: StatusPageData): Required<StatusPageVisibility> {
  return {
    targets: data.show?.targets ?? statusPageDefaults.show.targets,
    errors: data.show?.errors ?? statusPageDefaults.show.errors,
  };
}
