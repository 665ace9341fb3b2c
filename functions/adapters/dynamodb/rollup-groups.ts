import type { RollupGranularity, RollupSample } from '../../core/ports/rollup-store';

/** The bucket sizes, in milliseconds. */
export const rollupBucketMs: Readonly<Record<RollupGranularity, number>> = {
  minute: 60_000,
  hour: 3_600_000,
};

/** The samples of one region that fall in one bucket, oldest first, one per start. */
export interface RollupGroup {
  granularity: RollupGranularity;
  bucketStartMs: number;
  region: string;
  samples: RollupSample[];
}

/** Groups samples by (granularity, bucket, region): each sample lands in one minute and one hour bucket. */
export function groupRollupSamples(samples: readonly RollupSample[]): RollupGroup[] {
  const groups = new Map<string, RollupGroup>();
  for (const sample of samples) {
    if (!Number.isFinite(sample.startedAtMs)) {
      throw new Error(`rollup sample of ${sample.region} has no valid startedAtMs: ${sample.startedAtMs}`);
    }
    for (const granularity of ['minute', 'hour'] as const) {
      const size = rollupBucketMs[granularity];
      const bucketStartMs = Math.floor(sample.startedAtMs / size) * size;
      const key = `${granularity}\n${bucketStartMs}\n${sample.region}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { granularity, bucketStartMs, region: sample.region, samples: [] };
        groups.set(key, group);
      }
      group.samples.push(sample);
    }
  }
  for (const group of groups.values()) {
    group.samples.sort((a, b) => a.startedAtMs - b.startedAtMs);
    // A region's probe is identified by its start: the same sample twice counts once.
    group.samples = group.samples.filter(
      (sample, index) => index === 0 || group.samples[index - 1]?.startedAtMs !== sample.startedAtMs,
    );
  }
  return [...groups.values()];
}
