import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkLookup } from '../../functions/adapters/dynamodb/check-lookup';
import { toResultItem } from '../../functions/adapters/dynamodb/result-items';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { StoredResult } from '../../functions/core/ports/stored-result';
import type { ResolvedCheck } from '../../functions/core/resolve/resolved-monitor';
import { checksForShard } from '../../functions/core/schedule/placement';
import { createEvaluateHandler } from '../../functions/handlers/evaluate-handler';
import { createSweepHandler } from '../../functions/handlers/sweep-handler';
import { eventsOf, recordingNotifier, Scenario, threeRegions } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();

const twoChecks: MonitorDeclaration = {
  homeRegion: 'us-east-1',
  regions: threeRegions,
  checks: [
    { kind: 'http', id: 'orders-api', url: 'https://api.example.com/health' },
    { kind: 'tcp', id: 'cache', host: 'cache.example.com', port: 6379 },
  ],
};

let sequence = 0;
/** The stream record of a result's item, as the store writes it. */
function streamRecord(stored: StoredResult, checks: readonly ResolvedCheck[]): DynamoDBRecord {
  sequence += 1;
  const item = toResultItem(stored, 86_400_000, checkLookup(checks));
  return {
    eventName: 'INSERT',
    dynamodb: {
      SequenceNumber: String(sequence).padStart(21, '0'),
      NewImage: item as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
    },
  };
}

describe('evaluate handler', () => {
  it('evaluates the results in stream records and opens an outage once', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(twoChecks, {
      endpoint: db.endpoint,
      tableName: db.tableName,
      notifier,
    });
    const handler = createEvaluateHandler(() => run.deps());
    for (let round = 0; round < 3; round += 1) {
      const results = run.results('orders-api', () => 'fail');
      await run.store.putResults(results, run.monitor.retentionMs);
      const response = await handler({
        Records: results.map((stored) => streamRecord(stored, run.monitor.checks)),
      });
      expect(response.batchItemFailures).toEqual([]);
      run.nowMs += 60_000;
    }
    expect(eventsOf(notifier.sent, 'outage', 'opened').map((event) => event.checkId)).toEqual(['orders-api']);
  });

  it('reports only the records of the check whose evaluation failed, for Lambda to retry', async () => {
    const run = new Scenario(twoChecks, { endpoint: db.endpoint, tableName: db.tableName });
    const deps = run.deps();
    const handler = createEvaluateHandler(() => ({
      ...deps,
      store: {
        ...deps.store,
        resultsSince: async (checkId, fromRoundAtMs) => {
          if (checkId === 'cache') throw new Error('throttled too long');
          return deps.store.resultsSince(checkId, fromRoundAtMs);
        },
      },
    }));
    const records = [...run.results('orders-api', () => 'ok'), ...run.results('cache', () => 'ok')].map(
      (stored) => streamRecord(stored, run.monitor.checks),
    );
    const ignored: DynamoDBRecord = {
      eventName: 'MODIFY',
      dynamodb: { SequenceNumber: '9', NewImage: { sk: { S: 'alert#outage' } } },
    };
    const response = await handler({ Records: [...records, ignored] });
    const cacheSequences = records.slice(3).map((record) => record.dynamodb?.SequenceNumber);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(cacheSequences);
  });
});

describe('sweep handler', () => {
  it('sweeps every check and fails the invocation when a check could not be swept', async () => {
    const run = new Scenario(twoChecks, { endpoint: db.endpoint, tableName: db.tableName });
    const deps = run.deps();
    await expect(createSweepHandler(() => deps)()).resolves.toMatchObject({ swept: 2, failed: [] });
    const failing = createSweepHandler(() => ({
      ...deps,
      store: {
        ...deps.store,
        resultsSince: async (checkId, fromRoundAtMs) => {
          if (checkId === 'cache') throw new Error('unavailable');
          return deps.store.resultsSince(checkId, fromRoundAtMs);
        },
      },
    }));
    await expect(failing()).rejects.toThrow('sweep failed for cache');
  });

  it('sweeps only the checks of the shard its schedule names, several at once', async () => {
    const manyChecks: MonitorDeclaration = {
      ...twoChecks,
      checks: Array.from({ length: 12 }, (_, index) => ({
        kind: 'http' as const,
        id: `api-${index}`,
        url: `https://api-${index}.example.com/health`,
      })),
    };
    const run = new Scenario(manyChecks, { endpoint: db.endpoint, tableName: db.tableName });
    const deps = run.deps();
    const swept: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const handler = createSweepHandler(() => ({
      ...deps,
      store: {
        ...deps.store,
        alertStates: async (checkId, consistency) => {
          swept.push(checkId);
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inFlight -= 1;
          return deps.store.alertStates(checkId, consistency);
        },
      },
    }));
    const shardCount = 3;
    for (let shard = 0; shard < shardCount; shard += 1) {
      swept.length = 0;
      const expected = checksForShard(run.monitor.checks, shard, shardCount).map((check) => check.id);
      await expect(handler({ shard, shardCount })).resolves.toMatchObject({ swept: expected.length, shard });
      expect(swept.sort()).toEqual(expected.sort());
    }
    expect(mostInFlight).toBeGreaterThan(1);
    await expect(handler({ shard: 3, shardCount })).rejects.toThrow(/names no shard: shard 3 of 3/);
  });
});
