import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { RollupSample } from '../../../functions/core/ports/rollup-store';
import { useDynamo } from '../../support/use-dynamo';
import { testStore } from './store-fixtures';

const minuteMs = 60_000;
const hourMs = 3_600_000;
const hour0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const ttl = { minuteTtlMs: 2 * 86_400_000, hourTtlMs: 35 * 86_400_000 };

const db = useDynamo();

function sample(
  region: string,
  startedAtMs: number,
  availabilityGood = true,
  latencyGood = availabilityGood,
): RollupSample {
  return { region, startedAtMs, availabilityGood, latencyGood };
}

/** Two regions probing once a minute for `minutes` minutes from `fromMs`; every third probe of eu-west-1 fails. */
function samples(fromMs: number, minutes: number): RollupSample[] {
  const all: RollupSample[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    const atMs = fromMs + minute * minuteMs;
    all.push(sample('us-east-1', atMs + 300, true, minute % 2 === 0));
    all.push(sample('eu-west-1', atMs + 900, minute % 3 !== 0));
  }
  return all;
}

describe('DynamoDB rollup store', () => {
  it('counts samples into minute and hour buckets, pooled over regions, oldest first', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    await store.addToRollups('orders', [...samples(hour0 + 58 * minuteMs, 4)], ttl);

    const minutes = await store.readRollups('orders', 'minute', hour0, hour0 + 2 * hourMs);
    expect(minutes).toEqual([
      {
        granularity: 'minute',
        startMs: hour0 + 58 * minuteMs,
        total: 2,
        availabilityGood: 1,
        latencyGood: 1,
      },
      {
        granularity: 'minute',
        startMs: hour0 + 59 * minuteMs,
        total: 2,
        availabilityGood: 2,
        latencyGood: 1,
      },
      {
        granularity: 'minute',
        startMs: hour0 + 60 * minuteMs,
        total: 2,
        availabilityGood: 2,
        latencyGood: 2,
      },
      {
        granularity: 'minute',
        startMs: hour0 + 61 * minuteMs,
        total: 2,
        availabilityGood: 1,
        latencyGood: 0,
      },
    ]);
    const hours = await store.readRollups('orders', 'hour', hour0, hour0 + 2 * hourMs);
    expect(hours).toEqual([
      { granularity: 'hour', startMs: hour0, total: 4, availabilityGood: 3, latencyGood: 2 },
      { granularity: 'hour', startMs: hour0 + hourMs, total: 4, availabilityGood: 3, latencyGood: 2 },
    ]);
  });

  it('reads buckets whose start is in [from, to)', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    await store.addToRollups('orders', samples(hour0, 5), ttl);

    const starts = async (fromMs: number, toMs: number) =>
      (await store.readRollups('orders', 'minute', fromMs, toMs)).map(
        (bucket) => (bucket.startMs - hour0) / minuteMs,
      );
    expect(await starts(hour0 + minuteMs, hour0 + 3 * minuteMs)).toEqual([1, 2]);
    expect(await starts(hour0 + minuteMs + 1, hour0 + 3 * minuteMs + 1)).toEqual([2, 3]);
    expect(await starts(hour0, hour0)).toEqual([]);
    expect(await store.readRollups('orders', 'hour', hour0 + 1, hour0 + hourMs)).toEqual([]);
    expect(await store.readRollups('someone-else', 'minute', 0, hour0 * 2)).toEqual([]);
  });

  it('stores counts, a watermark per region (named with dashes) and the TTL in epoch seconds', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    await store.addToRollups(
      'orders',
      [sample('ap-southeast-2', hour0 + 5_000), sample('ap-southeast-2', hour0 + 65_000)],
      ttl,
    );

    const { Item } = await db.client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'check#orders' }, sk: { S: `rollup#h#${String(hour0).padStart(13, '0')}` } },
      }),
    );
    expect(Item).toMatchObject({
      total: { N: '2' },
      availabilityGood: { N: '2' },
      latencyGood: { N: '2' },
      'wm_ap-southeast-2': { N: String(hour0 + 65_000) },
      expiresAt: { N: String((hour0 + ttl.hourTtlMs) / 1000) },
    });
    const minute = await db.client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: {
          pk: { S: 'check#orders' },
          sk: { S: `rollup#m#${String(hour0 + minuteMs).padStart(13, '0')}` },
        },
      }),
    );
    expect(minute.Item?.expiresAt).toEqual({ N: String((hour0 + minuteMs + ttl.minuteTtlMs) / 1000) });
  });

  it('counts a batch applied twice once', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const batch = samples(hour0, 30);
    await store.addToRollups('orders', batch, ttl);
    await store.addToRollups('orders', batch, ttl);
    await store.addToRollups('orders', [...batch].reverse(), ttl);

    const [hour] = await store.readRollups('orders', 'hour', hour0, hour0 + hourMs);
    expect(hour).toEqual({
      granularity: 'hour',
      startMs: hour0,
      total: 60,
      availabilityGood: 50,
      latencyGood: 35,
    });
  });

  it('counts only the new samples of a batch that overlaps one already counted', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const batch = samples(hour0, 30);
    await store.addToRollups('orders', batch.slice(0, 20), ttl);
    await store.addToRollups('orders', batch, ttl);
    await store.addToRollups(
      'orders',
      [...batch.slice(40), sample('us-east-1', hour0 + 30 * minuteMs + 300, false)],
      ttl,
    );

    const [hour] = await store.readRollups('orders', 'hour', hour0, hour0 + hourMs);
    expect(hour).toEqual({
      granularity: 'hour',
      startMs: hour0,
      total: 61,
      availabilityGood: 50,
      latencyGood: 35,
    });
    const minutes = await store.readRollups('orders', 'minute', hour0, hour0 + hourMs);
    expect(minutes.map((bucket) => bucket.total)).toEqual([...Array(30).fill(2), 1]);
  });

  it('counts exactly when evaluators race with the same and overlapping batches', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const other = testStore(db.client, tableName);
    const batch = samples(hour0, 40);
    await Promise.all([
      store.addToRollups('orders', batch, ttl),
      other.addToRollups('orders', batch, ttl),
      store.addToRollups('orders', batch, ttl),
      other.addToRollups('orders', batch.slice(0, 60), ttl),
      store.addToRollups('orders', batch.slice(0, 30), ttl),
    ]);

    const [hour] = await store.readRollups('orders', 'hour', hour0, hour0 + hourMs);
    expect(hour?.total).toBe(80);
    expect(hour?.availabilityGood).toBe(batch.filter((s) => s.availabilityGood).length);
    expect(hour?.latencyGood).toBe(batch.filter((s) => s.latencyGood).length);
    const minutes = await store.readRollups('orders', 'minute', hour0, hour0 + hourMs);
    expect(minutes).toHaveLength(40);
    expect(minutes.every((bucket) => bucket.total === 2)).toBe(true);
  });

  it('counts the same probe given twice in one batch once, and ignores an empty batch', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    await store.addToRollups('orders', [], ttl);
    await store.addToRollups('orders', [sample('us-east-1', hour0 + 1), sample('us-east-1', hour0 + 1)], ttl);
    expect(await store.readRollups('orders', 'minute', hour0, hour0 + minuteMs)).toEqual([
      { granularity: 'minute', startMs: hour0, total: 1, availabilityGood: 1, latencyGood: 1 },
    ]);
  });
});
