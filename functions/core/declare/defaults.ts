/**
 * Every default and bound of a declaration, written once: validation, normalization and the README read these.
 */
import type { MinBadEvents } from '../slo/evaluate-slo';
import type { MetricsOptions } from './declarations';
import { dayMs, hourMs, minuteMs, secondMs } from './duration';

/** The interval of a check when neither it nor the monitor's defaults set one. */
export const defaultIntervalMs = minuteMs;

/** The timeout of a check when neither it nor the monitor's defaults set one. */
export const defaultTimeoutMs = 10 * secondMs;

/** How long raw results are kept unless the monitor says otherwise. */
export const defaultRetentionMs = 30 * dayMs;

/** Days before expiry at which a certificate warning opens, unless a policy says otherwise. */
export const defaultCertificateWarningDays = 21;

/** Days before expiry at which a certificate alert turns critical, unless a policy says otherwise. */
export const defaultCertificateCriticalDays = 7;

/**
 * The metrics options of a monitor that sets none: only `Availability` and `Latency` per check (2 series,
 * $0.60 per check-month); every richer series is opt-in (`MetricsOptions`).
 */
export const defaultMetricsOptions = {
  perRegion: false,
  phases: false,
  certificate: false,
  sloBudget: false,
} as const satisfies Required<MetricsOptions>;

/** Defaults that every check gets unless it or the monitor's `defaults` says otherwise. */
export const builtInCheckDefaults = {
  intervalMs: defaultIntervalMs,
  timeoutMs: defaultTimeoutMs,
  retries: 0,
  method: 'GET',
  maxRedirects: 5,
  maxBodyBytes: 1_048_576,
  minVersion: 'TLSv1.2',
  insecure: false,
  keyExchangeGroups: ['X25519', 'P-256', 'P-384'],
  tlsPort: 443,
  minDaysValid: 0,
  consecutiveFailures: 2,
  consecutiveSuccesses: 2,
  certificateWarningDays: defaultCertificateWarningDays,
  certificateCriticalDays: defaultCertificateCriticalDays,
  sloWindowMs: 30 * dayMs,
} as const;

/** The default minimum bad events: one failed probe never pages. */
export const defaultMinBadEvents: MinBadEvents = { long: 3, short: 1 };

/** The shortest interval a check may run at. */
export const minimumIntervalMs = 10 * secondMs;

/** The most retries a check may make within one run. */
export const maximumRetries = 5;

/** The most redirects a check may follow. */
export const maximumRedirects = 20;

/** The most response body bytes a check may read (64 MiB). */
export const maximumBodyBytes = 64 * 1024 * 1024;

/** The most consecutive rounds an alert policy may wait for. */
export const maximumConsecutiveRounds = 10;

/** The shortest time between reminders of an alert that stays open. */
export const minimumRemindEveryMs = 5 * minuteMs;

/** The shortest SLO window. */
export const minimumSloWindowMs = hourMs;

/** The longest SLO window. */
export const maximumSloWindowMs = 90 * dayMs;

/** The shortest time raw results may be kept. */
export const minimumRetentionMs = dayMs;

/** The longest time raw results may be kept. */
export const maximumRetentionMs = 400 * dayMs;

/** The longest a one-off maintenance window may last. */
export const maximumOneOffMaintenanceMs = 31 * dayMs;

/** The longest a weekly maintenance window may last each time. */
export const maximumWeeklyMaintenanceMs = dayMs;

/** The most characters a maintenance window's reason may have. */
export const maximumMaintenanceReasonLength = 200;

/** The longest status page title. */
export const maximumStatusPageTitleLength = 100;

/** What a status page reveals beyond names and states when it does not say: nothing. */
export const defaultStatusPageShow = { targets: false, errors: false } as const;

/** The longest `alerts.chat.statusPageUrl`: it fits in one of a chat message's next steps (350 characters). */
export const maximumChatStatusPageUrlLength = 200;

/** A heartbeat's grace when it sets none (or its period, when that is shorter). */
export const defaultHeartbeatGraceMs = hourMs;

/** The shortest heartbeat period and grace: the sweep looks once a minute. */
export const minimumHeartbeatPeriodMs = minuteMs;

/** The longest heartbeat period: a ping must come within the longest retention. */
export const maximumHeartbeatPeriodMs = 400 * dayMs;

/** A heartbeat's alert policy unless it sets its own: the first failed or missed ping opens, one good resolves. */
export const defaultHeartbeatAlert = { consecutiveFailures: 1, consecutiveSuccesses: 1 } as const;

/** The pseudo-region of every heartbeat's results: the pings it receives. */
export const pingRegion = 'ping';

/**
 * The largest ping body accepted (a job's output sent with `/fail`); a larger one gets 413 and records nothing.
 */
export const maximumPingBodyBytes = 10_240;

/**
 * How much of a ping's body is kept in its result (the alert message quotes it): the first 1,000 characters, so
 * the stored result stays within 1 KB-ish (2 WRU at worst for a failed ping with a full body).
 */
export const keptPingBodyChars = 1_000;

/** The most pings a check accepts per minute (per ping-function container); more get 429 and record nothing. */
export const maximumPingsPerMinute = 30;

/** How long after a `/start` a success ping still counts as the end of that run. */
export const maximumJobRunMs = dayMs;
