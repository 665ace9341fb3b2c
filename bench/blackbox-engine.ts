import { Agent, request } from 'undici';
import { mapBounded } from '../functions/core/map-bounded';
import {
  type BatchOutcome,
  type BenchEngine,
  type ProbeSample,
  sumPhases,
  type TargetProtocol,
} from './bench-engine';
import { parseBlackboxProbe } from './blackbox-metrics';
import type { BlackboxProcess } from './blackbox-process';
import { blackboxProbeTimeoutSeconds } from './blackbox-process';
import { processCpuSeconds } from './process-cpu';

/**
 * blackbox_exporter as a bench engine: each probe is a `GET /probe?module=<protocol>&target=<url>`
 * (keep-alive connections from the bench to the exporter); its CPU is read from /proc/<pid>/stat.
 */
export function blackboxEngine(exporter: BlackboxProcess): BenchEngine {
  const dispatcher = new Agent({ connections: 512, keepAliveTimeout: 30_000 });
  const requestTimeoutMs = (blackboxProbeTimeoutSeconds + 5) * 1000;

  const probeOrThrow = async (url: string, protocol: TargetProtocol): Promise<ProbeSample> => {
    const query = new URLSearchParams({ module: protocol, target: url });
    const startedAt = performance.now();
    const response = await request(`${exporter.origin}/probe?${query}`, {
      dispatcher,
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
    });
    const exposition = await response.body.text();
    const wallMs = performance.now() - startedAt;
    if (response.statusCode !== 200) {
      throw new Error(`blackbox_exporter answered ${response.statusCode}: ${exposition.slice(0, 200)}`);
    }
    const metrics = parseBlackboxProbe(exposition);
    return {
      ok: metrics.success,
      totalMs: metrics.durationMs,
      phases: metrics.phases,
      phaseSumMs: sumPhases(metrics.phases),
      wallMs,
    };
  };

  /** A probe that could not be asked for counts as a failed probe, with the reason. */
  const probe = (url: string, protocol: TargetProtocol): Promise<ProbeSample> =>
    probeOrThrow(url, protocol).catch((error: unknown) => ({
      ok: false,
      totalMs: Number.NaN,
      phases: { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 },
      phaseSumMs: Number.NaN,
      wallMs: Number.NaN,
      error: error instanceof Error ? error.message : String(error),
    }));

  const runBatch = async (
    url: string,
    protocol: TargetProtocol,
    count: number,
    concurrency: number,
  ): Promise<BatchOutcome> => {
    const cpuBefore = processCpuSeconds(exporter.pid);
    const startedAt = performance.now();
    const samples = await mapBounded(Array.from({ length: count }), concurrency, async () => ({
      ...(await probe(url, protocol)),
      wallMs: Number.NaN,
    }));
    const wallMs = performance.now() - startedAt;
    return { samples, wallMs, cpuSeconds: processCpuSeconds(exporter.pid) - cpuBefore };
  };

  return { name: 'blackbox_exporter', probe, runBatch };
}
