import type { PhaseTimings } from '../functions/core/probe-result';

/** The two kinds of target. */
export type TargetProtocol = 'http' | 'https';

/** What one probe reported, normalized across engines. */
export interface ProbeSample {
  /** The probe succeeded (Lookout: `ok`; blackbox_exporter: `probe_success 1`). */
  ok: boolean;
  /** The engine's own total (Lookout: `totalMs`; blackbox_exporter: `probe_duration_seconds` × 1000). */
  totalMs: number;
  /** The engine's phases; blackbox_exporter's resolve/connect/tls/processing/transfer map to dns/connect/tls/ttfb/transfer. */
  phases: PhaseTimings;
  /** The sum of `phases`. */
  phaseSumMs: number;
  /** Wall time the bench measured around the call (includes the exporter's HTTP round trip for blackbox_exporter). */
  wallMs: number;
  /** Why it failed, when the engine says (Lookout: error code and message). */
  error?: string;
  /** How late Lookout's event loop ran while the probe was in flight (`eventLoopDelayMs`; Lookout only). */
  eventLoopDelayMs?: number;
}

/** What a batch of probes run at a given concurrency cost. */
export interface BatchOutcome {
  /** One per probe, in order (`wallMs` is NaN in a batch). */
  samples: ProbeSample[];
  /** Wall time of the whole batch. */
  wallMs: number;
  /** CPU seconds (user + system) the engine's process used during the batch. */
  cpuSeconds: number;
}

/** A probe engine under test: Lookout's, or blackbox_exporter. */
export interface BenchEngine {
  /** Shown in tables. */
  name: string;
  /** One probe of `url`, awaited. */
  probe: (url: string, protocol: TargetProtocol) => Promise<ProbeSample>;
  /** `count` probes of `url`, at most `concurrency` at a time. */
  runBatch: (
    url: string,
    protocol: TargetProtocol,
    count: number,
    concurrency: number,
  ) => Promise<BatchOutcome>;
}

/** The sum of a probe's phases. */
export function sumPhases(phases: PhaseTimings): number {
  return phases.dnsMs + phases.connectMs + phases.tlsMs + phases.ttfbMs + phases.transferMs;
}
