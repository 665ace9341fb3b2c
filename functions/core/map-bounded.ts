/**
 * Calls `task` for every item with at most `concurrency` calls in flight (at least one; a fraction rounds
 * down), and resolves with the results in the items' order, whatever order the calls finish in.
 *
 * When a call rejects, no further call starts and the returned promise rejects with that first error; calls
 * already in flight run to their end unobserved. Callers that want every outcome wrap `task` (see
 * `mapSettled` in the DynamoDB adapter).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const limit = Math.max(1, Math.floor(concurrency) || 1);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
