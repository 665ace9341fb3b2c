/** Runs `task(0..count-1)` with at most `concurrency` in flight; results in index order. */
export async function runBounded<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < count) {
      const index = nextIndex++;
      results[index] = await task(index);
    }
  };
  const workerCount = Math.max(1, Math.min(concurrency, count));
  await Promise.all(Array.from({ length: workerCount }, worker));
  return results;
}
