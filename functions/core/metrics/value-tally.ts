/** CloudWatch's limit on distinct values in one datum's Values array. */
export const maxValuesPerDatum = 150;

/** Values with how often each occurred, ready for CloudWatch's Values/Counts arrays. */
export interface ValueCounts {
  values: number[];
  counts: number[];
}

/** Counts occurrences of values. */
export class ValueTally {
  readonly #counts = new Map<number, number>();

  /** Counts one occurrence of `value`; values that are not finite numbers are ignored. */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    const key = Object.is(value, -0) ? 0 : value;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** Whether nothing was counted. */
  get isEmpty(): boolean {
    return this.#counts.size === 0;
  }

  /** The distinct values in ascending order with their counts, in chunks of at most `maxValues` values. */
  chunks(maxValues: number = maxValuesPerDatum): ValueCounts[] {
    const sorted = [...this.#counts.entries()].sort(([a], [b]) => a - b);
    const chunks: ValueCounts[] = [];
    for (let start = 0; start < sorted.length; start += maxValues) {
      const slice = sorted.slice(start, start + maxValues);
      chunks.push({ values: slice.map(([value]) => value), counts: slice.map(([, count]) => count) });
    }
    return chunks;
  }
}

/** Rounds to a step, such as 0.1 ms for latencies, so that near-equal values share a count. */
export function roundToStep(value: number, step: number): number {
  const inverse = 1 / step;
  return Math.round(value * inverse) / inverse;
}

/** The start of the minute an instant is in, epoch milliseconds. */
export function minuteStartMs(epochMs: number): number {
  return Math.floor(epochMs / 60_000) * 60_000;
}
