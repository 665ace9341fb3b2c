import { mapBounded } from '../../core/map-bounded';

/**
 * Calls `task` for every item with at most `concurrency` calls in flight, and resolves once all have settled,
 * with their outcomes in the items' order (never rejects).
 */
export function mapSettled<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  return mapBounded(items, concurrency, (item, index) =>
    task(item, index).then(
      (value): PromiseSettledResult<R> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<R> => ({ status: 'rejected', reason }),
    ),
  );
}
