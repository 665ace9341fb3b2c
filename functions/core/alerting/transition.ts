import type { AlertState } from './alert-state';
import type { LookoutEvent } from './lookout-event';

/**
 * What every alert machine returns (status changes, streaks, follow-ups), and what the alert book writes:
 * the next state, whose outbox holds the events to send, and the events a maintenance window silenced on
 * the way, to record in the history but never send.
 */
export interface Transition {
  /** The next state: the same object when nothing changed, so nothing needs writing. */
  state: AlertState;
  /** Events silenced on the way, oldest first. */
  silencedEvents: readonly LookoutEvent[];
}

/** A transition to `state` that silenced nothing (pass the current state for no change). */
export function transitionTo(state: AlertState): Transition {
  return { state, silencedEvents: [] };
}
