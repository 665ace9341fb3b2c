import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../functions/core/map-bounded';

/** A task that counts the calls in flight, keeping the highest count, and resolves after `delayMs`. */
function countingTask(delayMsOf: (index: number) => number = () => 5) {
  const counter = { inFlight: 0, maxInFlight: 0, started: [] as number[] };
  const task = async (item: string, index: number): Promise<string> => {
    counter.started.push(index);
    counter.inFlight += 1;
    counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMsOf(index)));
    counter.inFlight -= 1;
    return `${item}:${index}`;
  };
  return { counter, task };
}

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

describe('mapBounded', () => {
  it('calls nothing for no items', async () => {
    const { counter, task } = countingTask();
    expect(await mapBounded([], 3, task)).toEqual([]);
    expect(counter.started).toEqual([]);
  });

  it('keeps the items’ order, whatever order the calls finish in', async () => {
    const { task } = countingTask((index) => (letters.length - index) * 3);
    expect(await mapBounded(letters, 4, task)).toEqual(letters.map((letter, index) => `${letter}:${index}`));
  });

  it('never has more than the concurrency in flight, and does reach it', async () => {
    const { counter, task } = countingTask((index) => (index % 3) * 4 + 1);
    await mapBounded(letters, 3, task);
    expect(counter.maxInFlight).toBe(3);
    expect(counter.started).toEqual(letters.map((_, index) => index));
  });

  it.each([
    { concurrency: 0, expected: 1 },
    { concurrency: -2, expected: 1 },
    { concurrency: Number.NaN, expected: 1 },
    { concurrency: 2.7, expected: 2 },
    { concurrency: 50, expected: letters.length },
  ])('runs $expected at once for a concurrency of $concurrency', async ({ concurrency, expected }) => {
    const { counter, task } = countingTask();
    await mapBounded(letters, concurrency, task);
    expect(counter.maxInFlight).toBe(expected);
  });

  it('rejects with the first error and starts no call after it', async () => {
    const started: number[] = [];
    const failure = new Error('item 2 failed');
    const outcome = mapBounded(letters, 2, async (_item, index) => {
      started.push(index);
      await new Promise((resolve) => setTimeout(resolve, index === 2 ? 1 : 20));
      if (index === 2) throw failure;
      return index;
    });
    await expect(outcome).rejects.toBe(failure);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(started).toEqual([0, 1, 2, 3]);
  });
});
