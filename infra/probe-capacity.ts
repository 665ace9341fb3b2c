import { checksForRegion, type ResolvedMonitor, type ShardCapacity, shardCountFor } from '../functions/core';

/**
 * What one probe invocation takes on: 50 probes at once (the engine's bounded pool) for at most 40 s of probing
 * in all, leaving the rest of the probe function's timeout for writing results and for the sub-minute rounds
 * that run late in the minute.
 */
export const probeShardCapacity: ShardCapacity = { concurrency: 50, budgetMs: 40_000 };

/** How many schedules (shards) a probe region gets: enough that each invocation's worst case fits. */
export function probeShardCount(monitor: ResolvedMonitor, region: string): number {
  return shardCountFor(checksForRegion(monitor, region), probeShardCapacity);
}
