/**
 * The probe function at scale (`npm run bench -- probe-scale`, or add `--quick` to try it in seconds): the real probe
 * handler (functions/handlers/probe-handler.ts) with the real engine, against the bench's loopback target
 * (bench/target-server.ts, its own process) answering after 50 ms. Writes its section of bench/RESULTS.md.
 *
 * 1. One invocation of 1,000 checks, with a counting store and with the real DynamoDB adapter over dynalite (in
 *    this process, standing in for the remote table), each in a fresh process of its own: wall time of the
 *    invocation and the process's peak RSS. Target (issue 9): dynalite within 1.3× of counting, under 256 MiB.
 * 2. A minute of 10 s checks against a minute of 1-minute checks (counting store): the scheduled invocation
 *    queues the later rounds (a recording queue; the bench plays SQS and delivers each at its time on the
 *    handler's clock), so Lambda time is the sum of the invocations' wall times. Target: about six times.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { createDynamoDbClient } from '../functions/adapters/dynamodb/create-client';
import { createDynamoDbStore } from '../functions/adapters/dynamodb/create-dynamodb-store';
import { startDynalite } from '../functions/adapters/dynamodb/embedded-dynalite';
import { ensureTable } from '../functions/adapters/dynamodb/ensure-table';
import { createEmfMetricsSink } from '../functions/adapters/metrics/emf-metrics-sink';
import type { MonitorDeclaration } from '../functions/core';
import type { ResultStore } from '../functions/core/ports/result-store';
import type { QueuedRound } from '../functions/core/ports/round-queue';
import { deployedMonitor } from '../functions/core/resolve/monitor-variants';
import { validateMonitor } from '../functions/core/validate/validate-monitor';
import { createProbeHandler } from '../functions/handlers/probe-handler';
import { benchDir, workDir } from './bench-paths';
import { createBenchCertificates } from './certificates';
import { exitAfter, onExitStop } from './cleanup';
import { describeMachine } from './machine';
import { formatNumber, markdownTable } from './markdown-table';
import { upsertSection } from './results-sections';
import { summarize } from './stats';
import { startTargets } from './target-process';

const region = 'us-east-1';
const targetDelayMs = 50;
const fakeCredentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };
/** Lambda on arm64, us-east-1 list prices. */
const pricePerGbSecond = 0.0000133334;
const pricePerRequest = 0.2 / 1e6;
const probeMemoryGb = 1;
const minutesPerMonth = 43_200;

type Variant = 'counting' | 'dynalite';

/** What the parent asks a child to run. */
interface ChildTask {
  kind: 'invocation' | 'minute';
  variant: Variant;
  checkCount: number;
  interval: '1m' | '10s';
  targetOrigin: string;
  runs: number;
  dynamo?: { endpoint: string; tableName: string };
}

/** What a child reports. */
interface ChildReport {
  /** Wall time of each measured invocation (kind `invocation`), or each measured minute's invocations summed. */
  wallMs: number[];
  /** Invocations per measured minute (kind `minute`). */
  invocationsPerMinute: number;
  /** putResults calls and results of the last measured run. */
  writes: { calls: number; results: number };
  peakRssMiB: number;
  /** RSS once the modules are loaded, before the first invocation (tsx's TypeScript loader included). */
  startRssMiB: number;
}

function monitorOf(task: ChildTask) {
  const declaration: MonitorDeclaration = {
    homeRegion: region,
    regions: [region],
    defaults: { interval: task.interval, timeout: '5s' },
    checks: Array.from({ length: task.checkCount }, (_, index) => ({
      kind: 'http' as const,
      id: `check-${index}`,
      url: `${task.targetOrigin}/delay/${targetDelayMs}`,
    })),
  };
  const validation = validateMonitor(declaration);
  if (!validation.ok) throw new Error('the bench monitor is invalid');
  return deployedMonitor(validation.monitor);
}

/** Runs one task in this (child) process and reports it to the parent. */
async function runChild(task: ChildTask): Promise<ChildReport> {
  const startRssMiB = process.memoryUsage().rss / 2 ** 20;
  const monitor = monitorOf(task);
  const writes = { calls: 0, results: 0 };
  const counting: Pick<ResultStore, 'putResults'> = {
    async putResults(results) {
      writes.calls += 1;
      writes.results += results.length;
    },
  };
  const dynamo =
    task.dynamo === undefined
      ? undefined
      : createDynamoDbStore({
          client: createDynamoDbClient({
            region,
            endpoint: task.dynamo.endpoint,
            credentials: fakeCredentials,
          }),
          tableName: task.dynamo.tableName,
          checks: monitor.checks,
        });
  const store: Pick<ResultStore, 'putResults'> =
    dynamo === undefined
      ? counting
      : {
          async putResults(results, retentionMs) {
            await dynamo.putResults(results, retentionMs);
            await counting.putResults(results, retentionMs);
          },
        };
  const queued: QueuedRound[] = [];
  let clockMs = Math.ceil(Date.now() / 60_000) * 60_000;
  let logBytes = 0;
  const handler = createProbeHandler({
    monitor,
    region,
    store,
    // Embedded metric format lines and result lines are serialized as in Lambda, and counted, not printed.
    metrics: createEmfMetricsSink({ write: (line) => (logBytes += line.length) }),
    log: (entry) => {
      if (entry.level !== 'info') console.error(JSON.stringify(entry));
    },
    logResult: (line) => (logBytes += JSON.stringify(line).length),
    now: () => clockMs,
    resolveSecret: async () => '',
    roundQueue: {
      async queueRounds(rounds) {
        queued.push(...rounds);
        return { notQueued: [] };
      },
    },
  });
  const context = { getRemainingTimeInMillis: () => 80_000 };
  const timed = async (run: () => Promise<unknown>) => {
    const startedAt = performance.now();
    await run();
    return performance.now() - startedAt;
  };
  /** One scheduled invocation, then (kind `minute`) one per round it queued, each at its time. */
  const minute = async (): Promise<{ ms: number; invocations: number }> => {
    queued.length = 0;
    let ms = await timed(() => handler({ scheduledTime: new Date(clockMs).toISOString() }, context));
    let invocations = 1;
    for (const round of task.kind === 'minute' ? queued.splice(0) : []) {
      // SQS delivers the round at its time: the handler's clock moves there, the bench does not wait.
      clockMs = round.input.roundAtMs;
      const event = {
        Records: [{ messageId: 'm', body: JSON.stringify(round.input) }],
      } as unknown as SQSEvent;
      ms += await timed(() => handler(event, context));
      invocations += 1;
    }
    return { ms, invocations };
  };
  const wallMs: number[] = [];
  let invocationsPerMinute = 0;
  for (let run = 0; run <= task.runs; run++) {
    clockMs = Math.ceil((clockMs + 1) / 60_000) * 60_000;
    writes.calls = 0;
    writes.results = 0;
    const { ms, invocations } = await minute();
    // The first run warms up (JIT, the engine's first connections): not measured.
    if (run > 0) wallMs.push(ms);
    invocationsPerMinute = invocations;
  }
  if (logBytes === 0) throw new Error('nothing was logged');
  return {
    wallMs,
    invocationsPerMinute,
    writes,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    startRssMiB,
  };
}

/** Forks this file as a child (inheriting the tsx loader) for one task. */
function inChild(task: ChildTask): Promise<ChildReport> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['--child'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const unregister = onExitStop(() => child.kill('SIGTERM'));
  return new Promise<ChildReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench child exited with ${code} before reporting`)));
    child.once('message', (report: ChildReport | { error: string }) => {
      unregister();
      child.kill('SIGTERM');
      if ('error' in report) reject(new Error(report.error));
      else resolve(report);
    });
    child.send(task);
  });
}

interface Figures {
  invocation: Record<Variant, ChildReport>;
  minute: { oneMinute: ChildReport; tenSeconds: ChildReport };
  checkCount: number;
  minuteCheckCount: number;
}

function renderSection(figures: Figures, startedAt: Date, command: string): string {
  const machine = describeMachine();
  const counting = summarize(figures.invocation.counting.wallMs).median;
  const dynalite = summarize(figures.invocation.dynalite.wallMs).median;
  const invocationRows = (['counting', 'dynalite'] as const).map((variant) => {
    const report = figures.invocation[variant];
    const wall = summarize(report.wallMs);
    return [
      variant === 'counting' ? 'counting store' : 'DynamoDB adapter over dynalite',
      formatNumber(wall.median, 0),
      formatNumber(wall.min, 0),
      formatNumber(wall.max, 0),
      formatNumber(wall.median / counting, 2),
      `${report.writes.calls} / ${report.writes.results}`,
      formatNumber(report.peakRssMiB, 0),
      formatNumber(report.startRssMiB, 0),
    ];
  });
  const { oneMinute, tenSeconds } = figures.minute;
  const oneMs = summarize(oneMinute.wallMs).median;
  const tenMs = summarize(tenSeconds.wallMs).median;
  const monthly = (report: ChildReport, ms: number) =>
    ((ms / 1000) * probeMemoryGb * pricePerGbSecond + report.invocationsPerMinute * pricePerRequest) *
    minutesPerMonth;
  const minuteRows = [['1m', oneMinute, oneMs] as const, ['10s', tenSeconds, tenMs] as const].map(
    ([interval, report, ms]) => [
      interval,
      String(report.invocationsPerMinute),
      formatNumber(ms, 0),
      formatNumber(ms / oneMs, 2),
      formatNumber(monthly(report, ms), 3),
      formatNumber(monthly(report, ms) / figures.minuteCheckCount, 5),
    ],
  );
  return [
    '## The probe function at scale',
    '',
    `Generated by \`${command}\` (bench/probe-scale.ts) on ${startedAt.toISOString()}; ${machine.processors} × ${machine.cpuModel}, Node ${machine.nodeVersion}, 1-minute load average ${formatNumber(machine.loadAverageAtStart, 2)} at the start. Regenerated by each run of that command; the engine benchmark keeps this section.`,
    '',
    `- The real probe handler and engine, HTTP checks against the bench's loopback target (its own process) answering after ${targetDelayMs} ms, 50 probes at once. Each variant in a fresh process: one warm-up invocation, then the median of the measured ones; peak RSS of that process (the Lambda container's memory; "RSS before" is the same process once its modules are loaded, tsx's TypeScript loader included, which a Lambda bundle does not carry), results written as probes finish, 25 to a write.`,
    `- One invocation of ${figures.checkCount} checks. dynalite runs in the bench's parent process, standing in for the remote table (its CPU is not the probe's). Target: the DynamoDB run within 1.3× of the counting run, under 256 MiB.`,
    '',
    markdownTable(
      [
        'store',
        'wall median ms',
        'min ms',
        'max ms',
        '× counting',
        'writes / results',
        'peak RSS MiB',
        'RSS before MiB',
      ],
      invocationRows,
    ),
    '',
    `DynamoDB over counting: ${formatNumber(dynalite / counting, 2)}×.`,
    '',
    `- A minute of ${figures.minuteCheckCount} checks, counting store: the scheduled invocation runs the first round and queues each later round (SQS \`DelaySeconds\`), whose invocation probes just that round. Lambda time is the sum of the minute's invocations (the bench delivers each queued round at its time on the handler's clock instead of waiting). Before the round queue, a 10 s check's invocation slept through the minute: at least 50 s of Lambda time a minute. Cost at ${probeMemoryGb * 1024} MB arm64 ($${pricePerGbSecond} per GB-s, $0.20 per million requests), per month for the shard and per check; the round queue adds its SQS requests (about $0.19 a month per region and shard at 10 s, core/contract/schedule-input.ts).`,
    '',
    markdownTable(
      [
        'interval',
        'invocations a minute',
        'Lambda ms a minute',
        '× 1-minute checks',
        'USD a month (shard)',
        'USD per check-month',
      ],
      minuteRows,
    ),
  ].join('\n');
}

/** Runs the bench, writes its section of bench/RESULTS.md (or bench/.work/ with `--quick`). */
export async function runProbeScaleBench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  exitAfter(10 * 60_000);
  const startedAt = new Date();
  const certificates = await createBenchCertificates(workDir);
  const targets = await startTargets(certificates);
  const dynalite = await startDynalite();
  const client = createDynamoDbClient({ region, endpoint: dynalite.endpoint, credentials: fakeCredentials });
  const checkCount = quick ? 200 : 1_000;
  const minuteCheckCount = quick ? 20 : 100;
  const runs = quick ? 1 : 3;
  try {
    const invocation = {} as Record<Variant, ChildReport>;
    for (const variant of ['counting', 'dynalite'] as const) {
      const tableName = `probe-scale-${variant}-${Date.now()}`;
      if (variant === 'dynalite') await ensureTable(client, tableName);
      invocation[variant] = await inChild({
        kind: 'invocation',
        variant,
        checkCount,
        interval: '1m',
        targetOrigin: targets.httpOrigin,
        runs,
        ...(variant === 'dynalite' ? { dynamo: { endpoint: dynalite.endpoint, tableName } } : {}),
      });
      console.log(`${variant}: ${JSON.stringify(invocation[variant])}`);
    }
    const minuteTask = (interval: '1m' | '10s'): ChildTask => ({
      kind: 'minute',
      variant: 'counting',
      checkCount: minuteCheckCount,
      interval,
      targetOrigin: targets.httpOrigin,
      runs,
    });
    const oneMinute = await inChild(minuteTask('1m'));
    const tenSeconds = await inChild(minuteTask('10s'));
    console.log(`1m: ${JSON.stringify(oneMinute)}\n10s: ${JSON.stringify(tenSeconds)}`);
    const command = quick ? 'npm run bench -- probe-scale --quick' : 'npm run bench -- probe-scale';
    const section = renderSection(
      { invocation, minute: { oneMinute, tenSeconds }, checkCount, minuteCheckCount },
      startedAt,
      command,
    );
    console.log(`\n${section}\n`);
    const resultsPath = quick ? join(workDir, 'RESULTS-probe-scale-quick.md') : join(benchDir, 'RESULTS.md');
    const existing = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
    writeFileSync(resultsPath, upsertSection(existing, 'probe-scale', section));
    console.log(`wrote ${resultsPath}`);
  } finally {
    client.destroy();
    await dynalite.close();
    targets.stop();
  }
}

// Forked by `inChild`: run the task the parent sends.
if (process.argv.includes('--child')) {
  process.once('message', (task: ChildTask) => {
    runChild(task).then(
      (report) => process.send?.(report),
      (error: unknown) =>
        process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
