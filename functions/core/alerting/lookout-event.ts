import type { AssertionOutcome } from '../declare/assertion';
import type { ErrorCode } from '../probe-result';
import type { AlertKind, Severity } from './alert-kind';

/** The version tag of the JSON event; a breaking change gets a new one. */
export const lookoutEventSchema = 'lookout.event.v1';

/**
 * What happened to an alert:
 * - `opened`: it started firing;
 * - `escalated`: still firing, at a higher severity (a ticket became a page, a warning critical);
 * - `reminder`: still firing, said again after the check's `remindEvery`;
 * - `resolved`: it stopped firing.
 */
export type LookoutEventType = 'opened' | 'escalated' | 'reminder' | 'resolved';

/** The last failure seen, for messages. */
export interface LastFailure {
  region: string;
  /** ISO 8601. */
  at: string;
  code: ErrorCode;
  message: string;
  /** The assertions that failed, expected vs actual. */
  failedAssertions: AssertionOutcome[];
}

/** SLO burn details of an `slo-*` event. */
export interface SloBurn {
  objective: 'availability' | 'latency';
  /** The objective in percent, such as 99.9. */
  targetPercent: number;
  windowMs: number;
  /** The rule that fired (or last fired, for `resolved`): its burn factor and windows. */
  rule: { name: string; factor: number; longWindowMs: number; shortWindowMs: number };
  /** Burn rates measured over the long and the short window. */
  longBurnRate: number;
  shortBurnRate: number;
  /**
   * The probes of the rule's long window and how many of them were bad (failed, or for latency slow or
   * failed): what happened, in numbers. Absent in events from before it was added.
   */
  longWindowProbes?: { bad: number; total: number };
  /**
   * Error budget left over the whole SLO window, in percent (negative once spent). Absent while the window
   * holds too few probes for its budget to allow even one bad probe (a new check: 3 failed probes of 3 would
   * read -99900% of a 99.9% budget), when the figure means nothing yet.
   */
  budgetRemainingPercent?: number;
}

/** Certificate details of a `certificate` event. */
export interface CertificateFacts {
  daysUntilExpiry: number;
  /** ISO 8601. */
  validTo: string;
  subject: string;
  region: string;
}

/**
 * The event Lookout notifies: the `default` message of every SNS notification (JSON for HTTPS, SQS and Lambda
 * subscribers), the body POSTed to a local webhook, and what the incident history records.
 */
export interface LookoutEvent {
  schema: typeof lookoutEventSchema;
  /** Unique per transition and stable across retries: `${checkId}:${alertKey}:${n}`, the alert's n-th event. */
  id: string;
  type: LookoutEventType;
  kind: AlertKind;
  severity: Severity;
  checkId: string;
  checkName: string;
  /** The URL, or `host:port`. */
  target: string;
  /** The regions the alert concerns: failing regions for an outage, the silent one for probe-missing. */
  regions: string[];
  /** ISO 8601: when the alert opened (for `resolved`, when the incident began). */
  since: string;
  /** ISO 8601: when this event happened. */
  at: string;
  /** One sentence a person understands, such as "orders-api is down in 3 of 3 regions". */
  summary: string;
  lastFailure?: LastFailure;
  slo?: SloBurn;
  certificate?: CertificateFacts;
  /** Whether a maintenance window silenced this event (it is recorded, not sent). */
  silenced?: boolean;
  /** A link to the dashboard, when known. */
  dashboardUrl?: string;
}
