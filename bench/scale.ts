/**
 * Lookout at 1,000 and 10,000 checks (`npm run bench:scale`; add `--quick` to try it in a minute): writes its
 * section of bench/RESULTS.md.
 *
 * 1. Synthesis: the app of 10,000 checks shaped like the README's example, in this process as `cdk synth` runs it
 *    (infra's `Lookout` in a CDK `App`, every stack's functions bundled by esbuild): wall time and peak RSS.
 * 2. The real sweep and evaluate handlers (the functions/handlers factories) for a few simulated minutes of
 *    HTTPS checks from 3 regions with an availability and latency SLO, after two minutes of warm-up, with one
 *    check in fifty failing for two minutes:
 *    - at 1,000 and 10,000 checks over Lookout's store in memory (bench/memory-store.ts: each call held 5 ms, a
 *      DynamoDB round trip), with counting notifier and metrics sinks (each call 15 ms), in this process;
 *    - at 1,000 checks with the real AWS adapters over dynalite (its own process) through the counting proxy, with
 *      the functions in a process of their own (bench/lambda-process.ts), as bench/cost-check.ts runs them.
 *    The scheduler is played as infra sets it: every minute, one sweep per shard (`sweepShardCount`); the stream
 *    as bench/cost-check.ts plays it: each region's results in batches of 100. At 10,000 checks one evaluate
 *    batch in ten is run (an evaluate invocation handles its 100 records whatever the number of checks).
 *    Per invocation: wall time and CPU time, the longest, and the longest projected to Lambda's CPU share at
 *    infra's memory (a function of M MB gets M / 1,769 of a vCPU: its CPU time stretched by 1,769 / M), each
 *    against the function's timeout; store reads and writes per check-minute (request units over dynalite).
 * The probe function at scale is bench/probe-scale.ts's (`npm run bench -- probe-scale`): its section is quoted.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBRecord } from 'aws-lambda';
import { checkLookup } from '../functions/adapters/dynamodb/check-lookup';
import { createDynamoDbClient } from '../functions/adapters/dynamodb/create-client';
import { createDynamoDbStore } from '../functions/adapters/dynamodb/create-dynamodb-store';
import { ensureTable } from '../functions/adapters/dynamodb/ensure-table';
import { toResultItem } from '../functions/adapters/dynamodb/result-items';
import { defineMonitor, http, type ResolvedMonitor } from '../functions/core';
import { checkTarget } from '../functions/core/check-target';
import { dayMs, hourMs, minuteMs } from '../functions/core/declare/duration';
import { mapBounded } from '../functions/core/map-bounded';
import type { LookoutStore } from '../functions/core/ports/lookout-store';
import type { StoredResult } from '../functions/core/ports/stored-result';
import type { ProbeResult } from '../functions/core/probe-result';
import { deployedMonitor } from '../functions/core/resolve/monitor-variants';
import { sweepShardCount } from '../functions/core/schedule/placement';
import { roundAtFor } from '../functions/core/schedule/round-at';
import { addLatencies } from '../functions/core/slo/latency-histogram';
import { validateMonitor } from '../functions/core/validate/validate-monitor';
import { createEvaluateHandler } from '../functions/handlers/evaluate-handler';
import { createSweepHandler } from '../functions/handlers/sweep-handler';
import type { EvaluationDeps } from '../functions/runtime/evaluation-deps';
import { homeFunctionMemoryMb, homeFunctionTimeout } from '../infra/home-stack';
import { readmeShapedMonitor } from '../test/infra/infra-monitors';
import { synthLookout } from '../test/infra/synth-lookout';
import { realHttpsResult, threeAssertions } from '../test/support/real-https-result';
import { benchDir, workDir } from './bench-paths';
import { exitAfter, runToCompletion } from './cleanup';
import { type Invocation, memoryMbPerVcpu, startLambdaProcess } from './lambda-process';
import {
  assumedLatencyMs,
  DynamoTally,
  loopbackHomeRegion as homeRegion,
  loopbackRegions as regions,
  startForwardingProxy,
  startServicesProcess,
  loopbackTopicArn as topicArn,
} from './loopback-aws';
import { describeMachine } from './machine';
import { formatNumber, markdownTable } from './markdown-table';
import { createMemoryStore } from './memory-store';
import { extractSection, upsertSection } from './results-sections';
import { summarize } from './stats';

const timeoutMs = homeFunctionTimeout.toMilliseconds();
const batchSize = 100;

// ─── Synthesis ───────────────────────────────────────────────────────────────────────────────────────────────

interface SynthFigures {
  checks: number;
  bundledSeconds: number;
  peakRssMiB: number;
}

/** Synthesizes the app of `count` checks with every stack bundled, as `cdk synth` does. */
function timeSynth(count: number): SynthFigures {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-scale-synth-'));
  try {
    const monitor = readmeShapedMonitor(count);
    const started = performance.now();
    synthLookout({ monitor, outdir, bundlingStacks: ['**'] });
    return {
      checks: count,
      bundledSeconds: (performance.now() - started) / 1000,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// ─── Sweep and evaluate ──────────────────────────────────────────────────────────────────────────────────────

/** The checks of the run: HTTPS, every minute, 3 regions, availability and latency SLO, three assertions. */
function standardMonitor(count: number): ResolvedMonitor {
  const validation = validateMonitor(
    defineMonitor({
      homeRegion,
      regions,
      checks: Array.from({ length: count }, (_, index) =>
        http({
          id: `service-${index}`,
          url: `https://service-${index}.example.com/health`,
          assert: threeAssertions,
          slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } },
        }),
      ),
    }),
  );
  if (!validation.ok) throw new Error(`the bench monitor is invalid: ${JSON.stringify(validation.problems)}`);
  return deployedMonitor(validation.monitor);
}

/** Counters of a steady state: one before each SLO window start the sweep reads, and one a minute before the start. */
async function seedCounters(store: LookoutStore, monitor: ResolvedMonitor, startMs: number): Promise<void> {
  const firstMs = startMs - 31 * dayMs;
  const times = [
    firstMs,
    startMs - 3 * dayMs - hourMs,
    startMs - 7 * hourMs,
    startMs - 2 * hourMs,
    startMs - 45 * minuteMs,
    startMs - 15 * minuteMs,
    startMs - minuteMs,
  ];
  const spread = Array.from({ length: 200 }, (_, index) => 30 * 20 ** (index / 199));
  const writes = monitor.checks.flatMap((resolved) =>
    times.map((atMs) => {
      const minutes = Math.floor((atMs - firstMs) / minuteMs);
      const total = minutes * resolved.regions.length;
      return {
        checkId: resolved.id,
        counter: {
          atMs,
          total,
          availabilityGood: total - Math.floor(minutes / 1000),
          latencyGood: total - Math.floor(minutes / 200),
          countedThroughRoundAtMs: roundAtFor(
            resolved,
            atMs === startMs - minuteMs ? startMs - 1 : atMs - minuteMs,
          ),
          partialRounds: [],
          lastReportedMs: Object.fromEntries(
            resolved.regions.map((region) => [region, atMs - minuteMs + 250]),
          ),
          latencyHistogram: addLatencies([], spread).map((count) =>
            Math.round((count * total) / spread.length),
          ),
        },
      };
    }),
  );
  await mapBounded(writes, 64, async ({ checkId, counter }) => {
    await store.putCounter(checkId, counter, 32 * dayMs);
  });
}

/** What one function did over the measured minutes. */
interface FunctionFigures {
  invocations: number;
  wallMs: number[];
  cpuMs: number[];
  /** Checks handled, summed over invocations (check-batches for evaluate, checks swept for the sweep). */
  checkCalls: number;
  reads: number;
  writes: number;
  /** Request units (dynalite only). */
  readUnits?: number;
  writeUnits?: number;
}

interface RunFigures {
  label: string;
  checks: number;
  sweepShards: number;
  minutes: number;
  sweep: FunctionFigures;
  evaluate: FunctionFigures;
  /** Evaluate batches run per region and minute, of those the stream had. */
  evaluateBatches: { run: number; of: number };
  peakRssMiB: number;
}

/** Runs invocations of the sweep and evaluate handlers and reports each one's wall and CPU time. */
interface Invoker {
  invoke(invocation: Invocation, atMs: number): Promise<{ wallMs: number; cpuMs: number }>;
  /** Store calls so far (reads, writes, and request units when counted), by function. */
  counts(fn: 'sweep' | 'evaluate'): {
    reads: number;
    writes: number;
    readUnits?: number;
    writeUnits?: number;
  };
  /** The store the bench writes results and seeds counters through (not counted). */
  setupStore: LookoutStore;
  /** Stream records of the results just written. */
  records(results: readonly StoredResult[]): DynamoDBRecord[];
  close(): Promise<void>;
}

function emptyFigures(): FunctionFigures {
  return { invocations: 0, wallMs: [], cpuMs: [], checkCalls: 0, reads: 0, writes: 0 };
}

let sequence = 0;
function streamRecords(items: Record<string, unknown>[]): DynamoDBRecord[] {
  return items.map((item) => {
    sequence += 1;
    return {
      eventName: 'INSERT' as const,
      dynamodb: {
        SequenceNumber: String(sequence).padStart(21, '0'),
        NewImage: item as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      },
    };
  });
}

/** The handlers in this process over the store in memory. */
function memoryInvoker(
  monitor: ResolvedMonitor,
  clock: { now: () => number; at: (ms: number) => void },
): Invoker {
  const store = createMemoryStore({ latencyMs: assumedLatencyMs.dynamoDb, keepResultsMs: 6 * minuteMs });
  const byFunction = { sweep: { reads: 0, writes: 0 }, evaluate: { reads: 0, writes: 0 } };
  const held = () => new Promise<void>((resolve) => setTimeout(resolve, assumedLatencyMs.otherServices));
  const deps = (): EvaluationDeps => ({
    monitor,
    store,
    notifier: { publish: held },
    metrics: { putMetrics: held },
    owner: crypto.randomUUID(),
    now: clock.now,
    log: (entry) => {
      if (entry.level !== 'info') console.error(`  ${JSON.stringify(entry).slice(0, 300)}`);
    },
  });
  const evaluate = createEvaluateHandler(deps);
  const sweep = createSweepHandler(deps);
  const lookup = checkLookup(monitor.checks);
  return {
    async invoke(invocation, atMs) {
      clock.at(atMs);
      const before = { ...store.counts };
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      if (invocation.fn === 'sweep') await sweep(invocation.event);
      else if (invocation.fn === 'evaluate') await evaluate(invocation.event);
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      if (invocation.fn !== 'probe') {
        byFunction[invocation.fn].reads += store.counts.reads - before.reads;
        byFunction[invocation.fn].writes += store.counts.writes - before.writes;
      }
      return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
    },
    counts: (fn) => ({ ...byFunction[fn] }),
    setupStore: store,
    records: (results) =>
      streamRecords(results.map((stored) => toResultItem(stored, monitor.retentionMs, lookup))),
    async close() {},
  };
}

/** The handlers with the real AWS adapters in a process of their own, over dynalite through the counting proxy. */
async function dynaliteInvoker(monitor: ResolvedMonitor): Promise<Invoker> {
  const services = await startServicesProcess();
  const tally = new DynamoTally();
  const proxy = await startForwardingProxy({
    target: services.dynamoEndpoint,
    rewrite: tally.rewrite,
    observe: tally.observe,
    latencyMs: () => assumedLatencyMs.dynamoDb,
  });
  const held = async (target: string) =>
    startForwardingProxy({ target, latencyMs: () => assumedLatencyMs.otherServices });
  const { startCloudWatchEndpoint } = await import('../test/support/cloudwatch-endpoint');
  const { startSnsEndpoint } = await import('../test/support/sns-endpoint');
  const cloudWatch = await startCloudWatchEndpoint();
  const sns = await startSnsEndpoint([topicArn]);
  const [cloudWatchProxy, snsProxy] = await Promise.all([held(cloudWatch.url), held(sns.url)]);
  process.env.AWS_ACCESS_KEY_ID = 'bench';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench';
  process.env.AWS_ENDPOINT_URL_DYNAMODB = proxy.endpoint;
  process.env.AWS_ENDPOINT_URL_CLOUDWATCH = cloudWatchProxy.endpoint;
  process.env.AWS_ENDPOINT_URL_SNS = snsProxy.endpoint;
  const tableName = `scale-${Date.now()}`;
  const client = createDynamoDbClient({
    region: homeRegion,
    endpoint: services.dynamoEndpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  await ensureTable(client, tableName);
  const lambda = await startLambdaProcess({
    monitor,
    homeRegion,
    regions: [],
    tableName,
    topicArn,
    roundQueueUrls: {},
  });
  const lookup = checkLookup(monitor.checks);
  return {
    async invoke(invocation, atMs) {
      tally.phase = invocation.fn;
      tally.counting = true;
      const report = await lambda.invoke(invocation, atMs, timeoutMs);
      tally.counting = false;
      return { wallMs: report.wallMs, cpuMs: report.cpuMs };
    },
    counts(fn) {
      const total = tally.total([fn]);
      return {
        reads: total.reads,
        writes: total.writes,
        readUnits: total.readUnits,
        writeUnits: total.writeUnits,
      };
    },
    setupStore: createDynamoDbStore({ client, tableName, checks: monitor.checks }),
    records: (results) =>
      streamRecords(results.map((stored) => toResultItem(stored, monitor.retentionMs, lookup))),
    async close() {
      lambda.stop();
      client.destroy();
      await Promise.all([proxy, cloudWatchProxy, snsProxy].map((each) => each.close()));
      await Promise.all([cloudWatch, sns].map((each) => each.close()));
      services.stop();
    },
  };
}

/** The results of one round: every check from every region, from the template (a real engine's result). */
function roundResults(
  monitor: ResolvedMonitor,
  templates: { ok: ProbeResult; failed: ProbeResult },
  roundAtMs: number,
  failing: (index: number) => boolean,
): StoredResult[] {
  return regions.flatMap((region, regionIndex) =>
    monitor.checks.map((resolved, index) => ({
      result: {
        ...(failing(index) ? templates.failed : templates.ok),
        checkId: resolved.id,
        region,
        target: checkTarget(resolved),
        startedAt: new Date(roundAtMs + 150 + 40 * regionIndex + (index % 50)).toISOString(),
      },
      roundAtMs,
    })),
  );
}

async function runAtScale(
  label: string,
  checks: number,
  variant: 'memory' | 'dynalite',
  templates: { ok: ProbeResult; failed: ProbeResult },
  timing: { warmUpMinutes: number; minutes: number },
  evaluateShare: number,
  log: (line: string) => void,
): Promise<RunFigures> {
  const monitor = standardMonitor(checks);
  let baseMs = 0;
  let realBaseMs = performance.now();
  const clock = {
    now: () => baseMs + (performance.now() - realBaseMs),
    at: (ms: number) => {
      baseMs = ms;
      realBaseMs = performance.now();
    },
  };
  const invoker = variant === 'memory' ? memoryInvoker(monitor, clock) : await dynaliteInvoker(monitor);
  const startMs = Math.ceil(Date.now() / hourMs) * hourMs;
  log(`${label}: seeding counters`);
  await seedCounters(invoker.setupStore, monitor, startMs);
  const shards = sweepShardCount(checks);
  const figures = { sweep: emptyFigures(), evaluate: emptyFigures() };
  let countsBefore = { sweep: invoker.counts('sweep'), evaluate: invoker.counts('evaluate') };
  const batchesPerRegion = Math.ceil(checks / batchSize);
  const evaluatedBatches = Math.max(1, Math.round(batchesPerRegion * evaluateShare));
  const totalMinutes = timing.warmUpMinutes + timing.minutes;
  try {
    for (let minute = 0; minute < totalMinutes; minute++) {
      const measured = minute >= timing.warmUpMinutes;
      if (minute === timing.warmUpMinutes) {
        countsBefore = { sweep: invoker.counts('sweep'), evaluate: invoker.counts('evaluate') };
      }
      const minuteStartMs = startMs + minute * minuteMs;
      const record = (
        fn: 'sweep' | 'evaluate',
        report: { wallMs: number; cpuMs: number },
        checkCalls: number,
      ) => {
        if (!measured) return;
        figures[fn].invocations += 1;
        figures[fn].wallMs.push(report.wallMs);
        figures[fn].cpuMs.push(report.cpuMs);
        figures[fn].checkCalls += checkCalls;
      };
      for (let shard = 0; shard < shards; shard++) {
        const report = await invoker.invoke(
          { fn: 'sweep', event: { shard, shardCount: shards } },
          minuteStartMs,
        );
        record('sweep', report, checks / shards);
      }
      // The minute's round: written by the probes, then on the stream, region by region.
      const failing = (index: number) =>
        index % 50 === 0 && minute >= timing.warmUpMinutes && minute < timing.warmUpMinutes + 2;
      const results = roundResults(monitor, templates, minuteStartMs, failing);
      await mapBounded(
        Array.from({ length: Math.ceil(results.length / 25) }, (_, index) =>
          results.slice(index * 25, index * 25 + 25),
        ),
        16,
        (batch) => invoker.setupStore.putResults(batch, monitor.retentionMs),
      );
      for (const region of regions) {
        const regionResults = results.filter((stored) => stored.result.region === region);
        for (let batch = 0; batch < evaluatedBatches; batch++) {
          const slice = regionResults.slice(batch * batchSize, (batch + 1) * batchSize);
          const report = await invoker.invoke(
            { fn: 'evaluate', event: { Records: invoker.records(slice) } },
            minuteStartMs + 1_000,
          );
          record('evaluate', report, slice.length);
        }
      }
      log(`${label}: minute ${minute + 1} of ${totalMinutes}`);
    }
    const countsAfter = { sweep: invoker.counts('sweep'), evaluate: invoker.counts('evaluate') };
    for (const fn of ['sweep', 'evaluate'] as const) {
      figures[fn].reads = countsAfter[fn].reads - countsBefore[fn].reads;
      figures[fn].writes = countsAfter[fn].writes - countsBefore[fn].writes;
      const unitsAfter = countsAfter[fn];
      const unitsBefore = countsBefore[fn];
      if (unitsAfter.readUnits !== undefined && unitsBefore.readUnits !== undefined) {
        figures[fn].readUnits = unitsAfter.readUnits - unitsBefore.readUnits;
        figures[fn].writeUnits = (unitsAfter.writeUnits ?? 0) - (unitsBefore.writeUnits ?? 0);
      }
    }
  } finally {
    await invoker.close();
  }
  return {
    label,
    checks,
    sweepShards: shards,
    minutes: timing.minutes,
    ...figures,
    evaluateBatches: { run: evaluatedBatches, of: batchesPerRegion },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

// ─── The report ──────────────────────────────────────────────────────────────────────────────────────────────

/** Wall time at Lambda's CPU share: the CPU part stretched by 1,769 / memory. */
function projectedMs(wallMs: number, cpuMs: number, memoryMb: number): number {
  return wallMs + cpuMs * (Math.max(1, memoryMbPerVcpu / memoryMb) - 1);
}

function functionRows(run: RunFigures): string[][] {
  return (['sweep', 'evaluate'] as const).map((fn) => {
    const f = run[fn];
    const wall = summarize(f.wallMs);
    const cpu = summarize(f.cpuMs);
    const projected = Math.max(
      ...f.wallMs.map((ms, index) => projectedMs(ms, f.cpuMs[index] ?? 0, homeFunctionMemoryMb)),
    );
    // Per check-minute: the sweep handles each check once a minute; evaluate once per region and minute.
    const perCheckMinute = fn === 'sweep' ? f.checkCalls : f.checkCalls / regions.length;
    const units =
      f.readUnits === undefined
        ? '—'
        : `${formatNumber(f.readUnits / perCheckMinute, 2)} / ${formatNumber((f.writeUnits ?? 0) / perCheckMinute, 2)}`;
    return [
      run.label,
      fn === 'sweep'
        ? `sweep (${run.sweepShards} ${run.sweepShards === 1 ? 'shard' : 'shards'})`
        : 'evaluate (100 records)',
      String(f.invocations),
      `${formatNumber(wall.median, 0)} / ${formatNumber(wall.max, 0)}`,
      `${formatNumber(cpu.median, 0)} / ${formatNumber(cpu.max, 0)}`,
      formatNumber(projected, 0),
      `${formatNumber(timeoutMs / projected, 1)}×`,
      `${formatNumber(f.reads / perCheckMinute, 2)} / ${formatNumber(f.writes / perCheckMinute, 2)}`,
      units,
    ];
  });
}

function renderSection(
  synth: SynthFigures,
  runs: RunFigures[],
  startedAt: Date,
  command: string,
  probeScale: string | undefined,
): string {
  const machine = describeMachine();
  return [
    '## Lookout at 1,000 and 10,000 checks',
    '',
    `Generated by \`${command}\` (bench/scale.ts) on ${startedAt.toISOString()}; ${machine.processors} × ${machine.cpuModel}, Node ${machine.nodeVersion}, 1-minute load average ${formatNumber(machine.loadAverageAtStart, 2)} at the start.`,
    '',
    `- Synthesis of ${synth.checks.toLocaleString('en-US')} checks shaped like the README's example (secret header, five assertions, degraded latency, SLO), in one process as \`cdk synth\` runs it, every stack's functions bundled by esbuild: **${formatNumber(synth.bundledSeconds, 1)} s**, peak RSS ${formatNumber(synth.peakRssMiB, 0)} MiB.`,
    `- The real sweep and evaluate handlers, HTTPS checks every minute from 3 regions with an availability and latency SLO (one in fifty failing for two minutes), ${runs[0]?.minutes ?? 0} measured minutes after two of warm-up. "Memory": Lookout's store in memory, 5 ms per call (a DynamoDB round trip), in this process. "dynalite": the real AWS adapters over dynalite through the counting proxy (DynamoDB ${assumedLatencyMs.dynamoDb} ms at least per request, CloudWatch and SNS ${assumedLatencyMs.otherServices} ms), the functions in a process of their own. At 10,000 checks one evaluate batch in ${formatNumber(1 / ((runs[1]?.evaluateBatches.run ?? 1) / (runs[1]?.evaluateBatches.of ?? 1)), 0)} is run (each handles its 100 records whatever the number of checks).`,
    `- Wall and CPU ms are median / longest per invocation on this machine (one whole core). "Longest at Lambda's CPU share": the longest invocation with its CPU time stretched by ${memoryMbPerVcpu} / ${homeFunctionMemoryMb} (a ${homeFunctionMemoryMb} MB function gets ${formatNumber(homeFunctionMemoryMb / memoryMbPerVcpu, 2)} of a vCPU), against the ${timeoutMs / 1000} s timeout (infra/home-stack.ts). Store calls are reads (queries and point reads) / items written per check-minute; request units per check-minute over dynalite.`,
    '',
    markdownTable(
      [
        'run',
        'function',
        'invocations',
        'wall ms',
        'CPU ms',
        "longest at Lambda's CPU share, ms",
        'timeout ÷ that',
        'reads / writes per check-minute',
        'RRU / WRU per check-minute',
      ],
      runs.flatMap(functionRows),
      2,
    ),
    '',
    `Peak RSS of the bench process: ${runs.map((run) => `${formatNumber(run.peakRssMiB, 0)} MiB after ${run.label}`).join(', ')} (the store in memory holds six minutes of results of every check).`,
    '',
    probeScale === undefined
      ? 'The probe function at scale: run `npm run bench -- probe-scale` (bench/probe-scale.ts) for its section.'
      : 'The probe function at scale is measured by `npm run bench -- probe-scale` (bench/probe-scale.ts), in its own section of this file: one invocation of 1,000 checks, and sub-minute rounds.',
  ].join('\n');
}

/** Runs the bench: `npm run bench:scale`, or `npm run bench -- scale` (bench/run.ts). */
export async function runScaleBench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  exitAfter(60 * 60_000);
  const startedAt = new Date();
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const synthChecks = quick ? 1_000 : 10_000;
  log(`synthesizing ${synthChecks} checks`);
  const synth = timeSynth(synthChecks);
  log(`synth: ${synth.bundledSeconds.toFixed(1)} s, peak RSS ${synth.peakRssMiB.toFixed(0)} MiB`);
  const ok = await realHttpsResult({ assertions: threeAssertions });
  const failed = await realHttpsResult({
    assertions: threeAssertions,
    respond: {
      kind: 'respond',
      status: 503,
      body: 'upstream connect error or disconnect/reset before headers',
    },
  });
  const templates = { ok: ok.result, failed: failed.result };
  const timing = quick ? { warmUpMinutes: 1, minutes: 2 } : { warmUpMinutes: 2, minutes: 3 };
  const small = quick ? 200 : 1_000;
  const large = quick ? 2_000 : 10_000;
  const runs: RunFigures[] = [];
  runs.push(
    await runAtScale(`${small.toLocaleString('en-US')}, memory`, small, 'memory', templates, timing, 1, log),
  );
  runs.push(
    await runAtScale(
      `${large.toLocaleString('en-US')}, memory`,
      large,
      'memory',
      templates,
      timing,
      0.1,
      log,
    ),
  );
  runs.push(
    await runAtScale(
      `${small.toLocaleString('en-US')}, dynalite`,
      small,
      'dynalite',
      templates,
      timing,
      1,
      log,
    ),
  );

  const command = quick ? 'npm run bench:scale -- --quick' : 'npm run bench:scale';
  const resultsPath = quick ? join(workDir, 'RESULTS-scale-quick.md') : join(benchDir, 'RESULTS.md');
  const existing = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const section = renderSection(synth, runs, startedAt, command, extractSection(existing, 'probe-scale'));
  console.log(`\n${section}\n`);
  writeFileSync(resultsPath, upsertSection(existing, 'scale', section));
  log(`wrote ${resultsPath}`);
}

// Run directly (`npm run bench:scale`), not imported by bench/run.ts.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runToCompletion(runScaleBench);
}
