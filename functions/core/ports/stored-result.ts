import type { ProbeResult } from '../probe-result';

/** A probe result as the store keeps it: the result and the round it belongs to. */
export interface StoredResult {
  /** The result, exactly as the engine returned it. */
  result: ProbeResult;
  /**
   * The nominal start of the round the probe belongs to, epoch milliseconds: the same for every region
   * that probed the check in that round, whatever their clocks and start delays.
   */
  roundAtMs: number;
}
