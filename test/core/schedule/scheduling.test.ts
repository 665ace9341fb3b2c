import { describe, expect, it } from 'vitest';
import { checkPhaseMs, dueRounds, fnv1a32, roundAtFor, stableHash } from '../../../functions/core';

const minuteMs = 60_000;
const hourStartMs = Date.UTC(2026, 11, 1, 0, 0, 0);

function check(id: string, intervalMs: number) {
  return { id, intervalMs };
}

/** Every round time of the check in the `minutes` minutes from `startMs`, from `dueRounds`. */
function roundTimes(
  scheduled: { id: string; intervalMs: number },
  startMs: number,
  minutes: number,
): number[] {
  const times: number[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    for (const round of dueRounds([scheduled], startMs + minute * minuteMs)) times.push(round.roundAtMs);
  }
  return times;
}

describe('stable hashes', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a32 hashes %j to the published FNV-1a value', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  it('fnv1a32 hashes the UTF-8 bytes (é is C3 A9), as an unsigned number', () => {
    expect(fnv1a32('é')).toBe(0x1e9de8c1);
    expect(fnv1a32('orders-api')).toBe(0x45f84c41);
  });

  it.each([
    ['', 0xab3e7c0b],
    ['a', 0x1a80b1b3],
    ['orders-api', 0x4e108d57],
  ])('stableHash is FNV-1a then the MurmurHash3 finalizer: %j', (text, expected) => {
    expect(stableHash(text)).toBe(expected);
  });

  it('stableHash mixes the low bits: hashes of an id with and without a prefix are independent mod 4 and 2', () => {
    // With FNV-1a alone, hash % 4 and hash('shard:' + id) % 2 determine each other: 4 of the 8 pairs never occur.
    const pairs = new Map<string, number>();
    for (let index = 0; index < 400; index++) {
      const pair = `${stableHash(`check-${index}`) % 4},${stableHash(`shard:check-${index}`) % 2}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    expect(pairs.size).toBe(8);
    for (const count of pairs.values()) expect(count).toBeGreaterThan(25);
  });
});

describe('checkPhaseMs', () => {
  it('is 0 for intervals under a minute, and for a one-minute interval', () => {
    for (const intervalMs of [10_000, 15_000, 30_000, 60_000]) {
      expect(checkPhaseMs(check('orders-api', intervalMs))).toBe(0);
    }
  });

  it('is a whole number of minutes in [0, interval)', () => {
    for (const intervalMs of [90_000, 2 * minuteMs, 5 * minuteMs, 3_600_000, 86_400_000, 2 * 86_400_000]) {
      for (let index = 0; index < 50; index++) {
        const phaseMs = checkPhaseMs(check(`check-${index}`, intervalMs));
        expect(phaseMs % minuteMs).toBe(0);
        expect(phaseMs).toBeGreaterThanOrEqual(0);
        expect(phaseMs).toBeLessThan(intervalMs);
      }
    }
  });

  it('spreads 60 checks with a 5m interval over the 5 minutes roughly evenly', () => {
    const perMinute = [0, 0, 0, 0, 0];
    for (let index = 0; index < 60; index++) {
      const phaseMinute = checkPhaseMs(check(`check-${index}`, 5 * minuteMs)) / minuteMs;
      perMinute[phaseMinute] = (perMinute[phaseMinute] ?? 0) + 1;
    }
    for (const count of perMinute) {
      expect(count).toBeGreaterThanOrEqual(6);
      expect(count).toBeLessThanOrEqual(18);
    }
  });

  it('gives a 90s check both phases across ids', () => {
    const phases = new Set(
      Array.from({ length: 20 }, (_, index) => checkPhaseMs(check(`c${index}`, 90_000))),
    );
    expect([...phases].sort()).toEqual([0, 60_000]);
  });

  it('depends only on the id and interval: stable across calls and objects', () => {
    const first = Array.from({ length: 30 }, (_, index) =>
      checkPhaseMs(check(`svc-${index}`, 15 * minuteMs)),
    );
    const again = Array.from({ length: 30 }, (_, index) =>
      checkPhaseMs({ ...check(`svc-${index}`, 15 * minuteMs) }),
    );
    expect(again).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(5);
  });
});

describe('dueRounds', () => {
  it.each([
    ['10s', 10_000, 360],
    ['15s', 15_000, 240],
    ['1m', minuteMs, 60],
    ['90s', 90_000, 40],
    ['5m', 5 * minuteMs, 12],
    ['15m', 15 * minuteMs, 4],
    ['1h', 3_600_000, 1],
  ])('over an hour of minutes a %s check is due exactly %i times', (_, intervalMs, expected) => {
    for (const id of ['a', 'orders-api', 'www-cert', 'check-17']) {
      expect(roundTimes(check(id, intervalMs), hourStartMs, 60)).toHaveLength(expected);
      // Any 60 consecutive minutes, not only a clock hour.
      expect(roundTimes(check(id, intervalMs), hourStartMs + 17 * minuteMs, 60)).toHaveLength(expected);
    }
  });

  it('puts every round of a check exactly one interval after the previous one, at its phase', () => {
    for (const intervalMs of [10_000, 90_000, 2 * minuteMs, 5 * minuteMs]) {
      const scheduled = check('orders-api', intervalMs);
      const times = roundTimes(scheduled, hourStartMs, 120);
      for (const [index, time] of times.entries()) {
        expect((time - checkPhaseMs(scheduled)) % intervalMs).toBe(0);
        if (index > 0) expect(time - (times[index - 1] ?? 0)).toBe(intervalMs);
      }
    }
  });

  it('runs a 10s check in 6 rounds of one minute, at offsets 0 to 50s', () => {
    const rounds = dueRounds([check('fast', 10_000)], hourStartMs);
    expect(rounds.map((round) => round.offsetMs)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(rounds.map((round) => round.roundAtMs - hourStartMs)).toEqual(
      rounds.map((round) => round.offsetMs),
    );
  });

  it('runs a 90s check at second 0 or second 30 of a minute', () => {
    const offsets = new Set(
      Array.from({ length: 6 }, (_, minute) =>
        dueRounds([check('slowish', 90_000)], hourStartMs + minute * minuteMs),
      )
        .flat()
        .map((round) => round.offsetMs),
    );
    expect([...offsets].sort()).toEqual([0, 30_000]);
  });

  it('groups checks due at the same instant into one round, in the order given, rounds sorted', () => {
    const fast = check('fast', 20_000);
    const perMinute = check('per-minute', minuteMs);
    const halfMinute = check('half', 30_000);
    const rounds = dueRounds([fast, perMinute, halfMinute], hourStartMs);
    expect(rounds.map((round) => [round.offsetMs, round.checks.map((due) => due.id)])).toEqual([
      [0, ['fast', 'per-minute', 'half']],
      [20_000, ['fast']],
      [30_000, ['half']],
      [40_000, ['fast']],
    ]);
  });

  it('returns no rounds when nothing is due and keeps the caller’s check objects', () => {
    const hourly = { ...check('hourly', 3_600_000), extra: 'kept' };
    const phaseMinute = checkPhaseMs(hourly) / minuteMs;
    const otherMinute = (phaseMinute + 1) % 60;
    expect(dueRounds([hourly], hourStartMs + otherMinute * minuteMs)).toEqual([]);
    const [round] = dueRounds([hourly], hourStartMs + phaseMinute * minuteMs);
    expect(round?.checks[0]).toBe(hourly);
  });
});

describe('roundAtFor', () => {
  it('maps a probe to the latest round at or before its start', () => {
    for (const intervalMs of [10_000, 90_000, 5 * minuteMs]) {
      const scheduled = check('orders-api', intervalMs);
      const times = roundTimes(scheduled, hourStartMs, 30);
      for (const time of times) {
        expect(roundAtFor(scheduled, time)).toBe(time);
        expect(roundAtFor(scheduled, time + 1_234)).toBe(time);
        expect(roundAtFor(scheduled, time + intervalMs - 1)).toBe(time);
        expect(roundAtFor(scheduled, time - 1)).toBe(time - intervalMs);
      }
    }
  });
});
