import { isProbedKind } from '../check-kinds';
import type { ResolvedCheck, ResolvedMonitor, ResolvedProbedCheck } from '../resolve/resolved-monitor';
import { stableHash } from './stable-hash';

/** What sharding needs to know of a check. */
export type ShardedCheck = Pick<ResolvedCheck, 'id' | 'intervalMs' | 'timeoutMs' | 'retries'>;

/** How much one probe invocation can take on. */
export interface ShardCapacity {
  /** How many probes one invocation runs at once (its bounded pool). */
  concurrency: number;
  /** How long the probes of one invocation may take in all, in milliseconds. */
  budgetMs: number;
}

/**
 * The hash a check is sharded by. It is salted so that it is independent of the hash that picks the check's
 * phase: with the same hash, shard and phase would be correlated (with 2 shards and a 4-minute interval, one
 * shard would get the checks due in even minutes and the other those due in odd ones).
 */
function shardHash(checkId: string): number {
  return stableHash(`shard:${checkId}`);
}

function assertShardCount(shardCount: number): void {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new RangeError(`shardCount must be a whole number of 1 or more, not ${shardCount}`);
  }
}

/**
 * The checks probed from `region`, in declaration order: only probed kinds, so a heartbeat (whose one region,
 * `'ping'`, is where its pings come from) is never placed in a probe region, whatever the region is called.
 */
export function checksForRegion(
  monitor: Pick<ResolvedMonitor, 'checks'>,
  region: string,
): ResolvedProbedCheck[] {
  return monitor.checks.filter(
    (check): check is ResolvedProbedCheck => isProbedKind(check.kind) && check.regions.includes(region),
  );
}

/** The shard, from 0 to `shardCount - 1`, that probes a check: stable for a given id and shard count. */
export function shardOf(checkId: string, shardCount: number): number {
  assertShardCount(shardCount);
  return shardHash(checkId) % shardCount;
}

/** The checks of one shard, in the order given. Over every shard, each check is in exactly one. */
export function checksForShard<Check extends Pick<ResolvedCheck, 'id'>>(
  checks: readonly Check[],
  shard: number,
  shardCount: number,
): Check[] {
  assertShardCount(shardCount);
  return checks.filter((check) => shardHash(check.id) % shardCount === shard);
}

/**
 * The worst case of one check in one probe invocation, in probe-milliseconds: every attempt (the first and each
 * retry, each with its own timeout) times out. An invocation runs one round: the scheduled one runs the round due
 * at the minute, and each later round of a sub-minute check runs in an invocation of its own (the round queue),
 * so a 10 s check weighs on a shard as much as a 1-minute one (not six times: that sized shards for rounds that
 * no longer share an invocation).
 */
export function worstCaseMsPerInvocation(check: ShardedCheck): number {
  return check.timeoutMs * (check.retries + 1);
}

/**
 * How many shards a region's checks need so that the worst case of every invocation fits its budget: at least
 * `ceil(Σ worst case / (concurrency × budgetMs))` and at least 1, where the worst case of a check is its timeout
 * times its attempts. Since checks are placed by hash, a shard can get more than its
 * share; the count is raised until no shard of two or more checks goes over `concurrency × budgetMs` (a single
 * check over it cannot be helped by sharding).
 */
export function shardCountFor(checks: readonly ShardedCheck[], capacity: ShardCapacity): number {
  const { concurrency, budgetMs } = capacity;
  if (!(concurrency >= 1) || !(budgetMs > 0)) {
    throw new RangeError(
      `concurrency must be 1 or more and budgetMs above 0 (got ${concurrency}, ${budgetMs})`,
    );
  }
  const capacityMs = concurrency * budgetMs;
  const loads = checks.map((check) => ({
    hash: shardHash(check.id),
    worstMs: worstCaseMsPerInvocation(check),
  }));
  const totalMs = loads.reduce((sum, load) => sum + load.worstMs, 0);
  const lowest = Math.max(1, Math.ceil(totalMs / capacityMs));
  for (let shardCount = lowest; shardCount <= lowest + checks.length; shardCount++) {
    const shardMs = new Array<number>(shardCount).fill(0);
    const shardSize = new Array<number>(shardCount).fill(0);
    for (const load of loads) {
      const shard = load.hash % shardCount;
      shardMs[shard] = (shardMs[shard] ?? 0) + load.worstMs;
      shardSize[shard] = (shardSize[shard] ?? 0) + 1;
    }
    if (shardMs.every((ms, shard) => ms <= capacityMs || (shardSize[shard] ?? 0) <= 1)) return shardCount;
  }
  return lowest;
}

/**
 * The checks one sweep invocation handles at most: at about 10 ms of store round trips per check, 16 at a time,
 * a shard of this size ends in a few seconds, far inside the sweep's timeout.
 */
export const checksPerSweepShard = 1_000;

/** How many sweep schedules (shards) a monitor's checks need: one per `checksPerSweepShard`, at least one. */
export function sweepShardCount(checkCount: number): number {
  return Math.max(1, Math.ceil(checkCount / checksPerSweepShard));
}
