import { describe, expect, it } from 'vitest';
import { burnRate, burnRateRules } from '../../../functions/core';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

describe('burnRateRules', () => {
  it('gives a 30-day SLO the standard windows, most severe first', () => {
    expect(burnRateRules(30 * dayMs)).toEqual([
      { name: 'page-fast', severity: 'critical', factor: 14.4, longMs: hourMs, shortMs: 5 * minuteMs },
      { name: 'page-slow', severity: 'critical', factor: 6, longMs: 6 * hourMs, shortMs: 30 * minuteMs },
      { name: 'ticket', severity: 'warning', factor: 1, longMs: 3 * dayMs, shortMs: 6 * hourMs },
    ]);
  });

  it('scales every window by window / 30 days for a 7-day SLO, keeping the factors', () => {
    expect(
      burnRateRules(7 * dayMs).map(({ name, factor, longMs, shortMs }) => [name, factor, longMs, shortMs]),
    ).toEqual([
      ['page-fast', 14.4, 14 * minuteMs, 70_000],
      ['page-slow', 6, 84 * minuteMs, 7 * minuteMs],
      ['ticket', 1, 16.8 * hourMs, 84 * minuteMs],
    ]);
  });

  it('triples the windows for a 90-day SLO', () => {
    expect(burnRateRules(90 * dayMs).map((rule) => [rule.longMs, rule.shortMs])).toEqual([
      [3 * hourMs, 15 * minuteMs],
      [18 * hourMs, 90 * minuteMs],
      [9 * dayMs, 18 * hourMs],
    ]);
  });
});

describe('burnRate', () => {
  it.each([
    [{ total: 1000, bad: 1 }, 99.9, 1],
    [{ total: 100, bad: 2 }, 99.9, 20],
    [{ total: 50, bad: 1 }, 99, 2],
    [{ total: 200, bad: 0 }, 99.9, 0],
    [{ total: 0, bad: 0 }, 99.9, 0],
    [{ total: 10, bad: 10 }, 90, 10],
  ])('%o against %f%% burns %f×', (counts, target, expected) => {
    expect(burnRate(counts, target)).toBeCloseTo(expected, 9);
  });
});
