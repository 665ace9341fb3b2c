/** What a transition needs from outside: the clock and whether notifications are silenced. */
export interface TransitionContext {
  nowMs: number;
  /** Why notifications are silenced now (a maintenance window's reason), or undefined when they are not. */
  silencedBy?: string;
  /** A link to the dashboard, put in every event. */
  dashboardUrl?: string;
}

/** How many status changes within `flapWindowMs` make an alert flapping. */
export const flapChangeCount = 4;
/** The window flapping is counted over; an alert settles once it had no change for this long. */
export const flapWindowMs = 3_600_000;
