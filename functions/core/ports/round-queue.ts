import type { RoundInput } from '../contract/schedule-input';

/** A round to start later: its input, and how long from now it is delivered. */
export interface QueuedRound {
  input: RoundInput;
  /** Whole seconds from now, 0 to 900 (SQS's most). */
  delaySeconds: number;
}

/**
 * Where the probe function queues the later rounds of a minute, each delivered (to a new invocation) at its
 * time, so that no invocation idles between rounds: SQS with delivery delays in AWS.
 */
export interface RoundQueue {
  /**
   * Queues every round; retries what the service refused for a passing reason. Resolves with the rounds that
   * could not be queued, which the caller then runs itself; never rejects.
   */
  queueRounds(rounds: readonly QueuedRound[]): Promise<{ notQueued: RoundInput[]; error?: unknown }>;
}
