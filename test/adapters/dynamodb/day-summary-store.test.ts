import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { itemSizeBytes } from '../../../functions/adapters/dynamodb/item-size';
import type { DaySummary } from '../../../functions/core/ports/day-summary-store';
import { daySummaryRetentionMs } from '../../../functions/core/slo/day-summary';
import { useDynamo } from '../../support/use-dynamo';
import { testStore } from './store-fixtures';

const dayMs = 86_400_000;
const today = Date.UTC(2030, 0, 15);

const db = useDynamo();

function summary(throughDayMs: number, days: DaySummary['days']): DaySummary {
  return { throughDayMs, base: { total: 9000, availabilityGood: 8990 }, days };
}

describe('DynamoDB day summary store', () => {
  it('has no summary for a check until one is written, then reads it back', async () => {
    const store = testStore(db.client, db.tableName);
    expect(await store.daySummary('orders')).toBeUndefined();
    const written = summary(today, [
      { total: 4320, availabilityGood: 4319 },
      undefined,
      { total: 12, availabilityGood: 0 },
    ]);
    expect(await store.putDaySummary('orders', written, undefined, daySummaryRetentionMs)).toBe(true);
    expect(await store.daySummary('orders')).toEqual(written);
    expect(await store.daySummary('other')).toBeUndefined();
    const empty = summary(today, []);
    expect(await store.putDaySummary('other', empty, undefined, daySummaryRetentionMs)).toBe(true);
    expect(await store.daySummary('other')).toEqual(empty);
  });

  it('writes only over the summary it was made from: of two sweeps summarizing the same day, one writes', async () => {
    const store = testStore(db.client, db.tableName);
    await store.putDaySummary('orders', summary(today - dayMs, []), undefined, daySummaryRetentionMs);
    const next = summary(today, [{ total: 10, availabilityGood: 10 }]);
    const results = await Promise.all([
      store.putDaySummary('orders', next, today - dayMs, daySummaryRetentionMs),
      store.putDaySummary(
        'orders',
        { ...next, base: { total: 1, availabilityGood: 1 } },
        today - dayMs,
        daySummaryRetentionMs,
      ),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.putDaySummary('orders', summary(today, []), undefined, daySummaryRetentionMs)).toBe(
      false,
    );
    expect((await store.daySummary('orders'))?.throughDayMs).toBe(today);
  });

  it('keeps 90 days of a busy check in one write unit, expiring 90 days after its last day', async () => {
    const store = testStore(db.client, db.tableName);
    // A 10-second check in 6 regions: 51,840 probes a day.
    const days = Array.from({ length: 90 }, () => ({ total: 51_840, availabilityGood: 51_839 }));
    await store.putDaySummary('orders', summary(today, days), undefined, daySummaryRetentionMs);
    const { Item } = await db.client.send(
      new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: 'check#orders' }, sk: { S: 'days' } } }),
    );
    expect(itemSizeBytes(Item ?? {})).toBeLessThanOrEqual(1024);
    expect(Item?.expiresAt).toEqual({ N: String((today + 90 * dayMs) / 1000) });
  });
});
