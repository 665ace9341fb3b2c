/**
 * `lookout cost` against the real handlers (`npm run bench:cost`; add `--quick` to try it in a minute): the probe,
 * evaluate and sweep handlers (the factories in functions/handlers, with the real AWS adapters) run a simulated
 * hour over dynalite, with loopback AWS endpoints that count what the SDK sends, and the bench compares what they
 * did with `estimateCost`'s monthly counts scaled to the hour: DynamoDB read and write units, PutMetricData calls,
 * metric series, Lambda invocations and GB-seconds. Writes its section of bench/RESULTS.md.
 *
 * The bench plays what AWS would do around the handlers:
 * - EventBridge Scheduler: every minute, the sweep (per sweep shard) and the probe (per region and probe shard);
 * - SQS: each later sub-minute round the probe queued (SendMessageBatch to a loopback endpoint) is delivered at
 *   its delay, as an SQS event of one record;
 * - the stream poller: each probe invocation's new result items (read off the proxy's BatchWriteItem requests,
 *   as the stream's new images) go to the evaluate handler in batches of up to 100, a full batch at once and the
 *   rest five seconds later (the batching window): each region's writes arrive separately;
 * - the clock: each invocation starts at its simulated time, and the clock then moves with real time.
 *
 * Targets are HTTPS on loopback (the bench CA), answering after the usage model's `probeTargetMs`, so that probe
 * wall times hold what a probe waits on in the model (the network of a real target is not measured here: that is
 * the model's assumption, and says so). One check in twenty fails (503) for ten minutes of the hour, so alerts open
 * and resolve; the estimate is given the measured number of alert transitions. No AWS request is answered sooner
 * than an assumed service latency (`assumedLatencyMs`), so that wall times include the round trips a Lambda
 * function waits on; CPU time is stretched to Lambda's share of a vCPU at the function's memory. The functions run in a process of their own (bench/lambda-process.ts), one
 * invocation at a time, so that each request is counted under the function that sent it and each invocation's
 * wall and CPU time are its own.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDynamoDbClient } from '../functions/adapters/dynamodb/create-client';
import { createDynamoDbStore } from '../functions/adapters/dynamodb/create-dynamodb-store';
import { ensureTable } from '../functions/adapters/dynamodb/ensure-table';
import { type CheckDeclaration, defineMonitor, http, type ResolvedMonitor } from '../functions/core';
import type { ScheduledInput } from '../functions/core/contract/schedule-input';
import { type CostEstimate, estimateCost } from '../functions/core/cost/estimate-cost';
import { type UsageModel, usageModel } from '../functions/core/cost/usage-model';
import { dayMs, hourMs, minuteMs } from '../functions/core/declare/duration';
import { mapBounded } from '../functions/core/map-bounded';
import type { ProbeCounter } from '../functions/core/ports/counter-store';
import { deployedMonitor } from '../functions/core/resolve/monitor-variants';
import { checksForRegion, shardCountFor, sweepShardCount } from '../functions/core/schedule/placement';
import { roundAtFor } from '../functions/core/schedule/round-at';
import { addLatencies } from '../functions/core/slo/latency-histogram';
import { validateMonitor } from '../functions/core/validate/validate-monitor';
import { homeFunctionMemoryMb, homeFunctionTimeout } from '../infra/home-stack';
import { probeShardCapacity } from '../infra/probe-capacity';
import { probeMemoryMb, probeTimeout } from '../infra/probe-stack';
import { standardScenario } from '../test/core/cost/cost-fixtures';
import { startCloudWatchEndpoint } from '../test/support/cloudwatch-endpoint';
import { threeAssertions } from '../test/support/real-https-result';
import { startSnsEndpoint } from '../test/support/sns-endpoint';
import { benchDir, workDir } from './bench-paths';
import { createBenchCertificates } from './certificates';
import { exitAfter, runToCompletion } from './cleanup';
import { type Invocation, memoryMbPerVcpu, seriesKey, startLambdaProcess } from './lambda-process';
import {
  assumedLatencyMs,
  DynamoTally,
  loopbackHomeRegion as homeRegion,
  loopbackRegions as regions,
  type ServicesProcess,
  startForwardingProxy,
  startServicesProcess,
  startSqsEndpoint,
  loopbackTopicArn as topicArn,
} from './loopback-aws';
import { describeMachine } from './machine';
import { formatNumber, markdownTable } from './markdown-table';
import { upsertSection } from './results-sections';

const hoursPerMonth = usageModel.monthMs / hourMs;

/** The time Lambda's stream poller waits for a batch to fill (infra/home-stack.ts `maxBatchingWindow`). */
const batchingWindowMs = 5_000;

/** A scenario of the comparison. */
interface Scenario {
  key: string;
  title: string;
  checks: number;
  interval: '1m' | '10s';
  slo: boolean;
}

/** What one simulated hour measured. */
interface Measured {
  invocations: { probeScheduled: number; probeQueued: number; evaluate: number; sweep: number };
  /** Wall milliseconds summed, by function. */
  wallMs: { probe: number; evaluate: number; sweep: number };
  /** The longest invocation, by function. */
  longestMs: { probe: number; evaluate: number; sweep: number };
  /** CPU milliseconds of the functions' process while each function ran (the SDK's included). */
  cpuMs: { probe: number; evaluate: number; sweep: number };
  readUnits: { evaluate: number; sweep: number; probe: number };
  writeUnits: { results: number; counters: number; alerts: number; other: number };
  putMetricDataCalls: { probe: number; evaluate: number; sweep: number };
  /** Distinct metric series that got a datum (PutMetricData and the probe's embedded metric format lines). */
  metricSeries: number;
  /** SNS publishes: alert transitions notified. */
  alertEvents: number;
  /** Minutes the bench made a check fail, summed over checks (given to the estimate, as the transitions are). */
  failingCheckMinutes: number;
  sqsSendBatches: number;
  probes: number;
  resultItemBytes: number;
  counterItemBytes: number;
  /** Bytes on the wire per result written (BatchWriteItem request and answer). */
  resultWriteWireBytes: number;
  /** Log bytes: the probe's result lines (per result), and the handlers' own lines (per invocation). */
  resultLogBytesPerResult: number;
  handlerLogBytesPerInvocation: number;
  dynamoOperations: Record<string, number>;
  /** By function and kind of item: reads, read units, writes, write units, per hour. */
  breakdown: string[][];
}

interface ScenarioReport {
  scenario: Scenario;
  monitor: ResolvedMonitor;
  measured: Measured;
  estimate: CostEstimate;
  minutes: number;
}

/** The scenario's monitor; `caPem` trusted by its checks (no TLS options without one: the estimate needs none). */
function declareMonitor(scenario: Scenario, targetOrigin: string, caPem?: string): ResolvedMonitor {
  const checks: CheckDeclaration[] = Array.from({ length: scenario.checks }, (_, index) =>
    http({
      id: `service-${index}`,
      url: `${targetOrigin}/check/${index}`,
      interval: scenario.interval,
      ...(caPem === undefined ? {} : { tls: { ca: caPem } }),
      assert: threeAssertions,
      ...(scenario.slo ? { slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } } } : {}),
    }),
  );
  const validation = validateMonitor(defineMonitor({ homeRegion, regions, checks }));
  if (!validation.ok) throw new Error(`the bench monitor is invalid: ${JSON.stringify(validation.problems)}`);
  return deployedMonitor(validation.monitor);
}

/**
 * One check in twenty fails (all regions answer 503) for a sixth of the measured minutes (10 of 60), starting a
 * sixth of the way in: its outage and SLO alerts open, then resolve.
 */
function failingPaths(monitor: ResolvedMonitor, measuredMinute: number, minutes: number): string[] {
  const from = Math.floor(minutes / 6);
  if (measuredMinute < from || measuredMinute >= from + Math.max(2, from)) return [];
  return monitor.checks
    .map((_, index) => index)
    .filter((index) => index % 20 === 0)
    .map((index) => `/check/${index}`);
}

/** The loopback AWS of the whole bench: one of each endpoint, behind latency proxies, set as the SDK's endpoints. */
interface LoopbackAws {
  services: ServicesProcess;
  tally: DynamoTally;
  cloudWatch: Awaited<ReturnType<typeof startCloudWatchEndpoint>>;
  sns: Awaited<ReturnType<typeof startSnsEndpoint>>;
  sqs: Awaited<ReturnType<typeof startSqsEndpoint>>;
  /** The round queue URL of a region (on the SQS proxy). */
  queueUrl: (region: string) => string;
  close(): Promise<void>;
}

async function startLoopbackAws(services: ServicesProcess): Promise<LoopbackAws> {
  const tally = new DynamoTally();
  const dynamo = await startForwardingProxy({
    target: services.dynamoEndpoint,
    rewrite: tally.rewrite,
    observe: tally.observe,
    latencyMs: (exchange) => {
      if (tally.phase !== 'probe') return assumedLatencyMs.dynamoDb;
      // The probe's writes cross from its region to the home region's table: the region is in each sort key.
      const region = /"S":"result#[^"#]+#([a-z0-9-]+)"/.exec(exchange.body.toString('utf8'))?.[1] ?? '';
      return assumedLatencyMs.dynamoDb + (assumedLatencyMs.betweenRegions[region] ?? 0);
    },
  });
  const cloudWatch = await startCloudWatchEndpoint();
  const sns = await startSnsEndpoint([topicArn]);
  const sqs = await startSqsEndpoint();
  const delayed = async (target: string) =>
    startForwardingProxy({ target, latencyMs: () => assumedLatencyMs.otherServices });
  const [cloudWatchProxy, snsProxy, sqsProxy] = await Promise.all([
    delayed(cloudWatch.url),
    delayed(sns.url),
    delayed(sqs.url),
  ]);
  // Every SDK client of the handlers' adapters reaches these (the SDK reads them on its first request).
  process.env.AWS_ACCESS_KEY_ID = 'bench';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench';
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
  process.env.AWS_ENDPOINT_URL_CLOUDWATCH = cloudWatchProxy.endpoint;
  process.env.AWS_ENDPOINT_URL_SNS = snsProxy.endpoint;
  process.env.AWS_ENDPOINT_URL_SQS = sqsProxy.endpoint;
  return {
    services,
    tally,
    cloudWatch,
    sns,
    sqs,
    queueUrl: (region) => `${sqsProxy.endpoint}/123456789012/lookout-probe-rounds-${region}`,
    async close() {
      await Promise.all([dynamo, cloudWatchProxy, snsProxy, sqsProxy].map((proxy) => proxy.close()));
      await Promise.all([cloudWatch, sns, sqs].map((endpoint) => endpoint.close()));
    },
  };
}

/**
 * A 30-day history of counters before the simulation starts (every 6 hours, then every 5 minutes over the last
 * two hours, and one a minute before the start), each with a latency histogram spread from 30 to 600 ms (a
 * public endpoint seen from three continents): the steady state the sweep and the SLO windows read. Written
 * straight to dynalite, not counted.
 */
async function seedCounters(
  monitor: ResolvedMonitor,
  tableName: string,
  services: ServicesProcess,
  startMs: number,
) {
  const client = createDynamoDbClient({
    region: homeRegion,
    endpoint: services.dynamoEndpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const store = createDynamoDbStore({ client, tableName, checks: monitor.checks });
  const firstMs = startMs - 30 * dayMs - hourMs;
  const times: number[] = [];
  for (let atMs = firstMs; atMs < startMs - 2 * hourMs; atMs += 6 * hourMs) times.push(atMs);
  for (let atMs = startMs - 2 * hourMs; atMs < startMs - minuteMs; atMs += 5 * minuteMs) times.push(atMs);
  const lastMs = startMs - minuteMs;
  times.push(lastMs);
  const spread = Array.from({ length: 200 }, (_, index) => 30 * 20 ** (index / 199));
  const writes = monitor.checks.flatMap((check) =>
    times.map((atMs): [string, ProbeCounter] => {
      const minutes = Math.floor((atMs - firstMs) / minuteMs);
      const total = minutes * (minuteMs / Math.min(check.intervalMs, minuteMs)) * check.regions.length;
      const histogram = addLatencies([], spread).map((count) => Math.round((count * total) / spread.length));
      return [
        check.id,
        {
          atMs,
          total,
          availabilityGood: total - Math.floor(minutes / 1000),
          latencyGood: total - Math.floor(minutes / 200),
          // The last seeded counter has counted every round before the start (the bench probes from the start on).
          countedThroughRoundAtMs: roundAtFor(check, atMs === lastMs ? startMs - 1 : atMs - minuteMs),
          partialRounds: [],
          lastReportedMs: Object.fromEntries(check.regions.map((region) => [region, atMs - minuteMs + 250])),
          latencyHistogram: histogram,
        },
      ];
    }),
  );
  await mapBounded(writes, 32, async ([checkId, counter]) => {
    await store.putCounter(checkId, counter, 32 * dayMs);
  });
  client.destroy();
}

type Item = Record<string, AttributeValue>;

/** An event of the simulated hour. */
interface SimEvent {
  atMs: number;
  /** Lower first among events of the same time. */
  order: number;
  /** Whether what it does is counted (it belongs to the measured hour). */
  counted: boolean;
  run: () => Promise<void>;
}

async function runScenario(
  scenario: Scenario,
  aws: LoopbackAws,
  targetOrigin: string,
  caPem: string,
  timing: { warmUpMinutes: number; minutes: number },
  log: (line: string) => void,
): Promise<ScenarioReport> {
  const monitor = declareMonitor(scenario, targetOrigin, caPem);
  const tableName = `cost-check-${scenario.key}-${Date.now()}`;
  const setupClient = createDynamoDbClient({
    region: homeRegion,
    endpoint: aws.services.dynamoEndpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  await ensureTable(setupClient, tableName);
  setupClient.destroy();
  const startMs = Math.ceil(Date.now() / hourMs) * hourMs;
  const measureFromMs = startMs + timing.warmUpMinutes * minuteMs;
  const measureToMs = measureFromMs + timing.minutes * minuteMs;
  log(`${scenario.key}: seeding 30 days of counters for ${monitor.checks.length} checks`);
  await seedCounters(monitor, tableName, aws.services, startMs);

  const { tally } = aws;
  tally.reset();
  const measured: Measured = {
    invocations: { probeScheduled: 0, probeQueued: 0, evaluate: 0, sweep: 0 },
    wallMs: { probe: 0, evaluate: 0, sweep: 0 },
    longestMs: { probe: 0, evaluate: 0, sweep: 0 },
    cpuMs: { probe: 0, evaluate: 0, sweep: 0 },
    readUnits: { evaluate: 0, sweep: 0, probe: 0 },
    writeUnits: { results: 0, counters: 0, alerts: 0, other: 0 },
    putMetricDataCalls: { probe: 0, evaluate: 0, sweep: 0 },
    metricSeries: 0,
    alertEvents: 0,
    failingCheckMinutes: 0,
    sqsSendBatches: 0,
    probes: 0,
    resultItemBytes: 0,
    counterItemBytes: 0,
    resultWriteWireBytes: 0,
    resultLogBytesPerResult: 0,
    handlerLogBytesPerInvocation: 0,
    dynamoOperations: {},
    breakdown: [],
  };
  const series = new Set<string>();
  let resultLogBytes = 0;
  let resultLines = 0;
  let handlerLogBytes = 0;

  // The functions, in a process of their own, built once (warm containers after the first minutes).
  const probes = regions.map((region) => {
    const checks = checksForRegion(monitor, region);
    const subMinute = checks.some((check) => check.intervalMs < minuteMs);
    return {
      region,
      shards: shardCountFor(checks, probeShardCapacity),
      ...(subMinute ? { queueUrl: aws.queueUrl(region) } : {}),
    };
  });
  const lambda = await startLambdaProcess({
    monitor,
    homeRegion,
    regions,
    tableName,
    topicArn,
    roundQueueUrls: Object.fromEntries(
      probes.flatMap((probe) => (probe.queueUrl === undefined ? [] : [[probe.region, probe.queueUrl]])),
    ),
  });
  const sweepShards = sweepShardCount(monitor.checks.length);

  // The stream: result items as the probes wrote them.
  const written: Item[] = [];
  tally.onResultItem = (item) => written.push(item);
  let sequence = 0;

  const events: SimEvent[] = [];
  const schedule = (event: SimEvent) => {
    events.push(event);
    events.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  };

  /** Runs one invocation at `atMs`, counting what it calls (when `counted`) under its function. */
  const invoke = async (invocation: Invocation, atMs: number, counted: boolean, timeoutMs: number) => {
    const phase = invocation.fn;
    tally.phase = phase;
    tally.counting = counted;
    const putsBefore = aws.cloudWatch.accepted.length;
    const publishesBefore = aws.sns.published.length;
    const report = await lambda.invoke(invocation, atMs, timeoutMs);
    if (!counted) return report;
    measured.wallMs[phase] += Math.ceil(report.wallMs);
    measured.longestMs[phase] = Math.max(measured.longestMs[phase], report.wallMs);
    measured.cpuMs[phase] += report.cpuMs;
    handlerLogBytes += report.logBytes;
    resultLogBytes += report.resultLogBytes;
    resultLines += report.resultLines;
    for (const key of report.emfSeries) series.add(key);
    const puts = aws.cloudWatch.accepted.slice(putsBefore);
    measured.putMetricDataCalls[phase] += puts.length;
    for (const put of puts) {
      for (const datum of put.datums) {
        series.add(seriesKey(put.namespace, datum.MetricName, datum.Dimensions ?? []));
      }
    }
    measured.alertEvents += aws.sns.published.length - publishesBefore;
    return report;
  };

  /**
   * The stream poller: a probe invocation's new results in batches of up to 100, a full batch as soon as it is
   * full (at the invocation's end, here), the rest after the batching window.
   */
  const feedStream = (endMs: number, counted: boolean) => {
    const items = written.splice(0);
    for (let start = 0; start < items.length; start += usageModel.evaluateBatchSize) {
      const records: DynamoDBRecord[] = items
        .slice(start, start + usageModel.evaluateBatchSize)
        .map((item) => {
          sequence += 1;
          return {
            eventName: 'INSERT' as const,
            dynamodb: {
              SequenceNumber: String(sequence).padStart(21, '0'),
              NewImage: item as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
            },
          };
        });
      const full = records.length === usageModel.evaluateBatchSize;
      const atMs = endMs + (full ? 0 : batchingWindowMs);
      schedule({
        atMs,
        order: 2,
        counted,
        run: async () => {
          if (counted) measured.invocations.evaluate += 1;
          const { reply } = await invoke(
            { fn: 'evaluate', event: { Records: records } },
            atMs,
            counted,
            homeFunctionTimeout.toMilliseconds(),
          );
          if ((reply as DynamoDBBatchResponse).batchItemFailures.length > 0) {
            throw new Error('evaluate reported failed records');
          }
        },
      });
    }
  };

  /** One probe invocation at `atMs`; its results go to the stream, the rounds it queued to SQS. */
  const probeAt = async (
    probe: (typeof probes)[number],
    event: ScheduledInput | SQSEvent,
    atMs: number,
    counted: boolean,
  ) => {
    const report = await invoke(
      { fn: 'probe', region: probe.region, event },
      atMs,
      counted,
      probeTimeout.toMilliseconds(),
    );
    if ('Records' in event && (report.reply as SQSBatchResponse).batchItemFailures.length > 0) {
      throw new Error('a queued round failed');
    }
    feedStream(atMs + report.wallMs, counted);
    for (const message of aws.sqs.pending.splice(0)) {
      const target = probes.find((candidate) => candidate.queueUrl === message.queueUrl);
      if (target === undefined) throw new Error(`a message to an unknown queue: ${message.queueUrl}`);
      const deliverMs = atMs + message.delaySeconds * 1000;
      const roundCounted = deliverMs >= measureFromMs && deliverMs < measureToMs;
      const delivered = {
        Records: [{ messageId: crypto.randomUUID(), body: message.body }],
      } as unknown as SQSEvent;
      schedule({
        atMs: deliverMs,
        order: 1,
        counted: roundCounted,
        run: async () => {
          if (roundCounted) measured.invocations.probeQueued += 1;
          await probeAt(target, delivered, deliverMs, roundCounted);
        },
      });
    }
  };

  const totalMinutes = timing.warmUpMinutes + timing.minutes;
  const sqsBatchesBefore = { value: 0 };
  for (let minute = 0; minute < totalMinutes; minute += 1) {
    const minuteStartMs = startMs + minute * minuteMs;
    const counted = minuteStartMs >= measureFromMs && minuteStartMs < measureToMs;
    if (minuteStartMs === measureFromMs) sqsBatchesBefore.value = aws.sqs.sendBatchCalls;
    schedule({
      atMs: minuteStartMs,
      order: 0,
      counted,
      run: async () => {
        const measuredMinute = (minuteStartMs - measureFromMs) / minuteMs;
        const failing = failingPaths(monitor, measuredMinute, timing.minutes);
        if (counted) measured.failingCheckMinutes += failing.length;
        await aws.services.setFailing(failing);
        for (let shard = 0; shard < sweepShards; shard += 1) {
          if (counted) measured.invocations.sweep += 1;
          await invoke(
            { fn: 'sweep', event: { shard, shardCount: sweepShards } },
            minuteStartMs,
            counted,
            homeFunctionTimeout.toMilliseconds(),
          );
        }
        // Each region's probe function, per shard: one at a time, so that each has the CPU to itself.
        for (const probe of probes) {
          for (let shard = 0; shard < probe.shards; shard += 1) {
            if (counted) measured.invocations.probeScheduled += 1;
            const input = {
              scheduledTime: new Date(minuteStartMs).toISOString(),
              shard,
              shardCount: probe.shards,
            };
            await probeAt(probe, input, minuteStartMs, counted);
          }
        }
      },
    });
    while (events.length > 0 && (events[0]?.atMs ?? 0) < minuteStartMs + minuteMs) {
      await events.shift()?.run();
    }
    if (minute % 10 === 9) log(`${scenario.key}: minute ${minute + 1} of ${totalMinutes}`);
  }
  // The hour's last results, still on the stream.
  while (events.length > 0) {
    const event = events.shift();
    if (event?.counted) await event.run();
  }
  lambda.stop();
  measured.sqsSendBatches = aws.sqs.sendBatchCalls - sqsBatchesBefore.value;
  tally.onResultItem = undefined;
  tally.counting = false;

  const hours = timing.minutes / 60;
  const units = (phases: string[], kinds?: Parameters<DynamoTally['total']>[1]) => tally.total(phases, kinds);
  const all = ['probe', 'evaluate', 'sweep'];
  measured.readUnits = {
    probe: units(['probe']).readUnits,
    evaluate: units(['evaluate']).readUnits,
    sweep: units(['sweep']).readUnits,
  };
  measured.writeUnits = {
    results: units(all, ['result']).writeUnits,
    counters: units(all, ['counter']).writeUnits,
    alerts: units(all, ['alert', 'event']).writeUnits,
    other: units(all, ['days', 'other']).writeUnits,
  };
  const average = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  measured.resultItemBytes = average(tally.writtenSizes.result);
  measured.counterItemBytes = average(tally.writtenSizes.counter);
  measured.resultWriteWireBytes = average(tally.resultWriteWireBytes);
  measured.probes = tally.writtenSizes.result.length;
  measured.metricSeries = series.size;
  measured.resultLogBytesPerResult = resultLogBytes / Math.max(1, resultLines);
  const invocations = Object.values(measured.invocations).reduce((sum, count) => sum + count, 0);
  measured.handlerLogBytesPerInvocation = handlerLogBytes / Math.max(1, invocations);
  measured.dynamoOperations = Object.fromEntries(tally.operations);
  measured.breakdown = [...tally.units].flatMap(([phase, byKind]) =>
    [...byKind].map(([kind, t]) => [
      phase,
      kind,
      formatNumber(t.reads / hours, 0),
      formatNumber(t.readUnits / hours, 1),
      formatNumber(t.writes / hours, 0),
      formatNumber(t.writeUnits / hours, 1),
    ]),
  );

  return {
    scenario,
    monitor,
    measured,
    estimate: estimateFor(monitor, measured, timing.minutes),
    minutes: timing.minutes,
  };
}

/** The estimate of the monitor, given the alert transitions measured (a month's are the model's guess). */
function estimateFor(monitor: ResolvedMonitor, measured: Measured, minutes: number): CostEstimate {
  const model: UsageModel = {
    ...usageModel,
    alertEventsPerCheckMonth: (measured.alertEvents / (minutes / 60) / monitor.checks.length) * hoursPerMonth,
    failingMinutesPerCheckMonth:
      (measured.failingCheckMinutes / (minutes / 60) / monitor.checks.length) * hoursPerMonth,
  };
  return estimateCost(monitor, model);
}

/** What a run measured, kept so that the estimate can be recomputed without measuring again (`--reestimate`). */
interface SavedRun {
  command: string;
  startedAt: string;
  machine: string;
  timing: { warmUpMinutes: number; minutes: number };
  scenarios: { scenario: Scenario; measured: Measured }[];
}

// ─── The comparison ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * GB-seconds of invocations that took `wallMs` here, `cpuMs` of it on the CPU, in a function of `memoryMb`:
 * the CPU part stretched to Lambda's share of a vCPU at that memory (this machine gives each a whole core).
 */
function lambdaGbSeconds(wallMs: number, cpuMs: number, memoryMb: number): number {
  const stretchedMs = wallMs + cpuMs * (Math.max(1, memoryMbPerVcpu / memoryMb) - 1);
  return (stretchedMs / 1000) * (memoryMb / 1024);
}

/** A figure of the comparison: measured and estimated per hour. */
interface Row {
  figure: string;
  measured: number;
  estimated: number;
  digits: number;
}

/** How far the estimate may be from what was measured. */
const tolerance = 0.1;

function rowsOf(report: ScenarioReport): Row[] {
  const { measured: m, estimate } = report;
  const u = estimate.usage;
  const hours = report.minutes / 60;
  const perHour = (value: number) => value / hoursPerMonth;
  const measuredPerHour = (value: number) => value / hours;
  const gbSeconds = (phase: 'probe' | 'evaluate' | 'sweep', memoryMb: number) =>
    lambdaGbSeconds(m.wallMs[phase], m.cpuMs[phase], memoryMb);
  return [
    row(
      'DynamoDB read units: evaluate',
      measuredPerHour(m.readUnits.evaluate),
      perHour(u.readUnits.evaluate),
      1,
    ),
    row('DynamoDB read units: sweep', measuredPerHour(m.readUnits.sweep), perHour(u.readUnits.sweep), 1),
    row(
      'DynamoDB read units',
      measuredPerHour(m.readUnits.evaluate + m.readUnits.sweep + m.readUnits.probe),
      perHour(u.readUnits.evaluate + u.readUnits.sweep),
      1,
    ),
    row(
      'DynamoDB write units: results',
      measuredPerHour(m.writeUnits.results),
      perHour(u.writeUnits.results),
      1,
    ),
    row(
      'DynamoDB write units: counters',
      measuredPerHour(m.writeUnits.counters),
      perHour(u.writeUnits.counters),
      1,
    ),
    row(
      'DynamoDB write units: alerts',
      measuredPerHour(m.writeUnits.alerts),
      perHour(u.writeUnits.alerts),
      1,
    ),
    row(
      'DynamoDB write units',
      measuredPerHour(
        m.writeUnits.results + m.writeUnits.counters + m.writeUnits.alerts + m.writeUnits.other,
      ),
      perHour(u.writeUnits.results + u.writeUnits.counters + u.writeUnits.alerts + u.writeUnits.daySummaries),
      1,
    ),
    row(
      'PutMetricData calls',
      measuredPerHour(
        m.putMetricDataCalls.probe + m.putMetricDataCalls.evaluate + m.putMetricDataCalls.sweep,
      ),
      perHour(u.putMetricDataCalls.probe + u.putMetricDataCalls.evaluate + u.putMetricDataCalls.sweep),
      1,
    ),
    row('Metric series', m.metricSeries, u.metricSeries.checks + u.metricSeries.lookout, 0),
    row(
      'Invocations: probe, scheduled',
      measuredPerHour(m.invocations.probeScheduled),
      perHour(u.probeInvocations.scheduled),
      0,
    ),
    row(
      'Invocations: probe, queued',
      measuredPerHour(m.invocations.probeQueued),
      perHour(u.probeInvocations.queued),
      0,
    ),
    row('Invocations: evaluate', measuredPerHour(m.invocations.evaluate), perHour(u.evaluateInvocations), 0),
    row('Invocations: sweep', measuredPerHour(m.invocations.sweep), perHour(u.sweepInvocations), 0),
    row('GB-s: probe', measuredPerHour(gbSeconds('probe', probeMemoryMb)), perHour(u.gbSeconds.probe), 2),
    row(
      'GB-s: evaluate',
      measuredPerHour(gbSeconds('evaluate', homeFunctionMemoryMb)),
      perHour(u.gbSeconds.evaluate),
      2,
    ),
    row(
      'GB-s: sweep',
      measuredPerHour(gbSeconds('sweep', homeFunctionMemoryMb)),
      perHour(u.gbSeconds.sweep),
      2,
    ),
  ];
}

function row(figure: string, measured: number, estimated: number, digits: number): Row {
  return { figure, measured, estimated, digits };
}

/** The estimate's distance from the measurement, as a fraction (0 when both are 0). */
function deviation(r: Row): number {
  if (r.measured === 0) return r.estimated === 0 ? 0 : Number.POSITIVE_INFINITY;
  return r.estimated / r.measured - 1;
}

function formatDeviation(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
}

function renderScenario(report: ScenarioReport): string {
  const { measured: m, scenario } = report;
  const rows = rowsOf(report);
  const perCheck = (value: number) => value / scenario.checks;
  const table = markdownTable(
    ['per hour', 'measured', '`lookout cost`', 'difference', 'measured per check', 'within 10 %'],
    rows.map((r) => [
      r.figure,
      formatNumber(r.measured, r.digits),
      formatNumber(r.estimated, r.digits),
      formatDeviation(deviation(r)),
      formatNumber(perCheck(r.measured), 3),
      Math.abs(deviation(r)) <= tolerance ? 'yes' : '**no**',
    ]),
  );
  const hours = report.minutes / 60;
  const wallGbSeconds = (phase: 'probe' | 'evaluate' | 'sweep', memoryMb: number) =>
    formatNumber(((m.wallMs[phase] / 1000) * (memoryMb / 1024)) / hours, 2);
  const perInvocation = (phase: 'probe' | 'evaluate' | 'sweep', invocations: number) =>
    formatNumber(m.cpuMs[phase] / Math.max(1, invocations), 0);
  const logOverhead = 26;
  const sizes = markdownTable(
    ['also measured', 'measured', 'usage model'],
    [
      [
        "result item, bytes (the test CA's short names; a public CA's add about 70)",
        formatNumber(m.resultItemBytes, 0),
        String(usageModel.resultItemBytes),
      ],
      ['counter item, bytes', formatNumber(m.counterItemBytes, 0), String(usageModel.counterItemBytes)],
      [
        'result log line, bytes with 26 of CloudWatch Logs',
        formatNumber(m.resultLogBytesPerResult + logOverhead, 0),
        String(usageModel.resultLogLineBytes),
      ],
      [
        "handlers' own log per invocation, bytes with 26",
        formatNumber(m.handlerLogBytesPerInvocation + logOverhead, 0),
        String(usageModel.handlerLogBytesPerInvocation),
      ],
      [
        'a result written between regions, bytes on the wire',
        formatNumber(m.resultWriteWireBytes, 0),
        String(usageModel.resultWriteWireBytes),
      ],
      ['alert transitions an hour (given to the estimate)', formatNumber(m.alertEvents / hours, 0), '—'],
      [
        'failing check-minutes an hour (given to the estimate)',
        formatNumber(m.failingCheckMinutes / hours, 0),
        '—',
      ],
    ],
  );
  return [
    `### ${scenario.title}`,
    '',
    table,
    '',
    sizes,
    '',
    `Wall time here (a whole core): ${wallGbSeconds('probe', probeMemoryMb)} / ${wallGbSeconds('evaluate', homeFunctionMemoryMb)} / ${wallGbSeconds('sweep', homeFunctionMemoryMb)} GB-s an hour (probe / evaluate / sweep); CPU ${perInvocation('probe', m.invocations.probeScheduled + m.invocations.probeQueued)} / ${perInvocation('evaluate', m.invocations.evaluate)} / ${perInvocation('sweep', m.invocations.sweep)} ms per invocation; the longest invocation ${formatNumber(m.longestMs.probe, 0)} / ${formatNumber(m.longestMs.evaluate, 0)} / ${formatNumber(m.longestMs.sweep, 0)} ms. DynamoDB calls an hour: ${Object.entries(
      m.dynamoOperations,
    )
      .map(([operation, count]) => `${operation} ${formatNumber(count / hours, 0)}`)
      .join(', ')}.`,
    '',
    '<details><summary>DynamoDB by function and item, per hour</summary>',
    '',
    markdownTable(['function', 'item', 'reads', 'read units', 'writes', 'write units'], m.breakdown, 2),
    '',
    '</details>',
  ].join('\n');
}

/** The standard scenario's monthly estimate, line by line. */
export function renderStandardBill(estimate: CostEstimate): string {
  const rows = estimate.lines.map((line) => [
    `${line.service}: ${line.item}`,
    line.quantity.toLocaleString('en-US', { maximumFractionDigits: line.quantity < 100 ? 2 : 0 }),
    `$${line.price.usd} per ${line.price.per === 1 ? '' : `${line.price.per.toLocaleString('en-US')} `}${line.price.unit}`,
    formatNumber(line.usd, 2),
  ]);
  rows.push(['**Total**', '', '', `**${formatNumber(estimate.totalUsd, 2)}**`]);
  return markdownTable(['line', 'quantity a month', 'unit price', 'USD a month'], rows);
}

/** Measures each scenario in turn, over one loopback AWS. */
async function measureScenarios(
  scenarios: readonly Scenario[],
  timing: { warmUpMinutes: number; minutes: number },
  log: (line: string) => void,
): Promise<{ scenario: Scenario; measured: Measured }[]> {
  const certificates = await createBenchCertificates(workDir);
  const services = await startServicesProcess({
    target: {
      certPath: certificates.certPath,
      keyPath: certificates.keyPath,
      delayMs: usageModel.probeTargetMs,
    },
  });
  const aws = await startLoopbackAws(services);
  const measured: { scenario: Scenario; measured: Measured }[] = [];
  try {
    const targetOrigin = services.targetOrigin;
    if (targetOrigin === undefined) throw new Error('the services process started no target');
    for (const scenario of scenarios) {
      const report = await runScenario(scenario, aws, targetOrigin, certificates.caPem, timing, log);
      measured.push({ scenario, measured: report.measured });
      console.log(`\n${renderScenario(report)}\n`);
    }
  } finally {
    await aws.close();
    services.stop();
  }
  return measured;
}

/**
 * Runs the bench: `npm run bench:cost`, or `npm run bench -- cost` (bench/run.ts). `--reestimate` recomputes the
 * estimates of the last run's measurements with the current usage model, without measuring again.
 */
export async function runCostCheckBench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  exitAfter(90 * 60_000);
  const startedAt = new Date();
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const declared: Scenario[] = [
    {
      key: 'standard',
      title: 'Standard: HTTPS, every minute, 3 regions, availability + latency SLO',
      checks: 100,
      interval: '1m',
      slo: true,
    },
    {
      key: 'no-slo',
      title: 'No SLO: HTTPS, every minute, 3 regions',
      checks: 100,
      interval: '1m',
      slo: false,
    },
    {
      key: 'ten-seconds',
      title: '10 s interval: HTTPS, 3 regions, availability + latency SLO',
      checks: 20,
      interval: '10s',
      slo: true,
    },
  ];
  const only = process.argv.indexOf('--only');
  const chosen =
    only === -1 ? declared : declared.filter((scenario) => scenario.key === process.argv[only + 1]);
  const scenarios = chosen.map((scenario) =>
    quick ? { ...scenario, checks: Math.max(4, scenario.checks / 10) } : scenario,
  );
  const timing = quick ? { warmUpMinutes: 3, minutes: 12 } : { warmUpMinutes: 10, minutes: 60 };

  const savedPath = join(workDir, quick ? 'cost-check-measured-quick.json' : 'cost-check-measured.json');
  let run: SavedRun;
  const reestimate = process.argv.includes('--reestimate');
  if (reestimate) {
    run = JSON.parse(readFileSync(savedPath, 'utf8')) as SavedRun;
  } else {
    const machine = describeMachine();
    run = {
      command: quick ? 'npm run bench:cost -- --quick' : 'npm run bench:cost',
      startedAt: startedAt.toISOString(),
      machine: `${machine.processors} × ${machine.cpuModel}, Node ${machine.nodeVersion}, 1-minute load average ${formatNumber(machine.loadAverageAtStart, 2)} at the start`,
      timing,
      scenarios: await measureScenarios(scenarios, timing, log),
    };
    mkdirSync(workDir, { recursive: true });
    writeFileSync(savedPath, `${JSON.stringify(run)}\n`);
  }
  const reports: ScenarioReport[] = run.scenarios.map(({ scenario, measured }) => {
    const monitor = declareMonitor(scenario, 'https://127.0.0.1');
    return {
      scenario,
      monitor,
      measured,
      estimate: estimateFor(monitor, measured, run.timing.minutes),
      minutes: run.timing.minutes,
    };
  });
  if (reestimate) for (const report of reports) console.log(`\n${renderScenario(report)}\n`);
  const command = run.command;
  const failures = reports.flatMap((report) =>
    rowsOf(report)
      .filter((r) => Math.abs(deviation(r)) > tolerance)
      .map((r) => `${report.scenario.key}: ${r.figure}`),
  );
  const section = [
    '## `lookout cost` against the real handlers',
    '',
    `Measured by \`${command}\` (bench/cost-check.ts) on ${run.startedAt}; ${run.machine}.${reestimate ? ` The estimates recomputed with the current usage model by \`${command} -- --reestimate\` on ${startedAt.toISOString()} (the measurements are kept in bench/.work/).` : ''}`,
    '',
    `- The real probe, evaluate and sweep handlers (functions/handlers factories, real AWS adapters) for ${run.timing.minutes} simulated minutes after ${run.timing.warmUpMinutes} of warm-up, over dynalite (its own process) holding 30 days of counters, with loopback CloudWatch, SNS and SQS endpoints that decode what the SDK sends. DynamoDB units are dynalite's consumed capacity raised to DynamoDB's minimum per request; series are the distinct metric series that got a datum (PutMetricData and the probe's EMF lines).`,
    `- The bench plays the scheduler (every minute: sweep per shard, probe per region and shard), SQS (each queued round at its delay) and the stream poller (each probe invocation's new results in batches of up to 100: a full one at once, the rest after the 5 s batching window). One check in twenty fails (503) for 10 minutes; the estimate gets the measured alert transitions and the failing check-minutes.`,
    `- GB-s are wall time × memory (probe ${probeMemoryMb} MB, evaluate and sweep ${homeFunctionMemoryMb} MB: infra's settings), with each invocation's CPU time stretched to Lambda's share of a vCPU at that memory (memory / ${memoryMbPerVcpu}: ×${formatNumber(memoryMbPerVcpu / probeMemoryMb, 2)} for the probe, ×${formatNumber(memoryMbPerVcpu / homeFunctionMemoryMb, 2)} for evaluate and sweep; this machine gives the functions' process a whole core, so its own wall times are shorter: "Also measured" gives them). Loopback has no network: targets answer after the usage model's \`probeTargetMs\` (${usageModel.probeTargetMs} ms, its assumption for DNS, connect, TLS and first byte of a real endpoint), and no AWS request is answered sooner than an assumed latency (DynamoDB ${assumedLatencyMs.dynamoDb} ms, plus ${assumedLatencyMs.betweenRegions['eu-west-1']} ms from eu-west-1 and ${assumedLatencyMs.betweenRegions['ap-southeast-2']} ms from ap-southeast-2 to the home region; CloudWatch, SNS, SQS ${assumedLatencyMs.otherServices} ms). So GB-s check the model's structure and CPU, under those assumptions; CPU time varies from run to run on a shared machine (other work on its cores), and the stretch to Lambda's share magnifies it.`,
    `- Figures per hour; \`lookout cost\` is \`estimateCost\` of the same monitor, its month divided by ${hoursPerMonth}.`,
    '',
    ...reports.flatMap((report) => [renderScenario(report), '']),
    failures.length === 0 ? 'Every figure is within 10 %.' : `Beyond 10 %: ${failures.join('; ')}.`,
    '',
    "### The standard scenario's bill (`lookout cost`, 100 checks)",
    '',
    renderStandardBill(estimateCost(standardScenario())),
  ].join('\n');
  const resultsPath = quick ? join(workDir, 'RESULTS-cost-quick.md') : join(benchDir, 'RESULTS.md');
  const existing = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  writeFileSync(resultsPath, upsertSection(existing, 'cost-check', section));
  log(`wrote ${resultsPath}`);
  if (failures.length > 0) process.exitCode = 1;
}

// Run directly (`npm run bench:cost`), not imported by bench/run.ts.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runToCompletion(runCostCheckBench);
}
