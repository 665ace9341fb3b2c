import { describe, expect, it } from 'vitest';
import { mapSettled } from '../../../functions/adapters/dynamodb/map-settled';

describe('mapSettled', () => {
  it('settles every item in order, a failure beside the successes, and never rejects', async () => {
    const failure = new Error('item 1 failed');
    let inFlight = 0;
    let maxInFlight = 0;
    const outcomes = await mapSettled([30, 1, 10, 5], 2, async (delayMs, index) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight -= 1;
      if (index === 1) throw failure;
      return delayMs * 10;
    });
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 300 },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 100 },
      { status: 'fulfilled', value: 50 },
    ]);
    expect(maxInFlight).toBe(2);
  });
});
