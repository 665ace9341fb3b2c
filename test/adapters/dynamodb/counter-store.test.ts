import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { itemSizeBytes } from '../../../functions/adapters/dynamodb/item-size';
import type { ProbeCounter } from '../../../functions/core/ports/counter-store';
import { faults } from '../../support/fault-proxy';
import { useDynamo } from '../../support/use-dynamo';
import { testStore } from './store-fixtures';

const minuteMs = 60_000;
const dayMs = 86_400_000;
const minute0 = Date.UTC(2030, 0, 1, 12, 0, 0);

const db = useDynamo({ faults: true });

function counter(minute: number, total: number, overrides: Partial<ProbeCounter> = {}): ProbeCounter {
  return {
    atMs: minute0 + minute * minuteMs,
    total,
    availabilityGood: total - 1,
    latencyGood: total - 2,
    countedThroughRoundAtMs: minute0 + (minute - 1) * minuteMs,
    partialRounds: [],
    lastReportedMs: { 'us-east-1': minute0 + (minute - 1) * minuteMs + 250 },
    ...overrides,
  };
}

describe('DynamoDB counter store', () => {
  it('reads the newest counter at or before an instant', async () => {
    const store = testStore(db.client, db.tableName);
    for (const [minute, total] of [
      [0, 3],
      [1, 6],
      [5, 9],
    ] as const) {
      expect(await store.putCounter('orders', counter(minute, total), dayMs)).toBe(true);
    }
    await store.putCounter('other', counter(9, 99), dayMs);

    expect(await store.counterAtOrBefore('orders', minute0 - 1)).toBeUndefined();
    expect(await store.counterAtOrBefore('orders', minute0)).toEqual(counter(0, 3));
    expect(await store.counterAtOrBefore('orders', minute0 + 4 * minuteMs + 59_999)).toEqual(counter(1, 6));
    expect(await store.counterAtOrBefore('orders', minute0 + 5 * minuteMs)).toEqual(counter(5, 9));
    expect(await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY)).toEqual(counter(5, 9));
    expect(await store.counterAtOrBefore('nobody', Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('writes a minute once: the second writer of the same minute writes nothing', async () => {
    const store = testStore(db.client, db.tableName);
    const [first, second] = await Promise.all([
      store.putCounter('orders', counter(3, 30), dayMs),
      store.putCounter('orders', counter(3, 31), dayMs),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    const stored = await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY);
    expect(stored?.total).toBe(first ? 30 : 31);
  });

  it('keeps partial rounds and last reports, and expires the retention after its minute', async () => {
    const store = testStore(db.client, db.tableName);
    const partial = counter(20, 100, {
      partialRounds: [
        { roundAtMs: minute0 + 5 * minuteMs, countedRegions: 0b011 },
        { roundAtMs: minute0 + 18 * minuteMs, countedRegions: 0 },
      ],
      lastReportedMs: {
        'us-east-1': minute0 + 19 * minuteMs + 300,
        'eu-west-1': minute0 + 4 * minuteMs + 900,
      },
    });
    await store.putCounter('orders', partial, 7 * dayMs);
    expect(await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY)).toEqual(partial);
    const { Item } = await db.client.send(
      new GetItemCommand({
        TableName: db.tableName,
        Key: { pk: { S: 'check#orders' }, sk: { S: `count#${minute0 + 20 * minuteMs}` } },
      }),
    );
    expect(Item?.expiresAt).toEqual({ N: String((minute0 + 20 * minuteMs + 7 * dayMs) / 1000) });
    expect(Item?.partialRounds).toEqual({
      S: `${(14 * minuteMs).toString(36)}:3,${minuteMs.toString(36)}:0`,
    });
  });

  it('keeps the running latency histogram, in under 1 KB with every bucket filled', async () => {
    const store = testStore(db.client, db.tableName);
    const sparse = counter(30, 50, { latencyHistogram: [0, 0, 3, 0, 17] });
    await store.putCounter('orders', sparse, dayMs);
    expect(await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY)).toEqual(sparse);
    const full = counter(31, 4_000_000, {
      latencyHistogram: Array.from({ length: 64 }, () => 4_000_000),
      partialRounds: [{ roundAtMs: minute0 + 29 * minuteMs, countedRegions: 0b011 }],
    });
    await store.putCounter('orders', full, dayMs);
    expect(await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY)).toEqual(full);
    const { Item } = await db.client.send(
      new GetItemCommand({
        TableName: db.tableName,
        Key: { pk: { S: 'check#orders' }, sk: { S: `count#${minute0 + 31 * minuteMs}` } },
      }),
    );
    expect(itemSizeBytes(Item ?? {})).toBeLessThan(1024);
  });

  it('tells its own write, answered by a 500, from a racing sweep’s', async () => {
    const store = testStore(db.proxiedClient(), db.tableName);
    let puts = 0;
    db.proxy.setPlan((request) => {
      if (request.operation !== 'PutItem') return undefined;
      puts += 1;
      return puts === 1 ? faults.serverError(true) : undefined;
    });
    expect(await store.putCounter('orders', counter(7, 70), dayMs)).toBe(true);
    expect(await store.putCounter('orders', counter(7, 71), dayMs)).toBe(false);
    expect((await store.counterAtOrBefore('orders', Number.POSITIVE_INFINITY))?.total).toBe(70);
  });
});
