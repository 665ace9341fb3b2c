/**
 * Lookout's Lambda functions for a bench, in a process of their own (the containers): the probe function of each
 * region, evaluate and sweep, built as their entry points build them (functions/handlers/*.ts: the handler
 * factories with the real AWS adapters, which reach the loopback endpoints the parent put in the environment),
 * invoked one at a time by the parent, which plays AWS around them. Each invocation runs on a simulated clock (set
 * to the invocation's time, then moving with real time) and reports its wall time, this process's CPU time, its
 * log bytes and what it returned: the process does nothing else, so these are the function's own.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { createAwsEvaluationAdapters } from '../functions/adapters/aws-evaluation-adapters';
import { createAwsProbeAdapters } from '../functions/adapters/aws-probe-adapters';
import { createEmfMetricsSink } from '../functions/adapters/metrics/emf-metrics-sink';
import type { ScheduledInput } from '../functions/core/contract/schedule-input';
import { minuteMs } from '../functions/core/declare/duration';
import type { ResolvedMonitor } from '../functions/core/resolve/resolved-monitor';
import { checksForRegion } from '../functions/core/schedule/placement';
import { createEvaluateHandler } from '../functions/handlers/evaluate-handler';
import { createProbeHandler } from '../functions/handlers/probe-handler';
import { createSweepHandler } from '../functions/handlers/sweep-handler';
import type { EvaluationDeps, LogEntry } from '../functions/runtime/evaluation-deps';
import { onExitStop } from './cleanup';

const childFlag = '--lambda-process';

/** The memory at which Lambda gives a function one whole vCPU (it gives memory / 1,769 MB of one). */
export const memoryMbPerVcpu = 1769;

/** What the functions are built from. */
export interface LambdaProcessOptions {
  monitor: ResolvedMonitor;
  homeRegion: string;
  /** The probe regions: one probe function each. */
  regions: string[];
  tableName: string;
  topicArn: string;
  /** The round queue URL of each region that has sub-minute checks (as infra sets it). */
  roundQueueUrls: Record<string, string>;
}

/** An invocation to run. */
export type Invocation =
  | { fn: 'probe'; region: string; event: ScheduledInput | SQSEvent }
  | { fn: 'evaluate'; event: DynamoDBStreamEvent }
  | { fn: 'sweep'; event: ScheduledInput };

/** What one invocation did. */
export interface InvocationReport {
  wallMs: number;
  /** CPU time of the process during the invocation (user and system). */
  cpuMs: number;
  /** Bytes the function logged of its own (summary lines, warnings, EMF documents), newline included. */
  logBytes: number;
  /** Bytes of the probe's result lines, and how many. */
  resultLogBytes: number;
  resultLines: number;
  /** The series of the EMF documents it logged (`namespace|name|dimension=value,...`). */
  emfSeries: string[];
  /** What the handler returned. */
  reply: unknown;
}

type ParentMessage =
  | ({ type: 'init' } & LambdaProcessOptions)
  | { type: 'invoke'; id: number; invocation: Invocation; atMs: number; timeoutMs: number };

type ChildMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; report: InvocationReport }
  | { type: 'failed'; id?: number; error: string };

/** The running functions. */
export interface LambdaProcess {
  /** Runs one invocation at `atMs` on the simulated clock, with Lambda's `timeoutMs`. Rejects if it threw. */
  invoke(invocation: Invocation, atMs: number, timeoutMs: number): Promise<InvocationReport>;
  stop(): void;
}

/** Forks this file as the functions' process (inheriting the tsx loader and the environment) and builds them. */
export async function startLambdaProcess(options: LambdaProcessOptions): Promise<LambdaProcess> {
  // BENCH_CPU_PROF_DIR=<dir> profiles the functions (a .cpuprofile written there when the process ends).
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, [childFlag], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [
      ...process.execArgv,
      ...(profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
    ],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const unregister = onExitStop(stop);
  const waiting = new Map<
    number,
    { resolve: (report: InvocationReport) => void; reject: (error: Error) => void }
  >();
  let ready: { resolve: () => void; reject: (error: Error) => void } | undefined;
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'ready') ready?.resolve();
    else if (message.type === 'done') {
      waiting.get(message.id)?.resolve(message.report);
      waiting.delete(message.id);
    } else if (message.id === undefined) ready?.reject(new Error(message.error));
    else {
      waiting.get(message.id)?.reject(new Error(message.error));
      waiting.delete(message.id);
    }
  });
  child.once('exit', (code) => {
    const error = new Error(`the functions' process exited (${code})`);
    ready?.reject(error);
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  await new Promise<void>((resolve, reject) => {
    ready = { resolve, reject };
    child.send({ type: 'init', ...options } satisfies ParentMessage);
  });
  let nextId = 1;
  return {
    invoke(invocation, atMs, timeoutMs) {
      const id = nextId++;
      return new Promise<InvocationReport>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ type: 'invoke', id, invocation, atMs, timeoutMs } satisfies ParentMessage);
      });
    },
    stop() {
      unregister();
      // Disconnecting ends the process by itself (writing its profile, if asked); a stuck one is killed.
      if (child.connected) child.disconnect();
      setTimeout(stop, 5_000).unref();
    },
  };
}

/** The series of one embedded metric format line. */
export function emfSeries(line: string): string[] {
  const document = JSON.parse(line) as Record<string, unknown> & {
    _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  };
  return document._aws.CloudWatchMetrics.flatMap((directive) =>
    directive.Metrics.flatMap((metric) =>
      directive.Dimensions.map((names) =>
        seriesKey(
          directive.Namespace,
          metric.Name,
          names.map((name) => ({ Name: name, Value: String(document[name]) })),
        ),
      ),
    ),
  );
}

/** A metric series' identity: `namespace|name|dimension=value,...`, dimensions sorted by name. */
export function seriesKey(
  namespace: string,
  name: string,
  dimensions: readonly { Name: string; Value: string }[],
): string {
  const sorted = [...dimensions].sort((a, b) => a.Name.localeCompare(b.Name));
  return `${namespace}|${name}|${sorted.map((d) => `${d.Name}=${d.Value}`).join(',')}`;
}

/** The functions, in the child. */
function runFunctions(): void {
  let baseMs = 0;
  let realBaseMs = performance.now();
  const now = () => baseMs + (performance.now() - realBaseMs);
  let current: InvocationReport | undefined;
  const handlerLog = (entry: LogEntry) => {
    const line = JSON.stringify({ time: new Date(now()).toISOString(), ...entry });
    if (current !== undefined) current.logBytes += line.length + 1;
    if (entry.level !== 'info') console.error(`  [function] ${line.slice(0, 400)}`);
  };
  let run: ((invocation: Invocation, timeoutMs: number) => Promise<unknown>) | undefined;

  const build = (options: LambdaProcessOptions) => {
    const { monitor } = options;
    const evaluationAdapters = createAwsEvaluationAdapters({
      homeRegion: options.homeRegion,
      tableName: options.tableName,
      topicArn: options.topicArn,
      checks: monitor.checks,
    });
    const evaluationDeps = (): EvaluationDeps => ({
      monitor,
      ...evaluationAdapters,
      owner: crypto.randomUUID(),
      now,
      log: handlerLog,
    });
    const evaluate = createEvaluateHandler(evaluationDeps);
    const sweep = createSweepHandler(evaluationDeps);
    const probes = new Map(
      options.regions.map((region) => {
        const checks = checksForRegion(monitor, region);
        const roundQueueUrl = options.roundQueueUrls[region];
        if (roundQueueUrl === undefined && checks.some((check) => check.intervalMs < minuteMs)) {
          throw new Error(`${region} has sub-minute checks and no round queue`);
        }
        const handler = createProbeHandler({
          monitor,
          region,
          now,
          log: handlerLog,
          logResult: (line) => {
            if (current === undefined) return;
            current.resultLogBytes += JSON.stringify(line).length + 1;
            current.resultLines += 1;
          },
          ...createAwsProbeAdapters({
            homeRegion: options.homeRegion,
            region,
            tableName: options.tableName,
            checks,
            ...(roundQueueUrl === undefined ? {} : { roundQueueUrl }),
          }),
          // The probe's own metrics, as embedded metric format lines in its log: counted, not printed.
          metrics: createEmfMetricsSink({
            write: (line) => {
              if (current === undefined) return;
              current.logBytes += line.length + 1;
              current.emfSeries.push(...emfSeries(line));
            },
          }),
        });
        return [region, handler] as const;
      }),
    );
    run = async (invocation, timeoutMs) => {
      const started = performance.now();
      const context = { getRemainingTimeInMillis: () => timeoutMs - (performance.now() - started) };
      if (invocation.fn === 'evaluate') return evaluate(invocation.event);
      if (invocation.fn === 'sweep') return sweep(invocation.event);
      const probe = probes.get(invocation.region);
      if (probe === undefined) throw new Error(`no probe function in ${invocation.region}`);
      return probe(invocation.event, context);
    };
  };

  process.on('message', async (message: ParentMessage) => {
    if (message.type === 'init') {
      try {
        build(message);
        process.send?.({ type: 'ready' } satisfies ChildMessage);
      } catch (error) {
        process.send?.({ type: 'failed', error: String(error) } satisfies ChildMessage);
      }
      return;
    }
    const report: InvocationReport = {
      wallMs: 0,
      cpuMs: 0,
      logBytes: 0,
      resultLogBytes: 0,
      resultLines: 0,
      emfSeries: [],
      reply: undefined,
    };
    current = report;
    baseMs = message.atMs;
    realBaseMs = performance.now();
    const cpuBefore = process.cpuUsage();
    try {
      if (run === undefined) throw new Error('invoked before init');
      report.reply = await run(message.invocation, message.timeoutMs);
      report.wallMs = performance.now() - realBaseMs;
      const cpu = process.cpuUsage(cpuBefore);
      report.cpuMs = (cpu.user + cpu.system) / 1000;
      current = undefined;
      process.send?.({ type: 'done', id: message.id, report } satisfies ChildMessage);
    } catch (error) {
      current = undefined;
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ type: 'failed', id: message.id, error: text } satisfies ChildMessage);
    }
  });
  // The IPC channel closes when the bench exits, however it exits: stop then.
  process.on('disconnect', () => process.exit(0));
}

// Forked by `startLambdaProcess`.
if (process.argv.includes(childFlag)) runFunctions();
