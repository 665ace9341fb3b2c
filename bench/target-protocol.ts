/** Messages between the bench and its target process (over the fork IPC channel). */

/** The target process is listening. */
export interface TargetReadyMessage {
  type: 'ready';
  httpPort: number;
  httpsPort: number;
}

/** Asks the target for its counters since the last `takeStats`, and resets them. */
export interface TakeStatsMessage {
  type: 'takeStats';
  requestId: number;
}

/** The target's counters since the previous `takeStats`. */
export interface TargetStatsMessage {
  type: 'stats';
  requestId: number;
  /** TCP connections accepted (HTTP and HTTPS). */
  connections: number;
  /** HTTP requests answered. */
  requests: number;
  /** For each request (at most the first 100 000): how much later than asked the headers went out, in ms (0 when no delay was asked: answered at once). */
  delayOvershootMs: number[];
}

/** The upper bound of the delay a path may ask for, in milliseconds. */
export const maxTargetDelayMs = 10_000;

/** The path that makes the target wait `delayMs` before sending the response headers. */
export function delayPath(delayMs: number): string {
  return `/delay/${delayMs}`;
}
