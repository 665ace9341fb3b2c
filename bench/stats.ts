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
