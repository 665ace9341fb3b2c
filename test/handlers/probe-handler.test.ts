import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../functions/adapters/dynamodb/create-dynamodb-store';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { ResultStore } from '../../functions/core/ports/result-store';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { createProbeHandler } from '../../functions/handlers/probe-handler';
import type { LogEntry } from '../../functions/runtime/evaluation-deps';
import { type HttpTestServer, startHttpServer } from '../support/http-test-server';
import { recordingMetrics } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
let target: HttpTestServer;
beforeAll(async () => {
  target = await startHttpServer();
});
afterAll(async () => {
  await target.close();
});

const minuteMs = Date.parse('2026-11-02T10:00:00.000Z');

function monitor(): MonitorDeclaration {
  return {
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    checks: [
      { kind: 'http', id: 'every-minute', url: `${target.url}/a` },
      { kind: 'http', id: 'every-15s', url: `${target.url}/b`, interval: '15s', timeout: '5s' },
      { kind: 'http', id: 'europe-only', url: `${target.url}/c`, regions: ['eu-west-1'] },
    ],
  };
}

function handlerWith(store: ResultStore, options: { remainingMs?: number } = {}) {
  const validation = validateMonitor(monitor());
  if (!validation.ok) throw new Error('invalid fixture');
  const metrics = recordingMetrics();
  const logs: LogEntry[] = [];
  let clock = minuteMs;
  const handler = createProbeHandler({
    monitor: validation.monitor,
    region: 'us-east-1',
    store,
    metrics,
    log: (entry) => logs.push(entry),
    now: () => clock,
    // Wakes in the order real timers would, a hundred times faster, and moves the clock to the wake-up time.
    sleep: async (ms: number) => {
      const wakeMs = clock + ms;
      await new Promise((resolve) => setTimeout(resolve, ms / 100));
      clock = Math.max(clock, wakeMs);
    },
    resolveSecret: async () => 'unused',
  } as Parameters<typeof createProbeHandler>[0]);
  const context = { getRemainingTimeInMillis: () => options.remainingMs ?? 80_000 };
  return { handler, metrics, logs, context };
}

describe('probe handler', () => {
  it('probes the checks placed in its region that are due, sub-minute ones in several rounds, and writes every result', async () => {
    const { tableName } = db;
    const store = createDynamoDbStore({ client: db.client, tableName });
    const { handler, context } = handlerWith(store);
    const summary = await handler({ scheduledTime: new Date(minuteMs).toISOString() }, context);
    expect(summary).toMatchObject({ region: 'us-east-1', rounds: 4, skipped: 0 });
    const minuteChecks = await store.resultsSince('every-minute', 0);
    const fastChecks = await store.resultsSince('every-15s', 0);
    expect(await store.resultsSince('europe-only', 0)).toEqual([]);
    expect(fastChecks.map((stored) => stored.roundAtMs - minuteMs)).toEqual([0, 15_000, 30_000, 45_000]);
    expect(fastChecks.every((stored) => stored.result.ok && stored.result.region === 'us-east-1')).toBe(true);
    expect(minuteChecks.length + fastChecks.length).toBe(summary.probed);
  });

  it('does not start rounds it has no time to finish, and says so in its log and a metric', async () => {
    const { tableName } = db;
    const store = createDynamoDbStore({ client: db.client, tableName });
    const { handler, context, logs, metrics } = handlerWith(store, { remainingMs: 12_000 });
    const summary = await handler({ scheduledTime: new Date(minuteMs).toISOString() }, context);
    expect(summary.skipped).toBe(1);
    expect(summary.probed).toBe(4);
    expect(logs.some((entry) => entry.level === 'warn' && entry.message.includes('short of time'))).toBe(
      true,
    );
    expect(metrics.datums.find((datum) => datum.name === 'ProbesSkipped')?.values).toEqual([1]);
  });

  it('logs every result it could not write and fails the invocation', async () => {
    const failing: ResultStore = {
      putResults: async () => {
        throw new Error('throttled too long');
      },
      resultsSince: async () => [],
      latestResults: async () => [],
    };
    const { handler, context, logs } = handlerWith(failing);
    await expect(handler({ scheduledTime: new Date(minuteMs).toISOString() }, context)).rejects.toThrow(
      /5 results could not be written/,
    );
    const notWritten = logs.filter((entry) => entry.message === 'result not written');
    expect(notWritten).toHaveLength(5);
    expect(notWritten[0]?.stored).toMatchObject({ result: { ok: true } });
  });
});
