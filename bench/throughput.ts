import type { BenchEngine } from './bench-engine';
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
    concurrency === 1 ? (delayMs === 0 ? 300 : 100) : concurrency === 10 && delayMs > 0 ? 400 : 1000;
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

/** Runs every cell, the engines one after the other within a cell. */
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
        const url = targetUrl(targets, protocol, delayMs);
        const figures = new Map<string, EngineThroughput>();
        for (const engine of engines) {
          log(
            `throughput: ${engine.name} ${protocol} delay ${delayMs} ms, c=${concurrency}, ${count} probes`,
          );
          await targets.takeStats();
          const outcome = await engine.runBatch(url, protocol, count, concurrency);
          const targetStats = await targets.takeStats();
          const failed = outcome.samples.filter((sample) => !sample.ok);
          figures.set(engine.name, {
            probes: count,
            failures: failed.length,
            ...(failed[0]?.error ? { firstError: failed[0].error } : {}),
            probesPerSecond: count / (outcome.wallMs / 1000),
            cpuSecondsPer1000: (outcome.cpuSeconds / count) * 1000,
            connectionsPerRequest:
              targetStats.requests === 0 ? Number.NaN : targetStats.connections / targetStats.requests,
          });
        }
        cells.push({ protocol, delayMs, concurrency, engines: figures });
      }
    }
  }
  return cells;
}
