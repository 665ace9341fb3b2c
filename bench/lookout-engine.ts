import type { ProbeResult } from '../functions/core/probe-result';
import { probeCheck, runChecks } from '../functions/probe';
import type { ProbeContext } from '../functions/probe/probe-context';
import { benchHttpCheck } from './bench-checks';
import type { BatchOutcome, BenchEngine, ProbeSample } from './bench-engine';
import { sumPhases } from './bench-engine';
import { ownCpuSeconds } from './process-cpu';

const context: ProbeContext = {
  region: 'bench',
  now: () => Date.now(),
  resolveSecret: () => Promise.reject(new Error('the bench declares no secrets')),
};

function toSample(result: ProbeResult, wallMs: number): ProbeSample {
  return {
    ok: result.ok,
    totalMs: result.totalMs,
    phases: result.phases,
    phaseSumMs: sumPhases(result.phases),
    wallMs,
    ...(result.error ? { error: `${result.error.code}: ${result.error.message}` } : {}),
  };
}

/**
 * Lookout's probe engine in this process (`probeCheck` for single probes, `runChecks` for batches), for
 * bench/profile.ts, which profiles it in place. The benchmark itself reaches Lookout through its `/probe` front door
 * (bench/lookout-probe-server.ts), as it reaches blackbox_exporter.
 */
export function lookoutEngine(caPem: string): BenchEngine {
  let probeNumber = 0;
  const probe = async (url: string): Promise<ProbeSample> => {
    const check = benchHttpCheck(`bench-${probeNumber++}`, url, caPem);
    const startedAt = performance.now();
    const result = await probeCheck(check, context);
    return toSample(result, performance.now() - startedAt);
  };

  const runBatch = async (url: string, _protocol: unknown, count: number, concurrency: number) => {
    const checks = Array.from({ length: count }, (_, index) => benchHttpCheck(`bench-${index}`, url, caPem));
    const cpuBefore = ownCpuSeconds();
    const startedAt = performance.now();
    const results = await runChecks(checks, { ...context, concurrency });
    const wallMs = performance.now() - startedAt;
    const cpuSeconds = ownCpuSeconds() - cpuBefore;
    const outcome: BatchOutcome = {
      samples: results.map((result) => toSample(result, Number.NaN)),
      wallMs,
      cpuSeconds,
    };
    return outcome;
  };

  return { name: 'lookout', probe, runBatch };
}
