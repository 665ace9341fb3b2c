/**
 * Latency histograms with quarter-octave buckets: bucket `i` holds latencies in [2^(i/4), 2^((i+1)/4)) ms (each
 * about 19 % wider than the one before), bucket 0 everything below 2^(1/4) ms and the last one everything from
 * 2^(63/4) ms (55 s) up. A histogram is the count per bucket, as a dense array (a missing entry is 0).
 *
 * The sweep keeps one running histogram of the ok probes' total latency in each counter item (see `ProbeCounter`),
 * so that the percentiles over any window are those of `end − start`, two point reads, like the window's counts.
 * A bucket's percentile is reported as its geometric middle, within 9 % of any latency in it, and steady from one
 * minute to the next (a status page badge that shows it is re-uploaded only when the percentile changes bucket).
 *
 * Size: a check whose latencies stay within a factor of 4 fills 8 buckets (about 60 bytes in the counter item);
 * all 64 buckets at most (about 600 bytes), so a counter item stays one write request unit.
 */

/** Buckets per doubling of latency. */
export const latencyBucketsPerOctave = 4;

/** How many buckets a histogram has: up to 2^(63/4) ms, 55 s, and the last one above. */
export const latencyBucketCount = 64;

/** Counts of latencies per bucket, by bucket index; missing entries are 0. */
export type LatencyHistogram = readonly number[];

/** The bucket a latency falls in. */
export function latencyBucket(latencyMs: number): number {
  if (!(latencyMs >= 1)) return 0;
  return Math.min(latencyBucketCount - 1, Math.floor(latencyBucketsPerOctave * Math.log2(latencyMs)));
}

/** The latency a bucket reports: its geometric middle. */
export function latencyOfBucket(bucket: number): number {
  return 2 ** ((bucket + 0.5) / latencyBucketsPerOctave);
}

/** The histogram with each latency added (a new array; `histogram` is left as it is). */
export function addLatencies(histogram: LatencyHistogram, latenciesMs: readonly number[]): number[] {
  const counts = Array.from(histogram, (count) => count ?? 0);
  for (const latencyMs of latenciesMs) {
    const bucket = latencyBucket(latencyMs);
    while (counts.length <= bucket) counts.push(0);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}

/**
 * The latencies counted between two running histograms, `end − start` per bucket, never negative (counters
 * written by racing sweeps may disagree by a late result); `start` undefined counts everything in `end`.
 */
export function histogramDifference(end: LatencyHistogram, start: LatencyHistogram | undefined): number[] {
  const counts = Array.from(end, (count, bucket) => Math.max(0, (count ?? 0) - (start?.[bucket] ?? 0)));
  while (counts.length > 0 && counts[counts.length - 1] === 0) counts.pop();
  return counts;
}

/** How many latencies a histogram holds. */
export function histogramTotal(histogram: LatencyHistogram): number {
  let total = 0;
  for (const count of histogram) total += count ?? 0;
  return total;
}

/**
 * The latency at `fraction` (0.5 for the median, 0.95 for p95): the reported latency of the bucket that holds the
 * `ceil(fraction × total)`-th smallest latency. Undefined for an empty histogram.
 */
export function latencyPercentile(histogram: LatencyHistogram, fraction: number): number | undefined {
  const total = histogramTotal(histogram);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return latencyOfBucket(bucket);
  }
  return latencyOfBucket(histogram.length - 1);
}
