import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ResultsNotWrittenError } from '../../../functions/adapters/dynamodb/results-not-written-error';
import { faultSequence, faults } from '../../support/fault-proxy';
import { useDynamo } from '../../support/use-dynamo';
import { recordingSleep, storedResult, testStore } from './store-fixtures';

const minuteMs = 60_000;
const dayMs = 86_400_000;
const round0 = Date.UTC(2030, 0, 1, 12, 0, 0);

const db = useDynamo({ faults: true });

/** 30 results (two BatchWriteItem chunks), 3 regions. */
function thirtyResults() {
  return Array.from({ length: 30 }, (_, index) =>
    storedResult(
      'orders',
      ['us-east-1', 'eu-west-1', 'ap-southeast-2'][index % 3] ?? 'x',
      round0 + index * minuteMs,
    ),
  );
}

async function storedKeys(tableName: string): Promise<string[]> {
  const page = await db.client.send(
    new QueryCommand({
      TableName: tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'check#orders' } },
    }),
  );
  return (page.Items ?? []).map((item) => item.sk?.S ?? '');
}

describe('DynamoDB result store under faults', () => {
  it('loses nothing and writes nothing twice through throttling, 500s, resets and unprocessed items', async () => {
    const { tableName } = db;
    const { sleep, delaysMs } = recordingSleep();
    const store = testStore(db.proxiedClient(), tableName, { sleep, concurrency: 1 });
    const batchPlan = faultSequence('BatchWriteItem', [
      faults.throttle('ProvisionedThroughputExceededException'),
      faults.unprocessed(10),
      faults.serverError(true),
      faults.unprocessed(0),
      faults.throttle(),
      faults.reset(true),
      faults.unprocessed(3),
    ]);
    db.proxy.setPlan(batchPlan);
    const results = thirtyResults();

    await store.putResults(results, dayMs);

    const keys = await storedKeys(tableName);
    expect(keys).toHaveLength(30);
    expect(keys.every((key) => key.startsWith('result#'))).toBe(true);
    expect(new Set(keys).size).toBe(30);
    expect(await testStore(db.client, tableName).resultsSince('orders', round0)).toEqual(results);

    // Every planned fault was met and retried after a backoff.
    const batchActions = db.proxy.seen
      .filter((seen) => seen.operation === 'BatchWriteItem')
      .map((s) => s.action.kind);
    expect(batchActions.slice(0, 7)).toEqual([
      'error',
      'unprocessed',
      'error',
      'unprocessed',
      'error',
      'reset',
      'unprocessed',
    ]);
    expect(delaysMs.length).toBeGreaterThanOrEqual(7);
  });

  it('retries only what came back unprocessed', async () => {
    const { tableName } = db;
    const store = testStore(db.proxiedClient(), tableName);
    db.proxy.setPlan(faultSequence('BatchWriteItem', [faults.unprocessed(20), faults.unprocessed(2)]));
    const results = thirtyResults().slice(0, 25);

    await store.putResults(results, dayMs);

    const batches = db.proxy.seen.filter((seen) => seen.operation === 'BatchWriteItem');
    const sizes = batches.map(
      (seen) => (seen.json as { RequestItems: Record<string, unknown[]> }).RequestItems[tableName]?.length,
    );
    expect(sizes).toEqual([25, 5, 3]);
    expect((await storedKeys(tableName)).filter((key) => key.startsWith('result#'))).toHaveLength(25);
  });

  it('rejects, naming how many results were not written, once attempts run out', async () => {
    const { tableName } = db;
    const { sleep, delaysMs } = recordingSleep();
    const store = testStore(db.proxiedClient(), tableName, {
      sleep,
      concurrency: 1,
      retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
    });
    // The first chunk of 25 goes through; the second (5 results) is throttled every time.
    let batches = 0;
    db.proxy.setPlan((request) => {
      if (request.operation !== 'BatchWriteItem') return undefined;
      batches++;
      return batches === 1 ? undefined : faults.throttle();
    });

    const written = store.putResults(thirtyResults(), dayMs);

    await expect(written).rejects.toThrow(ResultsNotWrittenError);
    await expect(written).rejects.toThrow(
      /^5 of 30 results were not written: 5 results failed after at most 4 attempts each/,
    );
    await expect(written).rejects.toMatchObject({ notWritten: 5, total: 30 });
    await expect(written).rejects.toMatchObject({ code: 'LOOKOUT_RESULTS_NOT_WRITTEN' });
    expect(batches).toBe(1 + 4);
    expect(delaysMs).toHaveLength(3);
    for (const [retry, delayMs] of delaysMs.entries()) {
      expect(delayMs).toBeGreaterThanOrEqual(0);
      expect(delayMs).toBeLessThanOrEqual(Math.min(250, 100 * 2 ** retry));
    }
    expect((await storedKeys(tableName)).filter((key) => key.startsWith('result#'))).toHaveLength(25);
  });

  it('writes each result with one BatchWriteItem put and no other write', async () => {
    const { tableName } = db;
    const store = testStore(db.proxiedClient(), tableName);
    await store.putResults(thirtyResults(), dayMs);
    expect(db.proxy.seen.map((seen) => seen.operation)).toEqual(['BatchWriteItem', 'BatchWriteItem']);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    const { tableName } = db;
    const store = testStore(db.proxiedClient(), tableName);
    db.proxy.setPlan((request) =>
      request.operation === 'BatchWriteItem'
        ? {
            kind: 'error',
            status: 400,
            errorType: 'com.amazon.coral.validate#ValidationException',
            message: 'no',
          }
        : undefined,
    );

    await expect(store.putResults(thirtyResults().slice(0, 3), dayMs)).rejects.toThrow(
      /^3 of 3 results were not written.*ValidationException: no/,
    );
    expect(db.proxy.seen.filter((seen) => seen.operation === 'BatchWriteItem')).toHaveLength(1);
  });
});
