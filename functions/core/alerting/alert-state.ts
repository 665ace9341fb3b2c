import type { AlertKind, AlertStatus, Severity } from './alert-kind';
import type { LookoutEvent } from './lookout-event';

/** A delivery in progress: who claimed the outbox, until when. */
export interface DeliveryLease {
  owner: string;
  /** Epoch milliseconds after which another evaluator may take over. */
  untilMs: number;
}

/**
 * The state of one alert of one check, kept in the store and changed only by conditional writes on `version`.
 * Transitions put their event in `outbox`; an event leaves the outbox only after the notifier accepted it.
 */
export interface AlertState {
  checkId: string;
  /** The alert's key within its check: the kind, plus `#region` for `probe-missing`. */
  key: string;
  kind: AlertKind;
  status: AlertStatus;
  /** The severity while firing. */
  severity?: Severity;
  /** ISO 8601: when the current status began. */
  since: string;
  /** Incremented by every write; the condition of the next one. */
  version: number;
  /** How many events this alert has produced; numbers event ids, so each transition's id is unique and stable. */
  eventCount: number;
  /** Outage: consecutive failed rounds counted so far, and consecutive passed rounds. */
  failedRounds: number;
  passedRounds: number;
  /** The latest round already counted, epoch milliseconds. */
  lastRoundAtMs?: number;
  /** Epoch milliseconds of recent status changes (the last hour), to detect flapping. */
  recentChangesMs: number[];
  /** Whether the alert is held as flapping: changes are recorded but not notified until it settles. */
  flapping: boolean;
  /** The status subscribers were last told about. */
  notifiedStatus: AlertStatus;
  /** The severity subscribers were last told about. */
  notifiedSeverity?: Severity;
  /** ISO 8601 of the last notification sent. */
  lastNotifiedAt?: string;
  /** The newest event this alert produced (sent, waiting or silenced): the details reminders and catch-ups repeat. */
  lastEvent?: LookoutEvent;
  /** Events waiting for delivery, oldest first. */
  outbox: LookoutEvent[];
  /**
   * For an event still in the outbox that some of the notifier's destinations accepted (the alert topic but not
   * the chat topic, say): their names, by event id. The next attempt sends only to the others.
   */
  partlyDelivered?: Record<string, string[]>;
  lease?: DeliveryLease;
}
