import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../../functions/adapters/dynamodb/create-dynamodb-store';
import { itemSizeBytes } from '../../../functions/adapters/dynamodb/item-size';
import { maxDatumsPerRequest } from '../../../functions/adapters/metrics/cloudwatch-metrics-sink';
import { sendBatchLimit } from '../../../functions/adapters/round-queue/sqs-round-queue';
import { defineMonitor, heartbeat, secret, validateMonitor } from '../../../functions/core';
import { resultLogLine } from '../../../functions/core/contract/result-log';
import { usageModel } from '../../../functions/core/cost/usage-model';
import { pingResult } from '../../../functions/core/heartbeat/ping';
import type { ProbeCounter } from '../../../functions/core/ports/counter-store';
import { addLatencies } from '../../../functions/core/slo/latency-histogram';
import { roundArrivalSlackMs, roundsLookbackMs } from '../../../functions/runtime/evaluate-rounds';
import { publicCertificateNames, realHttpsResult } from '../../support/real-https-result';
import { httpCheck } from '../../support/resolved-checks';
import { useDynamo } from '../../support/use-dynamo';

// The usage model's per-operation figures, held to what the real adapters do where a unit test can tell; the
// rest (read units per query, Lambda time) are measured by `npm run bench:cost` over the real handlers.

const db = useDynamo();
const dayMs = 86_400_000;
const minuteMs = 60_000;
/** CloudWatch Logs counts 26 bytes per event on top of the message. */
const logEventOverheadBytes = 26;

/** The write units of an item of `bytes`: one per started KB. */
function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

async function storedItem(sortKey: string, checkId: string): Promise<Record<string, AttributeValue>> {
  const { Item } = await db.client.send(
    new GetItemCommand({
      TableName: db.tableName,
      Key: { pk: { S: `check#${checkId}` }, sk: { S: sortKey } },
    }),
  );
  if (Item === undefined) throw new Error(`no item ${sortKey}`);
  return Item;
}

describe('the usage model agrees with the adapters', () => {
  it('sizes a result item as the store writes an HTTPS result with TLS facts and three assertions', async () => {
    const { check, result: probed } = await realHttpsResult({ region: 'ap-southeast-2' });
    const tls = probed.tls;
    if (tls === undefined) throw new Error('no TLS facts');
    // A public CA's longer names, and the longest usual region name: the size a real target's result has.
    const result = { ...probed, tls: { ...tls, ...publicCertificateNames } };
    const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks: [check] });
    await store.putResults([{ result, roundAtMs: Date.parse(result.startedAt) - 120 }], 30 * dayMs);
    const sizeBytes = itemSizeBytes(
      await storedItem(`result#${result.startedAt}#${result.region}`, check.id),
    );

    expect(writeUnits(usageModel.resultItemBytes)).toBe(writeUnits(sizeBytes));
    // Storage and the read units of a query are proportional to it: within 10 %, never below.
    expect(usageModel.resultItemBytes).toBeGreaterThanOrEqual(sizeBytes);
    expect(usageModel.resultItemBytes).toBeLessThanOrEqual(sizeBytes * 1.1);
  });

  it('sizes a ping result item as the store writes a success with its run time', async () => {
    const validation = validateMonitor(
      defineMonitor({
        homeRegion: 'us-east-1',
        checks: [
          heartbeat({
            id: 'nightly-backup-of-the-orders-database',
            period: '1d',
            grace: '1h',
            token: secret('/lookout/heartbeat/nightly-backup'),
          }),
        ],
      }),
    );
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    const check = validation.monitor.checks[0];
    if (check?.kind !== 'heartbeat') throw new Error('no heartbeat');
    const atMs = Date.parse('2026-11-30T03:17:42.123Z');
    const stored = pingResult(check, 'success', { atMs, startedAtMs: atMs - 1_234_567 });
    const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks: [check] });
    await store.putResults([stored], 30 * dayMs);
    const sizeBytes = itemSizeBytes(
      await storedItem(`result#${stored.result.startedAt}#${stored.result.region}`, check.id),
    );

    expect(writeUnits(usageModel.pingResultItemBytes)).toBe(writeUnits(sizeBytes));
    expect(usageModel.pingResultItemBytes).toBeGreaterThanOrEqual(sizeBytes);
    expect(usageModel.pingResultItemBytes).toBeLessThanOrEqual(sizeBytes * 1.1);
  });

  it('sizes a counter item as the store writes a 3-region check’s, with a latency histogram of 30 to 600 ms', async () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const check = httpCheck({ id: 'orders-api', url: 'https://api.example.com/health', regions });
    // A month of 1-minute probes from 3 regions, latencies spread over 4.3 octaves (a public endpoint seen from
    // three continents): the histogram fills 18 buckets.
    const total = 30 * 24 * 60 * regions.length;
    const spread = Array.from({ length: 200 }, (_, index) => 30 * 20 ** (index / 199));
    const atMs = Date.parse('2026-11-30T12:00:00.000Z');
    const counter: ProbeCounter = {
      atMs,
      total,
      availabilityGood: total - 43,
      latencyGood: total - 431,
      countedThroughRoundAtMs: atMs - 2 * minuteMs,
      partialRounds: [],
      lastReportedMs: Object.fromEntries(
        regions.map((region, index) => [region, atMs - minuteMs + 180 + index]),
      ),
      latencyHistogram: addLatencies([], spread).map((count) => Math.round((count * total) / spread.length)),
    };
    const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks: [check] });
    expect(await store.putCounter(check.id, counter, 32 * dayMs)).toBe(true);
    const sizeBytes = itemSizeBytes(await storedItem(`count#${String(atMs).padStart(13, '0')}`, check.id));

    expect(writeUnits(usageModel.counterItemBytes)).toBe(writeUnits(sizeBytes));
    expect(usageModel.counterItemBytes).toBeGreaterThanOrEqual(sizeBytes * 0.9);
    expect(usageModel.counterItemBytes).toBeLessThanOrEqual(sizeBytes * 1.1);
  });

  it('sizes the probe’s result log line as it writes one, with CloudWatch Logs’ overhead', async () => {
    const { result } = await realHttpsResult({ region: 'ap-southeast-2' });
    const lineBytes = JSON.stringify(resultLogLine(result)).length + 1 + logEventOverheadBytes;
    expect(usageModel.resultLogLineBytes).toBeGreaterThanOrEqual(lineBytes);
    expect(usageModel.resultLogLineBytes).toBeLessThanOrEqual(lineBytes * 1.25);
  });

  it('batches PutMetricData datums and SQS messages as the adapters do', () => {
    expect(usageModel.datumsPerPutMetricData).toBe(maxDatumsPerRequest);
    expect(usageModel.sqsMessagesPerSendBatch).toBe(sendBatchLimit);
  });

  it('reads back over the rounds the evaluator looks back over', () => {
    expect(usageModel.roundArrivalSlackMs).toBe(roundArrivalSlackMs);
    for (const [intervalMs, timeoutMs, consecutiveFailures] of [
      [60_000, 10_000, 2],
      [10_000, 5_000, 2],
      [300_000, 30_000, 4],
    ] as const) {
      const base = httpCheck({ id: 'orders-api', url: 'https://api.example.com/health' });
      const check = { ...base, intervalMs, timeoutMs, alert: { ...base.alert, consecutiveFailures } };
      const streak = Math.max(check.alert.consecutiveFailures, check.alert.consecutiveSuccesses);
      expect(roundsLookbackMs(check)).toBe(
        (streak + usageModel.roundsLookbackBeyondStreak) * check.intervalMs + check.timeoutMs,
      );
    }
  });

  it('reads results from as far before a round as the store does', async () => {
    const { check, result } = await realHttpsResult();
    const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks: [check] });
    const roundAtMs = Date.parse(result.startedAt) + usageModel.resultReadSlackMs;
    // A result that started the slack before its round (a queue delivering early) is read; one more ms is not.
    await store.putResults([{ result, roundAtMs }], 30 * dayMs);
    const earlier = { ...result, startedAt: new Date(Date.parse(result.startedAt) - 1).toISOString() };
    await store.putResults([{ result: earlier, roundAtMs }], 30 * dayMs);
    const read = await store.resultsSince(check.id, roundAtMs);
    expect(read.map((stored) => stored.result.startedAt)).toEqual([result.startedAt]);
  });
});
