import type { BenchEngine, ProbeSample } from './bench-engine';
import { type Summary, summarize } from './stats';
import type { Targets } from './target-process';
import { type BenchSize, protocols, targetUrl } from './workloads';

/** The injected delays, in ms. */
export const accuracyDelaysMs = [0, 10, 50, 200, 1000] as const;

/**
 * Sequential probes per engine and cell: enough that the p95 is not one stray probe (the 3rd largest of 60 at
 * 1000 ms, the 5th to 10th largest elsewhere), fewer where each probe takes a second.
 */
export const fullProbesByDelayMs: Record<(typeof accuracyDelaysMs)[number], number> = {
  0: 200,
  10: 200,
  50: 100,
  200: 100,
  1000: 60,
};

/** One engine's figures in one accuracy cell. */
export interface EngineAccuracy {
  /** Every probe, in order. */
  samples: ProbeSample[];
  /** Probes that did not succeed (left out of the summaries). */
  failures: number;
  /** Reported total minus the injected delay, ms. */
  overheadMs: Summary;
  /** The same, probe by probe (for the comparison's intervals). */
  overheadSamplesMs: number[];
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
    overheadSamplesMs: succeeded.map((sample) => sample.totalMs - delayMs),
    phaseSumOverheadMs: summarize(succeeded.map((sample) => sample.phaseSumMs - delayMs)),
    wallOverheadMs: summarize(succeeded.map((sample) => sample.wallMs - delayMs)),
  };
}

/**
 * Sequential probes of each delayed target, the engines interleaved probe by probe, in turn first
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
        // Each engine goes first every other time, so that neither always follows the other's probe.
        for (const engine of index % 2 === 0 ? engines : [...engines].reverse()) {
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
