import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from '../../../functions/core';

describe('parseDurationMs', () => {
  it.each([
    ['250ms', 250],
    ['0ms', 0],
    ['30s', 30_000],
    ['1.5s', 1_500],
    ['5m', 300_000],
    ['0.5m', 30_000],
    ['1h', 3_600_000],
    ['30d', 2_592_000_000],
    [' 10s ', 10_000],
  ])('parses %j as %i ms', (text, expectedMs) => {
    expect(parseDurationMs(text)).toBe(expectedMs);
  });

  it.each([['10'], ['10 s'], ['-5s'], ['5w'], ['1h30m'], ['ms'], [''], [10], [null], [undefined]])(
    'rejects %j',
    (value) => {
      expect(parseDurationMs(value)).toBeUndefined();
    },
  );
});

describe('formatDurationMs', () => {
  it.each([
    [250, '250ms'],
    [1_500, '1500ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [5_400_000, '90m'],
    [86_400_000, '1d'],
    [0, '0ms'],
  ])('formats %i ms as %s', (durationMs, text) => {
    expect(formatDurationMs(durationMs)).toBe(text);
  });

  it('round-trips through parseDurationMs', () => {
    for (const durationMs of [1, 999, 10_000, 61_000, 7_200_000, 172_800_000]) {
      expect(parseDurationMs(formatDurationMs(durationMs))).toBe(durationMs);
    }
  });
});
