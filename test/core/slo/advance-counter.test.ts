import { describe, expect, it } from 'vitest';
import type { ProbeCounter } from '../../../functions/core/ports/counter-store';
import type { StoredResult } from '../../../functions/core/ports/stored-result';
import {
  type AdvanceCounterInput,
  advanceCounter,
  countingFromMs,
  lateResultHorizonMs,
} from '../../../functions/core/slo/advance-counter';
import { windowTotals } from '../../../functions/core/slo/window-totals';

const minuteMs = 60_000;
const closeAfterMs = 40_000;
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const check = {
  id: 'orders-api',
  regions,
  intervalMs: minuteMs,
  slo: { availability: 99.9, latency: { thresholdMs: 500, target: 99 }, windowMs: 30 * 86_400_000 },
};
/** A whole hour: rounds of a 1-minute check with phase 0 fall on whole minutes. */
const t0 = Date.UTC(2030, 0, 1, 12, 0, 0);

function result(
  region: string,
  roundAtMs: number,
  outcome: { ok?: boolean; totalMs?: number; delayMs?: number } = {},
): StoredResult {
  return {
    roundAtMs,
    result: {
      checkId: check.id,
      kind: 'http',
      region,
      target: 'https://api.example.com/',
      startedAt: new Date(roundAtMs + (outcome.delayMs ?? 200)).toISOString(),
      ok: outcome.ok ?? true,
      degraded: false,
      totalMs: outcome.totalMs ?? 120,
      phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 },
      assertions: [],
      attempt: 1,
    },
  };
}

/** Every region's result of each round in [fromMs, toMs), one minute apart. */
function rounds(
  fromMs: number,
  toMs: number,
  skip: (region: string, roundAtMs: number) => boolean = () => false,
) {
  const results: StoredResult[] = [];
  for (let roundAtMs = fromMs; roundAtMs < toMs; roundAtMs += minuteMs) {
    for (const region of regions) if (!skip(region, roundAtMs)) results.push(result(region, roundAtMs));
  }
  return results;
}

function advance(
  previous: ProbeCounter | undefined,
  results: readonly StoredResult[],
  nowMs: number,
  inMaintenance: AdvanceCounterInput['inMaintenance'] = () => false,
): ProbeCounter | undefined {
  // The sweep reads results from `countingFromMs` on; giving more must change nothing.
  return advanceCounter({ check, previous, results, nowMs, closeAfterMs, inMaintenance });
}

describe('advanceCounter', () => {
  it('counts the rounds that closed, one probe per region and round, with running totals', () => {
    const results = [
      ...rounds(t0, t0 + 3 * minuteMs),
      result('eu-west-1', t0 + minuteMs, { ok: false, delayMs: 900 }), // a second probe of the same round
    ];
    // Slow: bad for latency only.
    results[6] = result('us-east-1', t0 + 2 * minuteMs, { totalMs: 900 });
    // At t0 + 2:50 rounds 0 and 1 are closed (40 s after their start), round 2 closes at 2:40: also closed.
    const first = advance(undefined, results, t0 + 2 * minuteMs + 50_000);
    expect(first).toMatchObject({
      atMs: t0 + 2 * minuteMs,
      countedThroughRoundAtMs: t0 + 2 * minuteMs,
      total: 9,
      availabilityGood: 9,
      partialRounds: [],
    });
    // Of two probes of the same round and region, the first counts (the failed retry of eu-west-1 does not).
    expect(first?.latencyGood).toBe(8);
    expect(first?.lastReportedMs['eu-west-1']).toBe(t0 + 2 * minuteMs + 200);
  });

  it('leaves open rounds for the next counter, and writes nothing when no round closed', () => {
    const results = rounds(t0, t0 + 2 * minuteMs);
    const first = advance(undefined, results, t0 + minuteMs + 10_000);
    expect(first).toMatchObject({ countedThroughRoundAtMs: t0, total: 3 });
    expect(advance(first, results, t0 + minuteMs + 30_000)).toBeUndefined();
    expect(advance(first, results, t0 + minuteMs + 45_000)).toMatchObject({
      countedThroughRoundAtMs: t0 + minuteMs,
      total: 6,
    });
    expect(advance(undefined, [], t0 + 5 * minuteMs)).toBeUndefined();
  });

  it('counts a late result once, in the next counter, and never again', () => {
    const late = result('eu-west-1', t0 + minuteMs, { ok: false, delayMs: 3 * minuteMs });
    const onTime = rounds(
      t0,
      t0 + 5 * minuteMs,
      (region, roundAtMs) => region === 'eu-west-1' && roundAtMs === t0 + minuteMs,
    );
    const first = advance(undefined, onTime, t0 + 2 * minuteMs + 45_000);
    expect(first).toMatchObject({ total: 8, availabilityGood: 8 });
    expect(first?.partialRounds).toEqual([{ roundAtMs: t0 + minuteMs, countedRegions: 0b101 }]);

    const withLate = [...onTime, late];
    const second = advance(first, withLate, t0 + 3 * minuteMs + 45_000);
    expect(second).toMatchObject({ total: 12, availabilityGood: 11, partialRounds: [] });
    // A redelivered sweep of the same minute, from the same counter, computes the same snapshot.
    expect(advance(first, withLate, t0 + 3 * minuteMs + 50_000)).toEqual(second);
    // The next minute, from the newer counter, adds its round and nothing of the late result.
    expect(advance(second, withLate, t0 + 4 * minuteMs + 45_000)).toMatchObject({
      total: 15,
      availabilityGood: 14,
    });
  });

  it('keeps waiting for a silent region only for the late-result horizon', () => {
    const silent = (region: string) => region === 'ap-southeast-2';
    const endMs = t0 + 30 * minuteMs;
    let counter: ProbeCounter | undefined;
    for (let nowMs = t0 + 50_000; nowMs < endMs; nowMs += minuteMs) {
      counter = advance(counter, rounds(t0, nowMs, silent), nowMs) ?? counter;
    }
    expect(counter?.total).toBe(2 * 30);
    const oldest = counter?.partialRounds[0]?.roundAtMs ?? 0;
    expect(oldest).toBeGreaterThan(endMs - lateResultHorizonMs - minuteMs);
    expect(counter?.partialRounds.length).toBeLessThanOrEqual(lateResultHorizonMs / minuteMs);
    expect(counter?.partialRounds.every((round) => round.countedRegions === 0b011)).toBe(true);
    // The region's last report is remembered for the probe-missing message.
    expect(counter?.lastReportedMs['ap-southeast-2']).toBeUndefined();
    expect(counter?.lastReportedMs['us-east-1']).toBe(t0 + 29 * minuteMs + 200);
  });

  it('two sweeps racing from the same counter each write a whole snapshot: the chain counts nothing twice', () => {
    const results = rounds(t0, t0 + 10 * minuteMs);
    const base = advance(undefined, results.slice(0, 9), t0 + 2 * minuteMs + 45_000);
    // A delayed sweep of minute 4 and the sweep of minute 5 both start from `base`.
    const delayed = advance(base, results, t0 + 4 * minuteMs + 45_000);
    const next = advance(base, results, t0 + 5 * minuteMs + 45_000);
    expect(delayed?.total).toBe(15);
    expect(next?.total).toBe(18);
    // The minute after continues from the newer one.
    const after = advance(next, results, t0 + 6 * minuteMs + 45_000);
    expect(after?.total).toBe(21);
    expect(windowTotals(after as ProbeCounter, delayed).total).toBe(6);
  });

  it('counts no probe that started in a maintenance window, but counts its round', () => {
    const results = rounds(t0, t0 + 4 * minuteMs);
    const counter = advance(
      undefined,
      results,
      t0 + 3 * minuteMs + 45_000,
      (atMs) => atMs >= t0 + minuteMs && atMs < t0 + 3 * minuteMs,
    );
    expect(counter).toMatchObject({
      total: 6,
      countedThroughRoundAtMs: t0 + 3 * minuteMs,
      partialRounds: [],
    });
  });

  it('reads from the counted round, or the oldest partial round, but no further back than the catch-up', () => {
    const nowMs = t0 + 10 * minuteMs;
    expect(countingFromMs(undefined, nowMs)).toBe(nowMs - lateResultHorizonMs);
    const counter: ProbeCounter = {
      atMs: t0 + 9 * minuteMs,
      total: 0,
      availabilityGood: 0,
      latencyGood: 0,
      countedThroughRoundAtMs: t0 + 8 * minuteMs,
      partialRounds: [],
      lastReportedMs: {},
    };
    expect(countingFromMs(counter, nowMs)).toBe(t0 + 8 * minuteMs + 1);
    const partial = { ...counter, partialRounds: [{ roundAtMs: t0 + 2 * minuteMs, countedRegions: 1 }] };
    expect(countingFromMs(partial, nowMs)).toBe(t0 + 2 * minuteMs);
    expect(countingFromMs(counter, nowMs + 86_400_000)).toBe(nowMs + 86_400_000 - 3_600_000);
  });
});
