import { describe, expect, it } from 'vitest';
import { defineMonitor, type ResolvedMonitor, validateMonitor } from '../../../functions/core';
import { estimateCost } from '../../../functions/core/cost/estimate-cost';
import { usageModel as m } from '../../../functions/core/cost/usage-model';
import { deployedMonitor } from '../../../functions/core/resolve/monitor-variants';
import { httpsChecks, standardRegions } from './cost-fixtures';

const gb = 1024 ** 3;
const minutes = 30 * 24 * 60;

/** The standard scenario (100 HTTPS checks, every minute, 3 regions, SLOs), with a status page of `listed` checks. */
function withStatusPage(listed: number, count = 100): ResolvedMonitor {
  const checks = httpsChecks(count, {
    slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } },
  });
  const validation = validateMonitor(
    defineMonitor({
      homeRegion: 'us-east-1',
      regions: standardRegions,
      checks,
      ...(listed === 0
        ? {}
        : { statusPage: { title: 'Acme status', checks: checks.slice(0, listed).map((check) => check.id) } }),
    }),
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return deployedMonitor(validation.monitor);
}

describe('the status page in the estimate', () => {
  it('adds, for the standard scenario with every check listed, exactly its lines and reads, as computed by hand', () => {
    const without = estimateCost(withStatusPage(0));
    const estimate = estimateCost(withStatusPage(100));
    const listed = 100;
    // Every 5 minutes, and at each of the 2 state changes a month of each listed check.
    const regenerations = minutes / 5 + listed * m.alertEventsPerCheckMonth;
    const reads = regenerations * listed * m.statusPageReadUnitsPerCheck;
    const lambdaGbSeconds =
      ((regenerations * (m.statusPageRegenerationBaseMs + listed * m.statusPageMsPerCheck)) / 1000) * 0.5;
    const puts =
      regenerations * 2 +
      listed * m.alertEventsPerCheckMonth +
      listed * m.statusPageBadgeChangesPerCheckDay * 30 +
      720;
    const requests = 20_000 + 43_200 + 50_000;
    const transferGb =
      (20_000 * listed * m.statusPagePageBytesPerCheck.compressed +
        43_200 * listed * m.statusPageJsonBytesPerCheck.compressed +
        50_000 * m.statusPageBadgeBytes.compressed) /
      gb;
    const storedGb =
      (listed * (m.statusPagePageBytesPerCheck.stored + m.statusPageJsonBytesPerCheck.stored + 6 * 560)) / gb;
    const byHand: Record<string, number> = {
      'Status page compute': lambdaGbSeconds * 0.0000133334,
      'Status page PUT and LIST requests': (puts * 0.005) / 1000,
      'Status page GET requests': (requests * 0.0004) / 1000,
      'Status page storage': storedGb * 0.023,
      'Status page HTTPS requests': (requests * 0.01) / 10_000,
      'Status page data transfer out': transferGb * 0.085,
    };
    for (const [item, usd] of Object.entries(byHand)) {
      expect(estimate.lines.find((line) => line.item === item)?.usd, item).toBeCloseTo(usd, 9);
      expect(
        without.lines.some((line) => line.item === item),
        item,
      ).toBe(false);
    }
    expect(estimate.usage.readUnits.statusPage).toBeCloseTo(reads, 6);
    const readsUsd = (reads * 0.125) / 1e6;
    const added = Object.values(byHand).reduce((sum, usd) => sum + usd, 0) + readsUsd;
    expect(estimate.totalUsd - without.totalUsd).toBeCloseTo(added, 9);
    console.log(
      `the status page adds $${added.toFixed(2)} a month to the standard scenario ($${without.totalUsd.toFixed(2)} → $${estimate.totalUsd.toFixed(2)}):`,
      Object.fromEntries(
        [...Object.entries(byHand), ['Read request units', readsUsd]].map(([k, v]) => [
          k,
          Number(v).toFixed(4),
        ]),
      ),
    );
    expect(added).toBeLessThan(1);
    expect(estimate.totalUsd).toBeLessThanOrEqual(100);
  });

  it('costs less with fewer checks listed, and reads the state of listed checks outside the first sweep shard each minute', () => {
    expect(estimateCost(withStatusPage(10)).totalUsd).toBeLessThan(
      estimateCost(withStatusPage(100)).totalUsd,
    );
    // 1,500 checks need 2 sweep shards: half the listed checks' states are read every minute.
    const sharded = estimateCost(withStatusPage(100, 1500)).usage.statusPage;
    const regenerations = minutes / 5 + 100 * m.alertEventsPerCheckMonth;
    expect(sharded?.readUnits).toBeCloseTo(
      regenerations * 100 * m.statusPageReadUnitsPerCheck +
        minutes * 50 * m.statusPageStateReadUnitsPerCheckMinute,
      6,
    );
  });
});
