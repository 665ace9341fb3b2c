import type { BenchEngine, ProbeSample } from './bench-engine';
import { type Summary, summarize } from './stats';
import type { Targets } from './target-process';
import { type BenchSize, protocols, targetUrl } from './workloads';

/** The injected delays, in ms. */
export const accuracyDelaysMs = [0, 10, 50, 200, 1000] as const;

/** Sequential probes per engine and cell: at least 30; more where probes are quick, for steadier percentiles. */
const fullProbesByDelayMs: Record<(typeof accuracyDelaysMs)[number], number> = {
  0: 100,
  10: 100,
  50: 50,
  200: 30,
  1000: 30,
};

/** One engine's figures in one accuracy cell. */
export interface EngineAccuracy {
  /** Every probe, in order. */
  samples: ProbeSample[];
  /** Probes that did not succeed (left out of the summaries). */
  failures: number;
  /** Reported total minus the injected delay, ms. */
  overheadMs: Summary;
  /** Sum of reported phases minus the injected delay, ms. */
  phaseSumOverheadMs: Summary;
  /** Wall time measured by the bench around the call minus the injected delay, ms. */
  wallOverheadMs: Summary;
}

/** One accuracy cell: a protocol and a delay, every engine. */
export interface AccuracyCell {
  protocol: 'http' | 'https';
  delayMs: number;
  /** By engine name. */
  engines: Map<string, EngineAccuracy>;
  /** How much later than asked the target actually answered (all engines' probes), ms. */
  targetOvershootMs: Summary;
}

function summarizeEngine(samples: ProbeSample[], delayMs: number): EngineAccuracy {
  const succeeded = samples.filter((sample) => sample.ok);
  return {
    samples,
    failures: samples.length - succeeded.length,
    overheadMs: summarize(succeeded.map((sample) => sample.totalMs - delayMs)),
    phaseSumOverheadMs: summarize(succeeded.map((sample) => sample.phaseSumMs - delayMs)),
    wallOverheadMs: summarize(succeeded.map((sample) => sample.wallMs - delayMs)),
  };
}

/**
 * Sequential probes of each delayed target, the engines interleaved probe by probe
 * (so that load from elsewhere on the machine hits them alike).
 */
export async function runAccuracy(
  engines: readonly BenchEngine[],
  targets: Targets,
  size: BenchSize,
  log: (line: string) => void,
): Promise<AccuracyCell[]> {
  const cells: AccuracyCell[] = [];
  for (const protocol of protocols) {
    for (const delayMs of accuracyDelaysMs) {
      const probesPerCell = size === 'full' ? fullProbesByDelayMs[delayMs] : 5;
      log(`accuracy: ${protocol} delay ${delayMs} ms, ${probesPerCell} sequential probes per engine`);
      const url = targetUrl(targets, protocol, delayMs);
      const samplesByEngine = new Map(engines.map((engine) => [engine.name, [] as ProbeSample[]]));
      await targets.takeStats();
      for (let index = 0; index < probesPerCell; index++) {
        for (const engine of engines) {
          samplesByEngine.get(engine.name)?.push(await engine.probe(url, protocol));
        }
      }
      const targetStats = await targets.takeStats();
      const engineFigures = new Map<string, EngineAccuracy>();
      for (const [name, samples] of samplesByEngine)
        engineFigures.set(name, summarizeEngine(samples, delayMs));
      cells.push({
        protocol,
        delayMs,
        engines: engineFigures,
        targetOvershootMs: summarize(targetStats.delayOvershootMs),
      });
    }
  }
  return cells;
}
