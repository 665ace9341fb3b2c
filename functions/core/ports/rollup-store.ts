/** The size of an SLO rollup bucket. */
export type RollupGranularity = 'minute' | 'hour';

/** One probe, as SLO rollups count it. Probes in a maintenance window are never added. */
export interface RollupSample {
  region: string;
  /** The probe's start, epoch milliseconds. */
  startedAtMs: number;
  /** Good for availability: the probe was ok. */
  availabilityGood: boolean;
  /** Good for latency: the probe was ok and at or under the SLO's latency threshold. */
  latencyGood: boolean;
}

/** The counts of one rollup bucket, pooled over regions. */
export interface RollupBucket {
  granularity: RollupGranularity;
  /** The bucket's start, epoch milliseconds (a whole minute or hour). */
  startMs: number;
  total: number;
  availabilityGood: number;
  latencyGood: number;
}

/** SLO rollups: probe counts per minute and per hour, per check. */
export interface RollupStore {
  /**
   * Adds samples to the minute and the hour bucket each falls in. Idempotent: each bucket keeps, per region,
   * the start of the latest sample it counted, and a sample at or before it is not counted again, so a
   * redelivered or concurrently processed batch never counts a probe twice. Expired buckets are removed by
   * TTL: `minuteTtlMs` and `hourTtlMs` after their start.
   */
  addToRollups(
    checkId: string,
    samples: readonly RollupSample[],
    ttl: { minuteTtlMs: number; hourTtlMs: number },
  ): Promise<void>;
  /** The buckets of one granularity whose start is in [fromMs, toMs), oldest first. */
  readRollups(
    checkId: string,
    granularity: RollupGranularity,
    fromMs: number,
    toMs: number,
  ): Promise<RollupBucket[]>;
}
