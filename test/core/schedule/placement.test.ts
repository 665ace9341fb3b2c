import { describe, expect, it } from 'vitest';
import {
  checkPhaseMs,
  checksForRegion,
  checksForShard,
  type ResolvedMonitor,
  type ShardedCheck,
  shardCountFor,
  shardOf,
  worstCaseMsPerInvocation,
} from '../../../functions/core';
import { tcpCheck } from '../../support/resolved-checks';

const capacity = { concurrency: 50, budgetMs: 40_000 };

function checks(count: number, fields: Partial<ShardedCheck> = {}): ShardedCheck[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `check-${index}`,
    intervalMs: 60_000,
    timeoutMs: 10_000,
    retries: 0,
    ...fields,
  }));
}

/** The worst case of each shard, in probe-milliseconds per minute. */
function shardLoads(list: readonly ShardedCheck[], shardCount: number): number[] {
  return Array.from({ length: shardCount }, (_, shard) =>
    checksForShard(list, shard, shardCount).reduce((sum, check) => sum + worstCaseMsPerInvocation(check), 0),
  );
}

describe('checksForRegion', () => {
  it('keeps the checks placed in a region, in declaration order', () => {
    const monitor: Pick<ResolvedMonitor, 'checks'> = {
      checks: [
        tcpCheck({ id: 'a', host: '127.0.0.1', port: 1, regions: ['us-east-1', 'eu-west-1'] }),
        tcpCheck({ id: 'b', host: '127.0.0.1', port: 1, regions: ['eu-west-1'] }),
        tcpCheck({ id: 'c', host: '127.0.0.1', port: 1, regions: ['us-east-1'] }),
      ],
    };
    expect(checksForRegion(monitor, 'us-east-1').map((check) => check.id)).toEqual(['a', 'c']);
    expect(checksForRegion(monitor, 'eu-west-1').map((check) => check.id)).toEqual(['a', 'b']);
    expect(checksForRegion(monitor, 'ap-southeast-2')).toEqual([]);
  });
});

describe('sharding', () => {
  it('partitions the checks: each one is in exactly one shard, for any shard count', () => {
    const list = checks(300);
    for (const shardCount of [1, 2, 3, 5, 8]) {
      const shards = Array.from({ length: shardCount }, (_, shard) =>
        checksForShard(list, shard, shardCount),
      );
      const seen = shards.flat();
      expect(seen).toHaveLength(list.length);
      expect(new Set(seen.map((check) => check.id)).size).toBe(list.length);
      for (const check of list) {
        const shard = shardOf(check.id, shardCount);
        expect(shard).toBeGreaterThanOrEqual(0);
        expect(shard).toBeLessThan(shardCount);
        expect(shards[shard]?.includes(check)).toBe(true);
      }
    }
  });

  it('spreads checks over shards and is stable across calls', () => {
    const list = checks(300);
    const sizes = Array.from({ length: 3 }, (_, shard) => checksForShard(list, shard, 3).length);
    for (const size of sizes) expect(size).toBeGreaterThan(60);
    expect(list.map((check) => shardOf(check.id, 3))).toEqual(list.map((check) => shardOf(check.id, 3)));
  });

  it('is independent of the phase: with 2 shards and a 4-minute interval, each shard gets every phase', () => {
    const list = checks(400, { intervalMs: 4 * 60_000 });
    for (let shard = 0; shard < 2; shard++) {
      const perPhase = [0, 0, 0, 0];
      for (const check of checksForShard(list, shard, 2)) {
        const phaseMinute = checkPhaseMs(check) / 60_000;
        perPhase[phaseMinute] = (perPhase[phaseMinute] ?? 0) + 1;
      }
      for (const count of perPhase) expect(count).toBeGreaterThan(25);
    }
  });

  it('rejects a shard count that is not a whole number of 1 or more', () => {
    expect(() => shardOf('a', 0)).toThrow(RangeError);
    expect(() => checksForShard(checks(2), 0, 1.5)).toThrow(RangeError);
  });
});

describe('worstCaseMsPerInvocation', () => {
  it('is timeout × attempts: an invocation runs one round, whatever the interval', () => {
    expect(worstCaseMsPerInvocation({ id: 'a', intervalMs: 60_000, timeoutMs: 10_000, retries: 0 })).toBe(
      10_000,
    );
    expect(worstCaseMsPerInvocation({ id: 'a', intervalMs: 10_000, timeoutMs: 5_000, retries: 0 })).toBe(
      5_000,
    );
    expect(worstCaseMsPerInvocation({ id: 'a', intervalMs: 300_000, timeoutMs: 10_000, retries: 2 })).toBe(
      30_000,
    );
    expect(worstCaseMsPerInvocation({ id: 'a', intervalMs: 90_000, timeoutMs: 10_000, retries: 0 })).toBe(
      10_000,
    );
  });
});

describe('shardCountFor', () => {
  it('is 1 for no checks and for checks that fit one invocation exactly', () => {
    expect(shardCountFor([], capacity)).toBe(1);
    // 200 × 10 s = 2,000 s of probes = 50 at once for 40 s.
    expect(shardCountFor(checks(200), capacity)).toBe(1);
  });

  it('is at least ceil(Σ timeout × attempts / (concurrency × budget))', () => {
    expect(shardCountFor(checks(201), capacity)).toBeGreaterThanOrEqual(2);
    // 10 checks every 10 s with a 5 s timeout: 10 × 5 s = 50 s (one round per invocation); one at a time for
    // 20 s → 2.5 → 3.
    expect(
      shardCountFor(checks(10, { intervalMs: 10_000, timeoutMs: 5_000 }), {
        concurrency: 1,
        budgetMs: 20_000,
      }),
    ).toBeGreaterThanOrEqual(3);
    // Retries count: 2 retries triple the worst case.
    expect(shardCountFor(checks(100, { retries: 2 }), capacity)).toBeGreaterThanOrEqual(2);
  });

  it('gives every shard of several checks a worst case within concurrency × budget', () => {
    const capacityMs = capacity.concurrency * capacity.budgetMs;
    for (const list of [
      checks(1_000),
      checks(999, { intervalMs: 10_000, timeoutMs: 5_000 }),
      [
        ...checks(400),
        ...checks(300, { intervalMs: 30_000, timeoutMs: 8_000 }).map((c) => ({ ...c, id: `x${c.id}` })),
      ],
    ]) {
      const shardCount = shardCountFor(list, capacity);
      const total = list.reduce((sum, check) => sum + worstCaseMsPerInvocation(check), 0);
      expect(shardCount).toBeGreaterThanOrEqual(Math.ceil(total / capacityMs));
      for (const load of shardLoads(list, shardCount)) expect(load).toBeLessThanOrEqual(capacityMs);
    }
  });

  it('does not loop forever when a single check is over the budget on its own', () => {
    const heavy = checks(3, { intervalMs: 10_000, timeoutMs: 10_000, retries: 5 });
    // 3 × 10 s × 6 attempts = 180 s over 40 s → at least 5.
    expect(shardCountFor(heavy, { concurrency: 1, budgetMs: 40_000 })).toBeGreaterThanOrEqual(5);
  });
});
