/** Probes counted over a span, and of them the ok ones. */
export interface DayTally {
  total: number;
  availabilityGood: number;
}

/**
 * A check's closed UTC days, as the sweep summarizes them from its counters once a day (core/slo/day-summary.ts):
 * the status page's daily bars, kept longer than the counters (90 days whatever the retention).
 */
export interface DaySummary {
  /** Midnight UTC (epoch ms) after the newest summarized day: today's, once the sweep summarized yesterday. */
  throughDayMs: number;
  /** The counter totals at `throughDayMs` (the newest counter at or before it): where today's tally starts. */
  base: DayTally;
  /**
   * The summarized days, oldest first: the last one is the day before `throughDayMs`. `undefined` for a day
   * without probes counted (or whose counters had expired when it was summarized).
   */
  days: (DayTally | undefined)[];
}

/** Where each check's day summary is kept: one small item per check. */
export interface DaySummaryStore {
  /** The check's day summary, or undefined when it has none yet. One eventually consistent point read. */
  daySummary(checkId: string): Promise<DaySummary | undefined>;
  /**
   * Writes the check's day summary when the stored one is still the one it was made from (its `throughDayMs` is
   * `previousThroughDayMs`, or there is none and that is undefined); resolves false, writing nothing, when another
   * sweep got there first. Expires `retentionMs` after `summary.throughDayMs`.
   */
  putDaySummary(
    checkId: string,
    summary: DaySummary,
    previousThroughDayMs: number | undefined,
    retentionMs: number,
  ): Promise<boolean>;
}
