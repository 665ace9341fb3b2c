/** How many events a window counted, and how many of them were bad. */
export interface EventCounts {
  /** Every event. */
  total: number;
  /** The bad ones. */
  bad: number;
}

/**
 * How fast a window spends the error budget, as a multiple of the rate that spends exactly all of it over the
 * SLO window: `(bad / total) / (1 - targetPercent / 100)`. 0 for a window with no events.
 */
export function burnRate(counts: EventCounts, targetPercent: number): number {
  if (counts.total === 0) return 0;
  return counts.bad / counts.total / (1 - targetPercent / 100);
}
