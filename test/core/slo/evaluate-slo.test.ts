import { describe, expect, it } from 'vitest';
import { evaluateSlo, type SloEvaluation, sloWindowSpansMs } from '../../../functions/core';
import type { ProbeTotals } from '../../../functions/core/ports/counter-store';
import { type WindowTotals, windowTotals } from '../../../functions/core/slo/window-totals';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
const startMs = Date.UTC(2026, 0, 1);
const probesPerMinute = 3; // three regions, once a minute

/** The probes counted at one instant (a minute, or an hour). */
interface Bucket extends ProbeTotals {
  startMs: number;
}

/**
 * The windows `evaluateSlo` reads at `nowMs`, as the sweep gets them from counters: the running totals at now
 * minus the running totals at the window's start, where the running totals at `t` are those of every bucket
 * that starts at or before `t`. So a window (now − span, now] holds the buckets that start in it.
 */
function windowsAt(buckets: readonly Bucket[], nowMs: number, windowMs: number): WindowTotals[] {
  const runningTotals = (atMs: number): ProbeTotals => {
    const sums = runningSums(buckets);
    let counted = 0;
    while (counted < sums.length && (sums[counted]?.startMs ?? 0) <= atMs) counted++;
    return counted === 0 ? { total: 0, availabilityGood: 0, latencyGood: 0 } : (sums[counted - 1] as Bucket);
  };
  const end = runningTotals(nowMs);
  return sloWindowSpansMs(windowMs).map((spanMs) => ({
    spanMs,
    ...windowTotals(end, runningTotals(nowMs - spanMs)),
  }));
}

const sumsOf = new WeakMap<readonly Bucket[], Bucket[]>();

/** The running totals after each bucket, in order of start (computed once per list). */
function runningSums(buckets: readonly Bucket[]): Bucket[] {
  let sums = sumsOf.get(buckets);
  if (sums === undefined) {
    let total = 0;
    let availabilityGood = 0;
    let latencyGood = 0;
    sums = [...buckets]
      .sort((a, b) => a.startMs - b.startMs)
      .map((bucket) => {
        total += bucket.total;
        availabilityGood += bucket.availabilityGood;
        latencyGood += bucket.latencyGood;
        return { startMs: bucket.startMs, total, availabilityGood, latencyGood };
      });
    sumsOf.set(buckets, sums);
  }
  return sums;
}

/**
 * `minutes` minutes of probes, three a minute; probe `k` (counted from 0 over all regions) runs in minute
 * `floor(k / 3)` and is bad when `isBad(k)`. Latency is good exactly when availability is.
 */
function history(minutes: number, isBad: (probe: number) => boolean): Bucket[] {
  const buckets: Bucket[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    let good = 0;
    for (let region = 0; region < probesPerMinute; region++) {
      if (!isBad(minute * probesPerMinute + region)) good++;
    }
    buckets.push({
      startMs: startMs + minute * minuteMs,
      total: probesPerMinute,
      availabilityGood: good,
      latencyGood: good,
    });
  }
  return buckets;
}

/** The evaluation at the end of minute `minute`, with the probes up to it. */
function evaluateAt(
  buckets: readonly Bucket[],
  minute: number,
  options: { windowMs?: number; targetPercent?: number; minBadEvents?: { long: number; short: number } } = {},
): SloEvaluation {
  const windowMs = options.windowMs ?? 30 * dayMs;
  const nowMs = startMs + (minute + 1) * minuteMs - 1;
  return evaluateSlo({
    objective: 'availability',
    targetPercent: options.targetPercent ?? 99.9,
    windowMs,
    windows: windowsAt(buckets, nowMs, windowMs),
    ...(options.minBadEvents === undefined ? {} : { minBadEvents: options.minBadEvents }),
  });
}

describe('sloWindowSpansMs', () => {
  it('lists each burn-rate window once, at least a minute, and the SLO window', () => {
    expect(sloWindowSpansMs(30 * dayMs)).toEqual([
      5 * minuteMs,
      30 * minuteMs,
      hourMs,
      6 * hourMs,
      3 * dayMs,
      30 * dayMs,
    ]);
    expect(sloWindowSpansMs(dayMs)).toEqual([minuteMs, 2 * minuteMs, 12 * minuteMs, 2.4 * hourMs, dayMs]);
  });

  it('evaluateSlo says which window it lacks', () => {
    expect(() =>
      evaluateSlo({ objective: 'availability', targetPercent: 99, windowMs: 30 * dayMs, windows: [] }),
    ).toThrow(/the last 3600000 ms/);
  });
});

describe('evaluateSlo: one failed probe never pages', () => {
  it.each([
    ['the very first probe', 0],
    ['probe 500 of 1000', 500],
  ])('1 bad probe in 1000 (%s) fires no rule at any minute', (_, badProbe) => {
    const rollups = history(400, (probe) => probe === badProbe);
    for (let minute = 0; minute < 400; minute++) expect(evaluateAt(rollups, minute).firing).toBeUndefined();
  });

  it('even though its short window burns far above the page factor', () => {
    const rollups = history(400, (probe) => probe === 500);
    const measured = evaluateAt(rollups, 166).measured['page-fast']; // probe 500 runs in minute 166
    // 5 minutes: 1 bad of 15 → (1/15)/0.001; 1 hour: 1 bad of 180 → (1/180)/0.001.
    expect(measured.shortBurnRate).toBeCloseTo(1_000 / 15, 6);
    expect(measured.longBurnRate).toBeCloseTo(1_000 / 180, 6);
    expect([measured.longBad, measured.shortBad, measured.longTotal, measured.shortTotal]).toEqual([
      1, 1, 180, 15,
    ]);
  });

  it('does page on one failure when minBadEvents allows it, so the default is what holds it back', () => {
    const rollups = history(10, (probe) => probe === 0);
    const verdict = evaluateAt(rollups, 0, { minBadEvents: { long: 1, short: 1 } });
    expect(verdict.firing?.rule.name).toBe('page-fast');
    expect(evaluateAt(rollups, 0).firing).toBeUndefined();
  });
});

describe('evaluateSlo: a sustained 2% error rate against 99.9% (20×)', () => {
  // Every 50th probe fails: probes 49, 99, 149 … run in minutes 16, 33, 49 …
  const rollups = history(600, (probe) => probe % 50 === 49);

  it('fires nothing while the long windows hold fewer than 3 bad probes', () => {
    for (let minute = 0; minute < 49; minute++) expect(evaluateAt(rollups, minute).firing).toBeUndefined();
  });

  it('pages (page-fast) in minute 49, when the third bad probe lands in the 5-minute window', () => {
    const verdict = evaluateAt(rollups, 49);
    expect(verdict.firing?.rule.name).toBe('page-fast');
    expect(verdict.firing?.severity).toBe('critical');
    // 1 hour (all 50 minutes): 3 bad of 150 → 20×; 5 minutes: 1 bad of 15 → 66.7×.
    expect(verdict.firing?.longBurnRate).toBeCloseTo(20, 9);
    expect(verdict.firing?.shortBurnRate).toBeCloseTo(1_000 / 15, 6);
  });

  it('keeps paging, fast or slow, for as long as it lasts', () => {
    for (let minute = 49; minute < 600; minute++) {
      const verdict = evaluateAt(rollups, minute);
      expect(verdict.firing?.severity, `minute ${minute}`).toBe('critical');
      expect(['page-fast', 'page-slow']).toContain(verdict.firing?.rule.name);
    }
    // Minute 125: no bad probe in the last 5 minutes, so only the 6 h / 30 min rule fires.
    expect(evaluateAt(rollups, 125).firing?.rule.name).toBe('page-slow');
  });
});

describe('evaluateSlo: 0.5% errors against 99.9% (5×)', () => {
  // Every 200th probe fails: probes 199, 399, 599 … run in minutes 66, 133, 199 …
  const rollups = history(4 * 1_440, (probe) => probe % 200 === 199);

  it('opens a ticket in minute 199, once the 3-day window holds 3 bad probes', () => {
    expect(evaluateAt(rollups, 198).firing).toBeUndefined();
    const verdict = evaluateAt(rollups, 199);
    expect(verdict.firing?.rule.name).toBe('ticket');
    expect(verdict.firing?.severity).toBe('warning');
    // 3 days and 6 hours both hold all 600 probes, 3 of them bad: (3/600)/0.001 = 5×.
    expect(verdict.firing?.longBurnRate).toBeCloseTo(5, 9);
    expect(verdict.firing?.shortBurnRate).toBeCloseTo(5, 9);
  });

  it('never pages over four days, and keeps the ticket open', () => {
    for (let minute = 199; minute < 4 * 1_440; minute += 3) {
      const verdict = evaluateAt(rollups, minute);
      expect(verdict.firing?.rule.name, `minute ${minute}`).toBe('ticket');
      // 6 hours hold 1080 probes, at most 6 bad: at most 5.6×, under the page factor 6.
      expect(verdict.measured['page-slow'].longBurnRate).toBeLessThan(6);
    }
  });
});

describe('evaluateSlo: windows scale with the SLO window', () => {
  // 201 minutes; one bad probe in each of minutes 190 to 200.
  const rollups = history(201, (probe) => probe >= 190 * 3 && probe % 3 === 0);

  it('counts 14 minutes and the last 70 s (one minute, at the end of a minute) for page-fast of a 7-day SLO', () => {
    const verdict = evaluateAt(rollups, 200, { windowMs: 7 * dayMs });
    const measured = verdict.measured['page-fast'];
    expect([measured.longTotal, measured.longBad, measured.shortTotal, measured.shortBad]).toEqual([
      42, 11, 3, 1,
    ]);
    expect(measured.longBurnRate).toBeCloseTo(11_000 / 42, 6);
    expect(verdict.firing?.rule.name).toBe('page-fast');
  });

  it('counts 60 and 5 minutes for the same data under a 30-day SLO', () => {
    const measured = evaluateAt(rollups, 200).measured['page-fast'];
    expect([measured.longTotal, measured.longBad, measured.shortTotal, measured.shortBad]).toEqual([
      180, 11, 15, 5,
    ]);
  });

  it('counts at least the current minute when a scaled window is shorter than a minute', () => {
    // A 1-day SLO scales the 5-minute window to 10 s.
    const measured = evaluateAt(rollups, 200, { windowMs: dayMs }).measured['page-fast'];
    expect([measured.shortTotal, measured.shortBad]).toEqual([3, 1]);
  });
});

describe('evaluateSlo: error budget remaining, over the whole window', () => {
  const nowMs = startMs + 40 * dayMs;
  const hour = (hoursAgo: number, total: number, good: number, latencyGood = good): Bucket => ({
    startMs: nowMs - hoursAgo * hourMs,
    total,
    availabilityGood: good,
    latencyGood,
  });
  const budget = (
    hourBuckets: Bucket[],
    objective: 'availability' | 'latency' = 'availability',
    target = 99.9,
  ) =>
    evaluateSlo({
      objective,
      targetPercent: target,
      windowMs: 30 * dayMs,
      windows: windowsAt(hourBuckets, nowMs, 30 * dayMs),
    }).budgetRemainingPercent;

  it('is 100 with no events and with no bad events', () => {
    expect(budget([])).toBe(100);
    expect(budget([hour(1, 1_000, 1_000)])).toBe(100);
  });

  it('is 100 × (1 − (bad/total) / (1 − target))', () => {
    const tenHours = (badPerHour: (index: number) => number) =>
      Array.from({ length: 10 }, (_, index) => hour(index, 1_000, 1_000 - badPerHour(index)));
    expect(budget(tenHours((index) => (index < 5 ? 1 : 0)))).toBeCloseTo(50, 9); // 5 bad of 10 000
    expect(budget(tenHours(() => 1))).toBeCloseTo(0, 9); // 10 bad of 10 000: exactly spent
    expect(budget(tenHours(() => 2))).toBeCloseTo(-100, 9); // overspent twice over
  });

  it('ignores probes counted at or before now − window, or after now', () => {
    const inside = hour(1, 1_000, 999);
    expect(budget([inside])).toBeCloseTo(0, 9);
    expect(budget([hour(30 * 24, 1_000, 0), inside, hour(-1, 1_000, 0)])).toBeCloseTo(0, 9);
    expect(budget([hour(30 * 24 - 1, 1_000, 1_000), inside])).toBeCloseTo(50, 9);
  });

  it('counts latencyGood for the latency objective', () => {
    const buckets = [hour(2, 5_000, 5_000, 4_975), hour(1, 5_000, 5_000, 4_975)];
    expect(budget(buckets, 'latency', 99)).toBeCloseTo(50, 9); // 50 slow of 10 000 against 1% allowed
    expect(budget(buckets, 'availability', 99)).toBe(100);
  });
});

describe('evaluateSlo: the latency objective burns on latencyGood', () => {
  it('pages for slow probes that are all available', () => {
    const buckets: Bucket[] = Array.from({ length: 60 }, (_, minute) => ({
      startMs: startMs + minute * minuteMs,
      total: 3,
      availabilityGood: 3,
      latencyGood: 1,
    }));
    const nowMs = startMs + 60 * minuteMs - 1;
    const windowMs = 30 * dayMs;
    const input = { targetPercent: 99, windowMs, windows: windowsAt(buckets, nowMs, windowMs) };
    expect(evaluateSlo({ ...input, objective: 'latency' }).firing?.rule.name).toBe('page-fast');
    expect(evaluateSlo({ ...input, objective: 'availability' }).firing).toBeUndefined();
  });
});
