import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useDynamo } from '../../support/use-dynamo';
import { lookoutEvent, testStore } from './store-fixtures';

const at0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const retentionMs = 90 * 86_400_000;

const db = useDynamo();

describe('DynamoDB event log', () => {
  it('returns the newest events of a check, newest first, up to the limit', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const events = Array.from({ length: 12 }, (_, index) =>
      lookoutEvent('orders', at0 + index * 1000, `orders:outage:${index + 1}`),
    );
    for (const event of [...events].reverse()) await store.recordEvent(event, retentionMs);
    await store.recordEvent(lookoutEvent('billing', at0 + 99_000, 'billing:outage:1'), retentionMs);

    expect(await store.recentEvents('orders', 3)).toEqual([events[11], events[10], events[9]]);
    expect(await store.recentEvents('orders', 100)).toEqual([...events].reverse());
    expect(await store.recentEvents('orders', 0)).toEqual([]);
    expect(await store.recentEvents('nobody', 5)).toEqual([]);
  });

  it('records the same event once, expiring the retention after it happened, in epoch seconds', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const event = lookoutEvent('orders', at0 + 1, 'orders:outage:7');
    await store.recordEvent(event, retentionMs);
    await store.recordEvent({ ...event, summary: 'a retry, changed' }, retentionMs + 1000);

    const page = await db.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'check#orders' } },
      }),
    );
    expect(page.Items).toEqual([
      {
        pk: { S: 'check#orders' },
        sk: { S: `event#${event.at}#orders:outage:7` },
        event: { S: JSON.stringify(event) },
        expiresAt: { N: String(Math.ceil((at0 + 1 + retentionMs) / 1000)) },
      },
    ]);
  });

  it('pages through events larger than a query page', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const big = 'y'.repeat(100_000);
    const events = Array.from({ length: 14 }, (_, index) => ({
      ...lookoutEvent('orders', at0 + index * 1000, `orders:outage:${index + 1}`),
      summary: big,
    }));
    for (const event of events) await store.recordEvent(event, retentionMs);

    const recent = await store.recentEvents('orders', 13);
    expect(recent.map((event) => event.id)).toEqual(
      events
        .slice(1)
        .reverse()
        .map((event) => event.id),
    );
  });
});
