import type { BenchEngine, ProbeSample, TargetProtocol } from './bench-engine';
import type { ProbeEndpoint } from './probe-endpoint-engine';
import { probeEndpointEngine } from './probe-endpoint-engine';
import { median, type Summary, summarize } from './stats';
import type { Targets } from './target-process';
import { type BenchSize, protocols, targetUrl } from './workloads';

/** Starts a fresh engine process; the bench stops it after its probes. */
export interface FreshEngine {
  name: string;
  start: () => Promise<ProbeEndpoint & { stop: () => void }>;
}

/** One engine's first probes in fresh processes, against one protocol's 0 ms target. */
export interface FirstProbeCell {
  protocol: TargetProtocol;
  engine: string;
  processes: number;
  /** Per process: first probe − that process's warm median, ms; summarized over processes. */
  totalExcessMs: Summary;
  tlsExcessMs: Summary;
  ttfbExcessMs: Summary;
  /** The same for the wall time the bench saw (the first includes whatever the engine does before its clocks). */
  wallExcessMs: Summary;
  /** The warm probes' median total, ms (median over processes). */
  warmTotalMs: number;
  /** Probes that failed. */
  failures: number;
}

const warmProbes = 20;

/**
 * The first probe after an engine's process starts, against the warm ones: for each engine and protocol, fresh
 * processes (7 for RESULTS.md, 2 with `--quick`), each probing the 0 ms target once and then 20 more times.
 */
export async function runFirstProbe(
  engines: readonly FreshEngine[],
  targets: Targets,
  size: BenchSize,
  log: (line: string) => void,
): Promise<FirstProbeCell[]> {
  const processes = size === 'full' ? 7 : 2;
  const cells: FirstProbeCell[] = [];
  for (const protocol of protocols) {
    const url = targetUrl(targets, protocol, 0);
    for (const fresh of engines) {
      log(`first probe: ${fresh.name} ${protocol}, ${processes} fresh processes`);
      const excess = {
        total: [] as number[],
        tls: [] as number[],
        ttfb: [] as number[],
        wall: [] as number[],
      };
      const warmTotals: number[] = [];
      let failures = 0;
      for (let index = 0; index < processes; index++) {
        const endpoint = await fresh.start();
        try {
          const engine: BenchEngine = probeEndpointEngine(fresh.name, endpoint);
          const samples: ProbeSample[] = [];
          for (let probe = 0; probe <= warmProbes; probe++) samples.push(await engine.probe(url, protocol));
          failures += samples.filter((sample) => !sample.ok).length;
          const [first, ...warm] = samples;
          if (!first?.ok) continue;
          const warmMedian = (value: (sample: ProbeSample) => number) =>
            median(warm.filter((sample) => sample.ok).map(value));
          excess.total.push(first.totalMs - warmMedian((sample) => sample.totalMs));
          excess.tls.push(first.phases.tlsMs - warmMedian((sample) => sample.phases.tlsMs));
          excess.ttfb.push(first.phases.ttfbMs - warmMedian((sample) => sample.phases.ttfbMs));
          excess.wall.push(first.wallMs - warmMedian((sample) => sample.wallMs));
          warmTotals.push(warmMedian((sample) => sample.totalMs));
        } finally {
          endpoint.stop();
        }
      }
      cells.push({
        protocol,
        engine: fresh.name,
        processes,
        totalExcessMs: summarize(excess.total),
        tlsExcessMs: summarize(excess.tls),
        ttfbExcessMs: summarize(excess.ttfb),
        wallExcessMs: summarize(excess.wall),
        warmTotalMs: median(warmTotals),
        failures,
      });
    }
  }
  return cells;
}
