import type { PhaseTimings } from '../functions/core/probe-result';

/** What a blackbox_exporter `/probe` response says about one probe. */
export interface BlackboxProbeMetrics {
  /** `probe_success`. */
  success: boolean;
  /** `probe_duration_seconds`, in ms: the exporter's whole probe, from before resolving to the end. */
  durationMs: number;
  /** `probe_http_duration_seconds{phase=...}`, in ms: resolve, connect, tls, processing, transfer. */
  phases: PhaseTimings;
  /** `probe_event_loop_delay_seconds` in ms (Lookout's front door only). */
  eventLoopDelayMs?: number;
  /** Why the probe failed (Lookout's front door's `# lookout error:` comment). */
  error?: string;
}

const blackboxPhaseToOurs: Record<string, keyof PhaseTimings> = {
  resolve: 'dnsMs',
  connect: 'connectMs',
  tls: 'tlsMs',
  processing: 'ttfbMs',
  transfer: 'transferMs',
};

const samplePattern = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})?\s+(\S+)/;

/** Parses the Prometheus text exposition a `/probe` request returns (blackbox_exporter's, or Lookout's front door's). */
export function parseBlackboxProbe(exposition: string): BlackboxProbeMetrics {
  const phases: PhaseTimings = { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 };
  let success = false;
  let durationMs = Number.NaN;
  let eventLoopDelayMs: number | undefined;
  let error: string | undefined;
  for (const line of exposition.split('\n')) {
    if (line.startsWith('# lookout error: ')) error = line.slice('# lookout error: '.length);
    if (line.startsWith('#')) continue;
    const match = samplePattern.exec(line);
    if (!match) continue;
    const [, name, labels, rawValue] = match;
    const value = Number(rawValue);
    if (name === 'probe_success') success = value === 1;
    else if (name === 'probe_duration_seconds') durationMs = value * 1000;
    else if (name === 'probe_event_loop_delay_seconds') eventLoopDelayMs = value * 1000;
    else if (name === 'probe_http_duration_seconds') {
      const phase = /phase="([^"]+)"/.exec(labels ?? '')?.[1];
      const ours = phase ? blackboxPhaseToOurs[phase] : undefined;
      if (ours) phases[ours] = value * 1000;
    }
  }
  return {
    success,
    durationMs,
    phases,
    ...(eventLoopDelayMs === undefined ? {} : { eventLoopDelayMs }),
    ...(error === undefined ? {} : { error }),
  };
}
