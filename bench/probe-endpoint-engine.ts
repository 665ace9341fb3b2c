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
import { blackboxProbeTimeoutSeconds } from './blackbox-process';
import { processCpuSeconds } from './process-cpu';

/** A process serving blackbox_exporter's `/probe` API: the exporter, or Lookout's bench front door. */
export interface ProbeEndpoint {
  /** Such as `http://127.0.0.1:41236`. */
  origin: string;
  /** Its process id, for its CPU time from /proc/<pid>/stat. */
  pid: number;
}

/**
 * An engine reached through its `/probe` endpoint: each probe is a `GET /probe?module=<protocol>&target=<url>`
 * over keep-alive connections from the bench (the same driver for every engine); its CPU is the endpoint
 * process's utime + stime from /proc/<pid>/stat (10 ms ticks), serving `/probe` included.
 */
export function probeEndpointEngine(name: string, endpoint: ProbeEndpoint): BenchEngine {
  const dispatcher = new Agent({ connections: 512, keepAliveTimeout: 30_000 });
  const requestTimeoutMs = (blackboxProbeTimeoutSeconds + 5) * 1000;

  const probeOrThrow = async (url: string, protocol: TargetProtocol): Promise<ProbeSample> => {
    const query = new URLSearchParams({ module: protocol, target: url });
    const startedAt = performance.now();
    const response = await request(`${endpoint.origin}/probe?${query}`, {
      dispatcher,
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
    });
    const exposition = await response.body.text();
    const wallMs = performance.now() - startedAt;
    if (response.statusCode !== 200) {
      throw new Error(`${name} answered ${response.statusCode}: ${exposition.slice(0, 200)}`);
    }
    const metrics = parseBlackboxProbe(exposition);
    return {
      ok: metrics.success,
      totalMs: metrics.durationMs,
      phases: metrics.phases,
      phaseSumMs: sumPhases(metrics.phases),
      wallMs,
      ...(metrics.eventLoopDelayMs === undefined ? {} : { eventLoopDelayMs: metrics.eventLoopDelayMs }),
      ...(metrics.error === undefined ? {} : { error: metrics.error }),
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
    const cpuBefore = processCpuSeconds(endpoint.pid);
    const startedAt = performance.now();
    const samples = await mapBounded(Array.from({ length: count }), concurrency, () => probe(url, protocol));
    const wallMs = performance.now() - startedAt;
    return { samples, wallMs, cpuSeconds: processCpuSeconds(endpoint.pid) - cpuBefore };
  };

  return { name, probe, runBatch };
}
