import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useDynamo } from '../../support/use-dynamo';
import { storedResult, testStore } from './store-fixtures';

const minuteMs = 60_000;
const dayMs = 86_400_000;
const round0 = Date.UTC(2030, 0, 1, 12, 0, 0);

const db = useDynamo();

async function rawKeys(tableName: string, checkId: string): Promise<string[]> {
  const page = await db.client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: `check#${checkId}` }, ':prefix': { S: 'result#' } },
    }),
  );
  return (page.Items ?? []).map((item) => item.sk?.S ?? '');
}

describe('DynamoDB result store', () => {
  it('writes results and reads them back, oldest first, with the round they belong to', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const results = [
      storedResult('orders', 'eu-west-1', round0 + minuteMs, 900),
      storedResult('orders', 'us-east-1', round0, 100),
      storedResult('orders', 'ap-southeast-2', round0, 700, { ok: false }),
      storedResult('other', 'us-east-1', round0, 100),
    ];
    await store.putResults(results, 7 * dayMs);

    const read = await store.resultsSince('orders', round0);
    expect(read).toEqual([results[1], results[2], results[0]]);
    expect(await store.resultsSince('orders', round0 + minuteMs)).toEqual([results[0]]);
    expect(await store.resultsSince('orders', round0 + 2 * minuteMs)).toEqual([]);
    expect(await store.resultsSince('other', 0)).toEqual([results[3]]);
  });

  it('lays out a result as one item, written once: its key, the compact result, and the expiry in epoch seconds', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const stored = storedResult('orders', 'us-east-1', round0, 1234, { ok: false });
    await store.putResults([stored], 7 * dayMs + 1);

    const startedAt = new Date(round0 + 1234).toISOString();
    const page = await db.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'check#orders' } },
      }),
    );
    expect(page.Items).toHaveLength(1);
    const item = page.Items?.[0] ?? {};
    expect(Object.keys(item).sort()).toEqual(['c', 'expiresAt', 'pk', 'sk']);
    expect(item.sk).toEqual({ S: `result#${startedAt}#us-east-1` });
    expect(item.expiresAt).toEqual({ N: String(Math.ceil((round0 + 1234 + 7 * dayMs + 1) / 1000)) });
    // What the key says is not repeated.
    const compact = JSON.parse(item.c?.S ?? '{}') as Record<string, unknown>;
    expect(compact).not.toHaveProperty('checkId');
    expect(compact).not.toHaveProperty('region');
    expect(compact).not.toHaveProperty('startedAt');
    expect(compact.d).toBe(1234);
  });

  it('reads the newest result of each region that started since a given time, whatever order results arrive in', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const older = storedResult('orders', 'us-east-1', round0);
    const newer = storedResult('orders', 'us-east-1', round0 + minuteMs);
    const otherRegion = storedResult('orders', 'eu-north-1', round0);

    await store.putResults([newer, otherRegion], dayMs);
    await store.putResults([older], dayMs);
    const latest = await store.latestResults('orders', round0);
    expect(latest.sort((a, b) => a.result.region.localeCompare(b.result.region))).toEqual([
      otherRegion,
      newer,
    ]);
    // A region silent since before the given time is absent.
    expect(await store.latestResults('orders', round0 + minuteMs)).toEqual([newer]);

    const newest = storedResult('orders', 'us-east-1', round0 + 2 * minuteMs);
    await store.putResults([newest, storedResult('orders', 'us-east-1', round0 + 90_000)], dayMs);
    expect(
      (await store.latestResults('orders', round0)).find((s) => s.result.region === 'us-east-1'),
    ).toEqual(newest);
    expect(await store.latestResults('nobody', 0)).toEqual([]);
  });

  it('reads items written by earlier versions (the whole result as JSON)', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const legacy = storedResult('orders', 'us-east-1', round0, 300);
    await db.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          pk: { S: 'check#orders' },
          sk: { S: `result#${legacy.result.startedAt}#us-east-1` },
          result: { S: JSON.stringify(legacy.result) },
          roundAtMs: { N: String(round0) },
          region: { S: 'us-east-1' },
          ok: { BOOL: true },
        },
      }),
    );
    const current = storedResult('orders', 'eu-west-1', round0, 500);
    await store.putResults([current], dayMs);

    expect(await store.resultsSince('orders', round0)).toEqual([legacy, current]);
    expect((await store.latestResults('orders', round0)).length).toBe(2);
  });

  it('selects by round, not by start: a result that started before its round (clock skew) is included', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    // 4 s early: within the store's default slack of 5 s.
    const skewed = storedResult('orders', 'us-east-1', round0 + minuteMs, -4_000);
    const previousRoundLate = storedResult('orders', 'eu-west-1', round0, 45_000);
    await store.putResults([skewed, previousRoundLate], dayMs);

    expect(await store.resultsSince('orders', round0 + minuteMs)).toEqual([skewed]);
    expect(await store.resultsSince('orders', round0)).toEqual([previousRoundLate, skewed]);
  });

  it('writes a result given twice once, and more than 25 results in several batches', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const results = Array.from({ length: 60 }, (_, index) =>
      storedResult('orders', `region-${index % 3}`, round0 + Math.floor(index / 3) * minuteMs),
    );
    const first = results[0];
    if (first === undefined) throw new Error('no results');
    await store.putResults([...results, first], dayMs);

    const keys = await rawKeys(tableName, 'orders');
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    expect(await store.resultsSince('orders', round0)).toHaveLength(60);
  });

  it('reads past DynamoDB’s 1 MB page: more than a megabyte of results comes back whole', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const bigMessage = 'x'.repeat(20_000);
    const results = Array.from({ length: 80 }, (_, index) =>
      storedResult('orders', 'us-east-1', round0 + index * minuteMs, 250, {
        ok: false,
        error: { code: 'INTERNAL', message: `${index} ${bigMessage}` },
      }),
    );
    await store.putResults(results, dayMs);

    const page = await db.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': { S: 'check#orders' }, ':prefix': { S: 'result#' } },
      }),
    );
    expect(page.LastEvaluatedKey).toBeDefined();
    expect(await store.resultsSince('orders', round0)).toEqual(results);
  });

  it('rejects a result whose start is not a timestamp before writing anything', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const good = storedResult('orders', 'us-east-1', round0);
    const bad = storedResult('orders', 'us-east-1', round0, 0, { startedAt: 'yesterday' });
    await expect(store.putResults([good, bad], dayMs)).rejects.toThrow(/startedAt is not a valid timestamp/);
    expect(await rawKeys(tableName, 'orders')).toEqual([]);
  });
});
