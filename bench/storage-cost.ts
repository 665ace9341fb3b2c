/**
 * What one check costs in DynamoDB reads, writes and storage, in steady state: simulated minutes of Lookout over
 * the real adapter and dynalite (which reports consumed capacity as DynamoDB computes it), with results of the
 * real size (from the real engine: an HTTPS probe of a loopback server, TLS facts and three assertions), each
 * region's result evaluated as its own stream batch (as three probe functions' writes arrive), swept every
 * minute, and a table already holding a whole 30-day SLO window of counters. `npm run bench:storage` prints a
 * table per scenario, next to the figures of the design before (results written twice, minute and hour rollups
 * re-read every minute).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { itemSizeBytes } from '../functions/adapters/dynamodb/item-size';
import { checkTarget } from '../functions/core/check-target';
import type { MonitorDeclaration } from '../functions/core/declare/declarations';
import type { ProbeCounter } from '../functions/core/ports/counter-store';
import type { StoredResult } from '../functions/core/ports/stored-result';
import type { ProbeResult } from '../functions/core/probe-result';
import type { ResolvedCheck } from '../functions/core/resolve/resolved-monitor';
import { roundAtFor } from '../functions/core/schedule/round-at';
import { evaluateNewResults } from '../functions/runtime/evaluate-new-results';
import { sweep } from '../functions/runtime/sweep';
import { createTestClient, startTestDynamoDb } from '../test/support/dynalite';
import { realHttpsResult, threeAssertions } from '../test/support/real-https-result';
import { oneCheckMonitor, Scenario, scenarioStartMs, threeRegions } from '../test/support/scenario';
import { markdownTable } from './markdown-table';

const minuteMs = 60_000;
const dayMs = 86_400_000;
const minutesPerMonth = 30 * 24 * 60;
/** On-demand prices in us-east-1: USD per million request units, and per GB-month stored. */
const price = { read: 0.125, write: 0.625, storageGbMonth: 0.25 };

/** What is measured, by whom. */
type Phase = 'probe' | 'evaluate' | 'sweep' | 'seed';

interface Workload {
  name: string;
  declaration: MonitorDeclaration;
  /** The figures of the design before (README, "Storage and its cost"), per minute. */
  before: { read: number; write: number };
  /** Simulated minutes measured, after an hour of warm-up. */
  minutes: number;
}

const asDeclared = { assert: threeAssertions };

const workloads: Workload[] = [
  {
    name: '(a) 3 regions, every minute, availability + latency SLO',
    declaration: oneCheckMonitor({
      ...asDeclared,
      degradedLatency: '1s',
      slo: { availability: 99.9, latency: { threshold: '800ms', target: 99 } },
    }),
    before: { read: 12.37, write: 14.04 },
    minutes: 180,
  },
  {
    name: '(b) 3 regions, every minute, no SLO',
    declaration: oneCheckMonitor(asDeclared),
    before: { read: 7.0, write: 7.0 },
    minutes: 180,
  },
  {
    name: '(c) 1 region, every 5 minutes, no SLO',
    declaration: {
      ...oneCheckMonitor({ ...asDeclared, interval: '5m' }),
      regions: [threeRegions[0] as string],
    },
    before: { read: 3.4, write: 0.6 },
    minutes: 180,
  },
];

interface Tally {
  read: number;
  write: number;
  requests: number;
}

interface Measured {
  perMinute: Record<Exclude<Phase, 'seed'>, Tally>;
  resultItemBytes: number;
  counterItemBytes: number;
  resultsPerMinute: number;
}

/** Results of the real engine, to copy: a passing probe and a failing one (a 503 failing two assertions). */
interface Templates {
  ok: ProbeResult;
  failed: ProbeResult;
}

function probeFor(
  template: ProbeResult,
  check: ResolvedCheck,
  region: string,
  startedAtMs: number,
): ProbeResult {
  return {
    ...template,
    checkId: check.id,
    region,
    target: checkTarget(check),
    startedAt: new Date(startedAtMs).toISOString(),
  };
}

/** How the stream hands results to the evaluator: one batch per round (all regions), or one per region. */
type Batching = 'round' | 'region';

async function measure(
  workload: Workload,
  templates: Templates,
  batching: Batching,
  endpoint: string,
  tableName: string,
) {
  const client = createTestClient(endpoint);
  const empty = (): Tally => ({ read: 0, write: 0, requests: 0 });
  const tallies: Record<Phase, Tally> = { probe: empty(), evaluate: empty(), sweep: empty(), seed: empty() };
  const sizes = { result: [] as number[], counter: [] as number[] };
  let phase: Phase = 'seed';
  let counting = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        ReturnConsumedCapacity?: string;
        ConsistentRead?: boolean;
        Item?: Record<string, AttributeValue>;
        RequestItems?: Record<string, { PutRequest?: { Item?: Record<string, AttributeValue> } }[]>;
      };
      input.ReturnConsumedCapacity = 'TOTAL';
      const command = context.commandName ?? '';
      const isRead = /^(GetItem|Query|BatchGetItem)Command$/.test(command);
      // DynamoDB charges at least half a unit for any read (a query that finds nothing too), a unit for any
      // write (a conditional write that fails too); dynalite reports 0 for those.
      const least = isRead ? (input.ConsistentRead ? 1 : 0.5) : 1;
      const tally = tallies[phase];
      if (counting) {
        for (const item of [
          input.Item,
          ...Object.values(input.RequestItems ?? {})
            .flat()
            .map((r) => r.PutRequest?.Item),
        ]) {
          if (item === undefined) continue;
          const sk = item.sk?.S ?? '';
          if (sk.startsWith('result#')) sizes.result.push(itemSizeBytes(item));
          if (sk.startsWith('count#')) sizes.counter.push(itemSizeBytes(item));
        }
      }
      try {
        const result = await next(args);
        const output = result.output as {
          ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
        };
        const consumed = [output.ConsumedCapacity ?? []]
          .flat()
          .reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
        if (counting) {
          tally[isRead ? 'read' : 'write'] += Math.max(consumed, least);
          tally.requests += 1;
        }
        return result;
      } catch (error) {
        if (counting) {
          tally[isRead ? 'read' : 'write'] += least;
          tally.requests += 1;
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'countConsumedCapacity' },
  );
  const run = new Scenario(workload.declaration, { endpoint, tableName, client });
  const check = run.monitor.checks[0];
  if (check === undefined) throw new Error('no check');

  // Steady state: a whole 30-day window of counters before the simulation starts (one per 10 minutes; a
  // window start is read with Limit 1, so its cost does not depend on how dense the counters are).
  const roundsPer10Minutes = (10 * minuteMs) / check.intervalMs;
  for (let atMs = scenarioStartMs - 30 * dayMs; atMs < scenarioStartMs - minuteMs; atMs += 10 * minuteMs) {
    const rounds = (atMs - (scenarioStartMs - 30 * dayMs)) / (10 * minuteMs);
    const total = rounds * roundsPer10Minutes * check.regions.length;
    const counter: ProbeCounter = {
      atMs,
      total,
      availabilityGood: total - Math.floor(rounds / 10),
      latencyGood: total - Math.floor(rounds / 5),
      countedThroughRoundAtMs: roundAtFor(check, atMs - minuteMs),
      partialRounds: [],
      lastReportedMs: Object.fromEntries(check.regions.map((region) => [region, atMs - minuteMs + 250])),
    };
    await run.store.putCounter(check.id, counter, 32 * dayMs);
  }

  const warmUpMinutes = 60;
  let resultsWritten = 0;
  for (let minute = 0; minute < workload.minutes + warmUpMinutes; minute += 1) {
    if (minute === warmUpMinutes) counting = true;
    const minuteStartMs = run.nowMs;
    if (roundAtFor(check, minuteStartMs) === minuteStartMs) {
      // Each region's probe function writes its result; the stream hands the writes to the evaluator.
      const round = check.regions.map((region, index): StoredResult => {
        const fails = minute % 97 === 0 && region === threeRegions[1];
        const template = fails ? templates.failed : templates.ok;
        return {
          result: probeFor(template, check, region, minuteStartMs + 150 + 40 * index),
          roundAtMs: minuteStartMs,
        };
      });
      run.nowMs = minuteStartMs + 1_000;
      for (const batch of batching === 'round' ? [round] : round.map((stored) => [stored])) {
        phase = 'probe';
        for (const stored of batch) await run.store.putResults([stored], run.monitor.retentionMs);
        if (counting) resultsWritten += batch.length;
        phase = 'evaluate';
        await evaluateNewResults(run.deps(), batch);
      }
    }
    run.nowMs = minuteStartMs + 5_000;
    phase = 'sweep';
    await sweep(run.deps());
    run.nowMs = minuteStartMs + minuteMs;
  }
  client.destroy();
  const perMinute = (tally: Tally): Tally => ({
    read: tally.read / workload.minutes,
    write: tally.write / workload.minutes,
    requests: tally.requests / workload.minutes,
  });
  const average = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    perMinute: {
      probe: perMinute(tallies.probe),
      evaluate: perMinute(tallies.evaluate),
      sweep: perMinute(tallies.sweep),
    },
    resultItemBytes: average(sizes.result),
    counterItemBytes: average(sizes.counter),
    resultsPerMinute: resultsWritten / workload.minutes,
  } satisfies Measured;
}

/** USD a month of reads and writes at `perMinute`. */
function requestUsd(perMinute: { read: number; write: number }): number {
  return ((perMinute.read * price.read + perMinute.write * price.write) * minutesPerMonth) / 1e6;
}

async function main(): Promise<void> {
  const ok = await realHttpsResult();
  const failed = await realHttpsResult({
    respond: {
      kind: 'respond',
      status: 503,
      body: 'upstream connect error or disconnect/reset before headers',
    },
  });
  const templates = { ok: ok.result, failed: failed.result };
  const db = await startTestDynamoDb();
  const summary: string[][] = [];
  const breakdown: string[][] = [];
  for (const workload of workloads) {
    const after: Record<Batching, { read: number; write: number }> = {
      round: { read: 0, write: 0 },
      region: { read: 0, write: 0 },
    };
    let storageUsd = 0;
    for (const batching of ['round', 'region'] as const) {
      const measured = await measure(workload, templates, batching, db.endpoint, await db.createTable());
      const { probe, evaluate, sweep: swept } = measured.perMinute;
      after[batching] = {
        read: probe.read + evaluate.read + swept.read,
        write: probe.write + evaluate.write + swept.write,
      };
      // Stored: the results of the retention (30 days) and the counters of the retention plus 2 days.
      const storedBytes =
        measured.resultsPerMinute * minutesPerMonth * measured.resultItemBytes +
        (32 / 30) * minutesPerMonth * Math.min(1, swept.write) * measured.counterItemBytes;
      storageUsd = (storedBytes / 1e9) * price.storageGbMonth;
      breakdown.push([
        `${workload.name}, one batch per ${batching}`,
        `${probe.read.toFixed(2)} / ${probe.write.toFixed(2)}`,
        `${evaluate.read.toFixed(2)} / ${evaluate.write.toFixed(2)}`,
        `${swept.read.toFixed(2)} / ${swept.write.toFixed(2)}`,
        `${(probe.requests + evaluate.requests + swept.requests).toFixed(1)}`,
        `${Math.round(measured.resultItemBytes)} B`,
        `${Math.round(measured.counterItemBytes)} B`,
      ]);
    }
    const cell = (perMinute: { read: number; write: number }) =>
      `${perMinute.read.toFixed(2)} / ${perMinute.write.toFixed(2)} ($${requestUsd(perMinute).toFixed(3)})`;
    summary.push([
      workload.name,
      cell(workload.before),
      cell(after.round),
      cell(after.region),
      `$${storageUsd.toFixed(4)}`,
    ]);
  }
  await db.close();
  console.log(
    markdownTable(
      [
        'One check: RRU / WRU per minute (USD / month)',
        'Before (README)',
        'After, one stream batch per round',
        'After, one per region',
        'After: storage / month',
      ],
      summary,
    ),
  );
  console.log();
  console.log(
    markdownTable(
      [
        'After, by function',
        'Probe RRU / WRU',
        'Evaluate RRU / WRU',
        'Sweep RRU / WRU',
        'Requests / minute',
        'Result item',
        'Counter item',
      ],
      breakdown,
    ),
  );
}

await main();
