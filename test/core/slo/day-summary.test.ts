import { describe, expect, it } from 'vitest';
import type { ProbeTotals } from '../../../functions/core/ports/counter-store';
import type { DaySummary } from '../../../functions/core/ports/day-summary-store';
import {
  advanceDaySummary,
  dayTally,
  summarizedDayCount,
  summaryBoundaries,
} from '../../../functions/core/slo/day-summary';

const dayMs = 86_400_000;
const today = Date.UTC(2030, 5, 15);
const keptSinceMs = today - 30 * dayMs;

function totals(total: number, availabilityGood = total): ProbeTotals {
  return { total, availabilityGood, latencyGood: availabilityGood };
}

describe('day summaries', () => {
  it('add the day that closed as the counter at its end minus the base: one boundary, no read but the summary', () => {
    const previous: DaySummary = {
      throughDayMs: today - dayMs,
      base: { total: 1000, availabilityGood: 990 },
      days: [{ total: 1000, availabilityGood: 990 }],
    };
    expect(summaryBoundaries(previous, today, keptSinceMs)).toEqual([today]);
    const next = advanceDaySummary({
      previous,
      todayStartMs: today,
      totalsAt: new Map([[today, totals(5320, 5300)]]),
      keptSinceMs,
    });
    expect(next).toEqual({
      throughDayMs: today,
      base: { total: 5320, availabilityGood: 5300 },
      days: [
        { total: 1000, availabilityGood: 990 },
        { total: 4320, availabilityGood: 4310 },
      ],
    });
    expect(advanceDaySummary({ previous: next, todayStartMs: today, totalsAt: new Map(), keptSinceMs })).toBe(
      undefined,
    );
  });

  it('catch up missed days from their midnights, a day without a counter at its end having no probes', () => {
    const previous: DaySummary = {
      throughDayMs: today - 3 * dayMs,
      base: { total: 10, availabilityGood: 10 },
      days: [],
    };
    expect(summaryBoundaries(previous, today, keptSinceMs)).toEqual([
      today - 2 * dayMs,
      today - dayMs,
      today,
    ]);
    const next = advanceDaySummary({
      previous,
      todayStartMs: today,
      totalsAt: new Map([
        [today - 2 * dayMs, totals(20, 19)],
        [today - dayMs, totals(20, 19)],
        [today, totals(35, 30)],
      ]),
      keptSinceMs,
    });
    expect(next?.days).toEqual([
      { total: 10, availabilityGood: 9 },
      undefined,
      { total: 15, availabilityGood: 11 },
    ]);
  });

  it('start afresh from the counters still kept, the days before them unknown, 90 days in all', () => {
    const boundaries = summaryBoundaries(undefined, today, keptSinceMs);
    expect(boundaries[0]).toBe(keptSinceMs);
    expect(boundaries.at(-1)).toBe(today);
    const next = advanceDaySummary({
      previous: undefined,
      todayStartMs: today,
      // The check began two days ago: no counter at the older midnights.
      totalsAt: new Map([
        [today - dayMs, totals(100, 99)],
        [today, totals(300, 290)],
      ]),
      keptSinceMs,
    });
    expect(next?.days).toHaveLength(summarizedDayCount);
    expect(next?.days.slice(-3)).toEqual([
      undefined,
      { total: 100, availabilityGood: 99 },
      { total: 200, availabilityGood: 191 },
    ]);
    expect(next?.days.filter((day) => day !== undefined)).toHaveLength(2);
    expect(next?.base).toEqual({ total: 300, availabilityGood: 290 });
  });

  it('keep only the newest 90 days', () => {
    const days = Array.from({ length: summarizedDayCount }, (_, index) => ({
      total: index + 1,
      availabilityGood: 0,
    }));
    const next = advanceDaySummary({
      previous: { throughDayMs: today - dayMs, base: { total: 0, availabilityGood: 0 }, days },
      todayStartMs: today,
      totalsAt: new Map([[today, totals(7)]]),
      keptSinceMs,
    });
    expect(next?.days).toHaveLength(summarizedDayCount);
    expect(next?.days[0]).toEqual({ total: 2, availabilityGood: 0 });
    expect(next?.days.at(-1)).toEqual({ total: 7, availabilityGood: 7 });
  });

  it('call a day unknown when the counter at its start may have expired, and count from zero when it cannot have', () => {
    expect(dayTally(undefined, totals(50), true)).toEqual({ total: 50, availabilityGood: 50 });
    expect(dayTally(undefined, totals(50), false)).toBeUndefined();
    expect(dayTally(totals(50), totals(50), true)).toBeUndefined();
    expect(dayTally(totals(60), totals(50), true)).toBeUndefined();
  });
});
