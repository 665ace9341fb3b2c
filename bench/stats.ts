/** Summary statistics of a set of samples, in the samples' unit. */
export interface Summary {
  /** How many samples. */
  count: number;
  min: number;
  median: number;
  /** 95th percentile (linear interpolation between closest ranks). */
  p95: number;
  max: number;
  mean: number;
}

/** The q-quantile (0..1) of already sorted values, interpolating linearly between closest ranks. */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lowerIndex = Math.floor(position);
  const upperIndex = Math.ceil(position);
  const lower = sorted[lowerIndex] ?? Number.NaN;
  const upper = sorted[upperIndex] ?? Number.NaN;
  return lower + (upper - lower) * (position - lowerIndex);
}

/** Summarizes samples; every field is NaN when there are none. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: quantileOfSorted(sorted, 0.5),
    p95: quantileOfSorted(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
  };
}

/** The median of samples (NaN when there are none). */
export function median(values: readonly number[]): number {
  return summarize(values).median;
}

/** A small seeded generator (mulberry32), so that a report's intervals are the same for the same samples. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How `a`'s q-quantile compares with `b`'s: the difference, and its 95 % bootstrap interval. */
export interface QuantileDifference {
  /** quantile(a) − quantile(b). */
  difference: number;
  /** The 2.5th and 97.5th percentiles of the difference over resamples of both sets. */
  low: number;
  high: number;
}

/**
 * The difference of two sets' q-quantiles with its 95 % percentile-bootstrap interval: each set resampled with
 * replacement `rounds` times (seeded), the difference taken each time. An interval that holds 0 is a difference
 * the run cannot tell from its own noise.
 */
export function quantileDifference(
  a: readonly number[],
  b: readonly number[],
  q: number,
  rounds = 2000,
): QuantileDifference {
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  const difference = quantileOfSorted(sortedA, q) - quantileOfSorted(sortedB, q);
  if (a.length === 0 || b.length === 0) return { difference, low: Number.NaN, high: Number.NaN };
  const random = seededRandom(a.length * 7919 + b.length);
  const resampledQuantile = (values: readonly number[]) => {
    const resample = Array.from(
      { length: values.length },
      () => values[Math.floor(random() * values.length)] ?? 0,
    );
    return quantileOfSorted(
      resample.sort((x, y) => x - y),
      q,
    );
  };
  const differences = Array.from({ length: rounds }, () => resampledQuantile(a) - resampledQuantile(b)).sort(
    (x, y) => x - y,
  );
  return {
    difference,
    low: quantileOfSorted(differences, 0.025),
    high: quantileOfSorted(differences, 0.975),
  };
}
