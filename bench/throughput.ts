import type { BatchOutcome, BenchEngine, ProbeSample } from './bench-engine';
import { type Summary, summarize } from './stats';
import type { Targets } from './target-process';
import { type BenchSize, protocols, targetUrl } from './workloads';

/** The concurrencies measured. */
export const throughputConcurrencies = [1, 10, 50, 200] as const;
/** The target delays measured, ms. */
export const throughputDelaysMs = [0, 50] as const;

/** One engine's figures in one throughput cell. */
export interface EngineThroughput {
  probes: number;
  /** Probes that did not succeed. */
  failures: number;
  /** The first failure's reason, when the engine gave one. */
  firstError?: string;
  probesPerSecond: number;
  /** CPU seconds (user + system) of the engine's process per 1000 probes. */
  cpuSecondsPer1000: number;
  /** TCP connections the target accepted per request it answered (1 = a new connection per probe). */
  connectionsPerRequest: number;
  /** Reported total minus the target's delay, ms, of the probes that succeeded. */
  overheadMs: Summary;
  /** The same, probe by probe (for the comparison's intervals). */
  overheadSamplesMs: number[];
  /** The reported TLS phase, ms (0 over http). */
  tlsMs: Summary;
  /** Lookout's `eventLoopDelayMs` (NaN for blackbox_exporter, which does not report one). */
  eventLoopDelayMs: Summary;
}

/** One throughput cell: a protocol, a delay and a concurrency, every engine. */
export interface ThroughputCell {
  protocol: 'http' | 'https';
  delayMs: number;
  concurrency: number;
  /** By engine name. */
  engines: Map<string, EngineThroughput>;
}

/** Probes per cell: enough to last about a second or more, few enough that the bench takes minutes. */
export function probeCount(delayMs: number, concurrency: number, size: BenchSize): number {
  const full =
    concurrency === 1 ? (delayMs === 0 ? 300 : 200) : concurrency === 10 && delayMs > 0 ? 400 : 1000;
  return size === 'full' ? full : Math.max(20, Math.round(full / 10));
}

/** Runs each engine's probes against the target a while, discarding the figures (JIT, TLS caches, pools). */
export async function warmUp(
  engines: readonly BenchEngine[],
  targets: Targets,
  size: BenchSize,
): Promise<void> {
  const count = size === 'full' ? 200 : 20;
  for (const engine of engines) {
    for (const protocol of protocols) {
      await engine.runBatch(targetUrl(targets, protocol, 0), protocol, count, 10);
    }
  }
  await targets.takeStats();
}

/** Each cell's probes are split into this many turns per engine, the engines alternating turn by turn. */
const turnsPerCell = 4;

/** The turns of one engine in a cell, as one batch. */
function mergeOutcomes(outcomes: BatchOutcome[]): BatchOutcome {
  return {
    samples: outcomes.flatMap((outcome) => outcome.samples),
    wallMs: outcomes.reduce((sum, outcome) => sum + outcome.wallMs, 0),
    cpuSeconds: outcomes.reduce((sum, outcome) => sum + outcome.cpuSeconds, 0),
  };
}

function figuresOf(
  outcome: BatchOutcome,
  delayMs: number,
  targetStats: { connections: number; requests: number },
): EngineThroughput {
  const count = outcome.samples.length;
  const failed = outcome.samples.filter((sample) => !sample.ok);
  const succeeded = outcome.samples.filter((sample) => sample.ok);
  const pick = (value: (sample: ProbeSample) => number) =>
    summarize(succeeded.map(value).filter(Number.isFinite));
  return {
    probes: count,
    failures: failed.length,
    ...(failed[0]?.error ? { firstError: failed[0].error } : {}),
    probesPerSecond: count / (outcome.wallMs / 1000),
    cpuSecondsPer1000: (outcome.cpuSeconds / count) * 1000,
    connectionsPerRequest:
      targetStats.requests === 0 ? Number.NaN : targetStats.connections / targetStats.requests,
    overheadMs: pick((sample) => sample.totalMs - delayMs),
    overheadSamplesMs: succeeded.map((sample) => sample.totalMs - delayMs).filter(Number.isFinite),
    tlsMs: pick((sample) => sample.phases.tlsMs),
    eventLoopDelayMs: pick((sample) => sample.eventLoopDelayMs ?? Number.NaN),
  };
}

/**
 * Runs every cell. Within a cell the engines take turns (ours, its, ours, its, ...), each turn a quarter of the
 * cell's probes with `concurrency` in flight, so that other work on the machine falls on both alike.
 */
export async function runThroughput(
  engines: readonly BenchEngine[],
  targets: Targets,
  size: BenchSize,
  log: (line: string) => void,
): Promise<ThroughputCell[]> {
  const cells: ThroughputCell[] = [];
  for (const protocol of protocols) {
    for (const delayMs of throughputDelaysMs) {
      for (const concurrency of throughputConcurrencies) {
        const count = probeCount(delayMs, concurrency, size);
        const perTurn = Math.max(concurrency, Math.ceil(count / turnsPerCell));
        const url = targetUrl(targets, protocol, delayMs);
        log(`throughput: ${protocol} delay ${delayMs} ms, c=${concurrency}, ${count} probes per engine`);
        const outcomes = new Map(engines.map((engine) => [engine.name, [] as BatchOutcome[]]));
        const targetTotals = new Map(engines.map((engine) => [engine.name, { connections: 0, requests: 0 }]));
        for (let done = 0; done < count; done += perTurn) {
          const turnCount = Math.min(perTurn, count - done);
          for (const engine of engines) {
            await targets.takeStats();
            outcomes.get(engine.name)?.push(await engine.runBatch(url, protocol, turnCount, concurrency));
            const stats = await targets.takeStats();
            const totals = targetTotals.get(engine.name);
            if (totals) {
              totals.connections += stats.connections;
              totals.requests += stats.requests;
            }
          }
        }
        const figures = new Map<string, EngineThroughput>();
        for (const engine of engines) {
          const merged = mergeOutcomes(outcomes.get(engine.name) ?? []);
          figures.set(
            engine.name,
            figuresOf(merged, delayMs, targetTotals.get(engine.name) ?? { connections: 0, requests: 0 }),
          );
        }
        cells.push({ protocol, delayMs, concurrency, engines: figures });
      }
    }
  }
  return cells;
}
