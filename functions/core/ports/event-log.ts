import type { LookoutEvent } from '../alerting/lookout-event';

/** The incident history: every event that was notified (or silenced), per check. */
export interface EventLog {
  /** Records an event; recording the same event id again changes nothing. Expires `retentionMs` after `event.at`. */
  recordEvent(event: LookoutEvent, retentionMs: number): Promise<void>;
  /** The newest events of a check, newest first. */
  recentEvents(checkId: string, limit: number): Promise<LookoutEvent[]>;
}
