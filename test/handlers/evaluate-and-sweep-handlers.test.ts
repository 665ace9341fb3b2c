import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { StoredResult } from '../../functions/core/ports/stored-result';
import { loadBundledMonitor } from '../../functions/handlers/bundled-monitor';
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
function streamRecord(stored: StoredResult): DynamoDBRecord {
  sequence += 1;
  return {
    eventName: 'INSERT',
    dynamodb: {
      SequenceNumber: String(sequence).padStart(21, '0'),
      NewImage: {
        pk: { S: `check#${stored.result.checkId}` },
        sk: { S: `result#${stored.result.startedAt}#${stored.result.region}` },
        result: { S: JSON.stringify(stored.result) },
        roundAtMs: { N: String(stored.roundAtMs) },
      },
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
      const response = await handler({ Records: results.map(streamRecord) });
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
      streamRecord,
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
        latestResults: async (checkId) => {
          if (checkId === 'cache') throw new Error('unavailable');
          return deps.store.latestResults(checkId);
        },
      },
    }));
    await expect(failing()).rejects.toThrow('sweep failed for cache');
  });
});

describe('bundled monitor', () => {
  it('is validated again at cold start, listing every problem', () => {
    const broken = { ...twoChecks, checks: [{ kind: 'http', id: 'Bad Id', url: 'ftp://x' }] };
    expect(() => loadBundledMonitor(JSON.stringify(broken))).toThrow(/Bad Id[\s\S]*url/);
    expect(() => loadBundledMonitor(undefined)).toThrow(/no monitor in this bundle/);
    expect(loadBundledMonitor(JSON.stringify(twoChecks)).checks.map((check) => check.id)).toEqual([
      'orders-api',
      'cache',
    ]);
  });
});

describe('bundled monitor placement', () => {
  it("leaves out checks placed only in 'local', and the local region of the others", () => {
    const declaration = {
      ...twoChecks,
      checks: [
        {
          kind: 'http',
          id: 'orders-api',
          url: 'https://api.example.com/health',
          regions: ['us-east-1', 'local'],
        },
        { kind: 'http', id: 'dev-server', url: 'http://127.0.0.1:3000/', regions: ['local'] },
      ],
    };
    const monitor = loadBundledMonitor(JSON.stringify(declaration));
    expect(monitor.checks.map((check) => [check.id, check.regions, check.alert.regionsToFail])).toEqual([
      ['orders-api', ['us-east-1'], 1],
    ]);
  });
});
