import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../functions/adapters/dynamodb/create-dynamodb-store';
import { resultLogMessage } from '../../functions/core/contract/result-log';
import type { RoundInput } from '../../functions/core/contract/schedule-input';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { ResultStore } from '../../functions/core/ports/result-store';
import type { QueuedRound, RoundQueue } from '../../functions/core/ports/round-queue';
import type { StoredResult } from '../../functions/core/ports/stored-result';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { createProbeHandler, type ProbeHandlerDeps } from '../../functions/handlers/probe-handler';
import type { LogEntry } from '../../functions/runtime/evaluation-deps';
import { type HttpTestServer, startHttpServer } from '../support/http-test-server';
import { recordingMetrics } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
let target: HttpTestServer;
beforeAll(async () => {
  target = await startHttpServer({
    respond: (request) =>
      request.path === '/slow'
        ? { kind: 'respond', delayMs: 1_500, body: 'ok' }
        : { kind: 'respond', body: 'ok' },
  });
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

/** A store that keeps what it is given, and when. */
function recordingStore(): Pick<ResultStore, 'putResults'> & {
  calls: { results: StoredResult[]; atMs: number }[];
} {
  const calls: { results: StoredResult[]; atMs: number }[] = [];
  return {
    calls,
    async putResults(results) {
      calls.push({ results: [...results], atMs: performance.now() });
    },
  };
}

/** A round queue that keeps what it is given (SQS delivers it later; the test plays the poller). */
function recordingQueue(): RoundQueue & { sent: QueuedRound[] } {
  const sent: QueuedRound[] = [];
  return {
    sent,
    async queueRounds(rounds) {
      sent.push(...rounds);
      return { notQueued: [] };
    },
  };
}

function sqsEvent(input: RoundInput, messageId = 'message-1'): SQSEvent {
  return { Records: [{ messageId, body: JSON.stringify(input) }] } as unknown as SQSEvent;
}

interface HarnessOptions {
  remainingMs?: number;
  declaration?: MonitorDeclaration;
  roundQueue?: RoundQueue;
}

function handlerWith(store: Pick<ResultStore, 'putResults'>, options: HarnessOptions = {}) {
  const validation = validateMonitor(options.declaration ?? monitor());
  if (!validation.ok) throw new Error('invalid fixture');
  const metrics = recordingMetrics();
  const logs: LogEntry[] = [];
  const resultLines: Record<string, string | number>[] = [];
  const sleeps: number[] = [];
  const clock = { nowMs: minuteMs };
  const deps: ProbeHandlerDeps = {
    monitor: validation.monitor,
    region: 'us-east-1',
    store,
    metrics,
    log: (entry) => logs.push(entry),
    logResult: (line) => resultLines.push(line),
    now: () => clock.nowMs,
    // Wakes in the order real timers would, a hundred times faster, and moves the clock to the wake-up time.
    sleep: async (ms: number) => {
      sleeps.push(ms);
      const wakeMs = clock.nowMs + ms;
      await new Promise((resolve) => setTimeout(resolve, ms / 100));
      clock.nowMs = Math.max(clock.nowMs, wakeMs);
    },
    resolveSecret: async () => 'unused',
    ...(options.roundQueue === undefined ? {} : { roundQueue: options.roundQueue }),
  };
  const handler = createProbeHandler(deps);
  const context = { getRemainingTimeInMillis: () => options.remainingMs ?? 80_000 };
  return { handler, metrics, logs, resultLines, sleeps, clock, context };
}

const scheduled = { scheduledTime: new Date(minuteMs).toISOString() };

describe('probe handler', () => {
  it('probes the checks placed in its region that are due, sub-minute ones in several rounds, and writes every result', async () => {
    const { tableName } = db;
    const store = createDynamoDbStore({ client: db.client, tableName });
    const { handler, context, metrics } = handlerWith(store);
    const summary = await handler(scheduled, context);
    expect(summary).toMatchObject({ region: 'us-east-1', rounds: 4, queued: 0, skipped: 0 });
    // Nothing skipped, nothing published: the ProbesSkipped series costs nothing while the region keeps up.
    expect(metrics.datums).toEqual([]);
    const minuteChecks = await store.resultsSince('every-minute', 0);
    const fastChecks = await store.resultsSince('every-15s', 0);
    expect(await store.resultsSince('europe-only', 0)).toEqual([]);
    expect(fastChecks.map((stored) => stored.roundAtMs - minuteMs)).toEqual([0, 15_000, 30_000, 45_000]);
    expect(fastChecks.every((stored) => stored.result.ok && stored.result.region === 'us-east-1')).toBe(true);
    expect(minuteChecks.length + fastChecks.length).toBe(summary.probed);
  });

  it('does not start rounds it has no time to finish, and says so in its log and a metric', async () => {
    const { handler, context, logs, metrics } = handlerWith(recordingStore(), { remainingMs: 12_000 });
    const summary = await handler(scheduled, context);
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
    await expect(handler(scheduled, context)).rejects.toThrow(/5 results could not be written/);
    const notWritten = logs.filter((entry) => entry.message === 'result not written');
    expect(notWritten).toHaveLength(5);
    expect(notWritten[0]?.stored).toMatchObject({ result: { ok: true } });
  });

  it('logs one compact line per result', async () => {
    const { handler, context, resultLines } = handlerWith(recordingStore());
    await handler(scheduled, context);
    expect(resultLines).toHaveLength(5);
    for (const line of resultLines) {
      expect(line).toMatchObject({ msg: resultLogMessage, region: 'us-east-1', ok: 1 });
      expect(JSON.stringify(line).length).toBeLessThan(250);
    }
    expect(new Set(resultLines.map((line) => line.checkId))).toEqual(new Set(['every-minute', 'every-15s']));
  });
});

describe('sub-minute rounds through the round queue', () => {
  it('runs the first round, queues each later one with its delay, and never waits idle', async () => {
    const store = recordingStore();
    const queue = recordingQueue();
    const { handler, context, sleeps, clock } = handlerWith(store, { roundQueue: queue });
    const summary = await handler(scheduled, context);
    expect(summary).toMatchObject({ rounds: 1, queued: 3, probed: 2, skipped: 0 });
    expect(queue.sent).toEqual(
      [15, 30, 45].map((seconds) => ({
        input: { roundAtMs: minuteMs + seconds * 1000, shard: 0, shardCount: 1 },
        delaySeconds: seconds,
      })),
    );
    // The queue delivers each round at its time: each invocation probes that round's checks only.
    for (const { input } of queue.sent) {
      clock.nowMs = input.roundAtMs + 120;
      const reply = await handler(sqsEvent(input), context);
      expect(reply).toEqual({ batchItemFailures: [] });
    }
    expect(sleeps).toEqual([]);
    const written = store.calls.flatMap((call) => call.results);
    const offsets = (checkId: string) =>
      written
        .filter((stored) => stored.result.checkId === checkId)
        .map((stored) => stored.roundAtMs - minuteMs);
    expect(offsets('every-15s')).toEqual([0, 15_000, 30_000, 45_000]);
    expect(offsets('every-minute')).toEqual([0]);
  });

  it('makes a 10 s check cost six short invocations a minute, each probing once, none sleeping', async () => {
    const declaration: MonitorDeclaration = {
      homeRegion: 'us-east-1',
      regions: ['us-east-1'],
      checks: [{ kind: 'http', id: 'ten-seconds', url: `${target.url}/a`, interval: '10s', timeout: '5s' }],
    };
    const store = recordingStore();
    const queue = recordingQueue();
    const { handler, context, sleeps, clock } = handlerWith(store, { declaration, roundQueue: queue });
    await handler(scheduled, context);
    let invocations = 1;
    for (const { input } of queue.sent) {
      clock.nowMs = input.roundAtMs;
      await handler(sqsEvent(input), context);
      invocations += 1;
    }
    expect(invocations).toBe(6);
    // One write of one result per invocation: each probed the check once.
    expect(store.calls.map((call) => call.results.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(sleeps).toEqual([]);
  });

  it('runs the rounds it could not queue itself', async () => {
    const store = recordingStore();
    const refusing: RoundQueue = {
      async queueRounds(rounds) {
        return { notQueued: rounds.map((round) => round.input), error: new Error('AccessDenied') };
      },
    };
    const { handler, context, logs } = handlerWith(store, { roundQueue: refusing });
    const summary = await handler(scheduled, context);
    expect(summary).toMatchObject({ rounds: 4, queued: 0, probed: 5 });
    expect(logs.some((entry) => entry.level === 'warn' && entry.message.includes('not queued'))).toBe(true);
  });

  it('does not run a round delivered after its check was due again, and counts it as skipped', async () => {
    const store = recordingStore();
    const { handler, context, clock, metrics, logs } = handlerWith(store, { roundQueue: recordingQueue() });
    clock.nowMs = minuteMs + 30_000 + 15_000;
    const reply = await handler(sqsEvent({ roundAtMs: minuteMs + 30_000, shard: 0, shardCount: 1 }), context);
    expect(reply).toEqual({ batchItemFailures: [] });
    expect(store.calls).toEqual([]);
    expect(metrics.datums.find((datum) => datum.name === 'ProbesSkipped')?.values).toEqual([1]);
    expect(logs.some((entry) => entry.message.includes('too late'))).toBe(true);
  });

  it('drops a message that is not a round, saying so, rather than fail on it again and again', async () => {
    const store = recordingStore();
    const { handler, context, logs } = handlerWith(store, { roundQueue: recordingQueue() });
    const event = { Records: [{ messageId: 'm-1', body: '{"roundAtMs":"soon"}' }] } as unknown as SQSEvent;
    expect(await handler(event, context)).toEqual({ batchItemFailures: [] });
    expect(store.calls).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'not a round: message dropped' }),
    );
  });

  it("reports a queued round whose results could not be written, by its message id, for the queue's redrive", async () => {
    const failing: Pick<ResultStore, 'putResults'> = {
      putResults: async () => {
        throw new Error('throttled too long');
      },
    };
    const { handler, context, clock } = handlerWith(failing, { roundQueue: recordingQueue() });
    clock.nowMs = minuteMs + 15_000;
    const input = { roundAtMs: minuteMs + 15_000, shard: 0, shardCount: 1 };
    expect(await handler(sqsEvent(input, 'm-42'), context)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-42' }],
    });
  });
});

describe('result writes', () => {
  it('hands results to the store in batches of at most 25 as probes finish, not after the whole round', async () => {
    const declaration: MonitorDeclaration = {
      homeRegion: 'us-east-1',
      regions: ['us-east-1'],
      checks: [
        { kind: 'http', id: 'slow', url: `${target.url}/slow`, timeout: '5s' },
        ...Array.from({ length: 60 }, (_, index) => ({
          kind: 'http' as const,
          id: `fast-${index}`,
          url: `${target.url}/a`,
        })),
      ],
    };
    const store = recordingStore();
    const { handler, context } = handlerWith(store, { declaration });
    const startedAt = performance.now();
    const summary = await handler(scheduled, context);
    const endedAt = performance.now();
    expect(summary.probed).toBe(61);
    expect(store.calls.every((call) => call.results.length <= 25)).toBe(true);
    expect(store.calls.flatMap((call) => call.results)).toHaveLength(61);
    // The fast results were written while the slow probe (1.5 s) was still in flight.
    const beforeSlow = store.calls.filter(
      (call) => !call.results.some((stored) => stored.result.checkId === 'slow'),
    );
    expect(beforeSlow.map((call) => call.results.length)).toEqual([25, 25]);
    for (const call of beforeSlow) expect(call.atMs - startedAt).toBeLessThan(1_000);
    expect(endedAt - startedAt).toBeGreaterThan(1_400);
  });
});
