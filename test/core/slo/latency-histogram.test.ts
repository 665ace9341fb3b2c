import { describe, expect, it } from 'vitest';
import {
  addLatencies,
  histogramDifference,
  histogramTotal,
  latencyBucket,
  latencyBucketCount,
  latencyOfBucket,
  latencyPercentile,
} from '../../../functions/core/slo/latency-histogram';

describe('latency histograms', () => {
  it('put each latency in a quarter-octave bucket whose reported latency is within 9 % of it', () => {
    for (const latencyMs of [1, 1.5, 7, 42, 99.9, 100, 120, 333, 999, 1000, 2500, 9999, 30_000, 54_000]) {
      const reported = latencyOfBucket(latencyBucket(latencyMs));
      expect(reported / latencyMs, String(latencyMs)).toBeGreaterThan(1 / 1.091);
      expect(reported / latencyMs, String(latencyMs)).toBeLessThan(1.091);
    }
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(0.4)).toBe(0);
    expect(latencyBucket(Number.NaN)).toBe(0);
    expect(latencyBucket(10 * 60_000)).toBe(latencyBucketCount - 1);
    expect(latencyBucket(2 ** 3)).toBe(12);
    expect(latencyBucket(2 ** 3 - 0.01)).toBe(11);
  });

  it('add latencies without changing the histogram they start from', () => {
    const start = addLatencies([], [100, 100, 400]);
    const next = addLatencies(start, [100, 5]);
    expect(histogramTotal(start)).toBe(3);
    expect(histogramTotal(next)).toBe(5);
    expect(next[latencyBucket(100)]).toBe(3);
    expect(next[latencyBucket(5)]).toBe(1);
  });

  it('give the percentiles of a window as those of the difference of two running histograms', () => {
    const dayAgo = addLatencies(
      [],
      Array.from({ length: 1000 }, () => 2000),
    );
    const latencies = [...Array.from({ length: 90 }, () => 100), ...Array.from({ length: 10 }, () => 800)];
    const now = addLatencies(dayAgo, latencies);
    const window = histogramDifference(now, dayAgo);
    expect(histogramTotal(window)).toBe(100);
    expect(latencyPercentile(window, 0.5)).toBe(latencyOfBucket(latencyBucket(100)));
    expect(latencyPercentile(window, 0.9)).toBe(latencyOfBucket(latencyBucket(100)));
    expect(latencyPercentile(window, 0.95)).toBe(latencyOfBucket(latencyBucket(800)));
    // Everything counted so far, when the window's start has no histogram.
    expect(histogramTotal(histogramDifference(now, undefined))).toBe(1100);
    expect(latencyPercentile(histogramDifference(now, undefined), 0.5)).toBe(
      latencyOfBucket(latencyBucket(2000)),
    );
  });

  it('never go negative, and say nothing of an empty window', () => {
    const a = addLatencies([], [100]);
    const b = addLatencies([], [100, 100, 5]);
    expect(histogramDifference(a, b)).toEqual([]);
    expect(latencyPercentile([], 0.5)).toBeUndefined();
    expect(latencyPercentile(histogramDifference(a, b), 0.95)).toBeUndefined();
  });
});
