import type { HttpVersion, PhaseTimings, RedirectHop, TlsFacts } from '../core/probe-result';

/** What the current hop's HTTP response has shown so far, filled in as it arrives. */
export interface ResponseProgress {
  /** The HTTP version spoken on the connection. */
  httpVersion: HttpVersion;
  /** The final status, once its headers arrived. */
  status?: number;
  /** The content coding being decoded, once the headers named one the engine decodes. */
  contentEncoding?: string;
  /** Bytes decoded so far (with `contentEncoding`). */
  decodedBytes?: number;
  /** The body was longer than `maxBodyBytes`. */
  bodyTruncated?: boolean;
}

/** What one attempt has measured so far; filled in as the probe goes, so a failure keeps what was seen. */
export interface ProbeTrace {
  /** Phase timings of the current hop (connection). */
  phases: PhaseTimings;
  /** Phase timings of the hops before the current one, summed. */
  earlierHopsPhases: PhaseTimings;
  /** The redirects followed so far (kept when a later hop fails). */
  redirects: RedirectHop[];
  /** The address of the current connection. */
  remoteAddress?: string;
  /** TLS facts of the current connection. */
  tls?: TlsFacts;
  /** The current hop's HTTP response so far (HTTP probes), kept when the probe fails later. */
  response?: ResponseProgress;
  /** Body (HTTP) or reply (TCP) bytes read so far on the current connection, as they arrived. */
  bytesRead?: number;
  /** `performance.now()` when the outcome was known (the last byte, the match, the handshake), before any cleanup. */
  endedAt?: number;
  /** The first error the current socket emitted, if any. */
  socketError?: NodeJS.ErrnoException;
}

/** A trace with nothing measured yet. */
export function newTrace(): ProbeTrace {
  return { phases: zeroPhases(), earlierHopsPhases: zeroPhases(), redirects: [] };
}

/** All phases of the attempt so far: earlier hops plus the current one. */
export function totalPhases(trace: ProbeTrace): PhaseTimings {
  const total = { ...trace.earlierHopsPhases };
  addPhases(total, trace.phases);
  return total;
}

/**
 * Records the end of a request/reply exchange at `endedAt` (now, unless the last byte's arrival is known):
 * `ttfbMs` from `startedAt` to the first reply byte (to `endedAt`, when none came), `transferMs` from that byte to
 * `endedAt`, and `endedAt`.
 */
export function recordReplyTimings(
  trace: ProbeTrace,
  startedAt: number,
  firstByteAt: number | undefined,
  endedAt = performance.now(),
): void {
  trace.endedAt = endedAt;
  trace.phases.ttfbMs = (firstByteAt ?? endedAt) - startedAt;
  trace.phases.transferMs = firstByteAt === undefined ? 0 : endedAt - firstByteAt;
}

/** Phase timings of nothing yet. */
export function zeroPhases(): PhaseTimings {
  return { dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 };
}

/** Adds `more` into `total`, phase by phase. */
export function addPhases(total: PhaseTimings, more: PhaseTimings): void {
  total.dnsMs += more.dnsMs;
  total.connectMs += more.connectMs;
  total.tlsMs += more.tlsMs;
  total.ttfbMs += more.ttfbMs;
  total.transferMs += more.transferMs;
}

/** Rounds every phase to microseconds, for storage. */
export function roundPhases(phases: PhaseTimings): PhaseTimings {
  return {
    dnsMs: roundMs(phases.dnsMs),
    connectMs: roundMs(phases.connectMs),
    tlsMs: roundMs(phases.tlsMs),
    ttfbMs: roundMs(phases.ttfbMs),
    transferMs: roundMs(phases.transferMs),
  };
}

/** Rounds milliseconds to three decimals. */
export function roundMs(durationMs: number): number {
  return Math.round(durationMs * 1000) / 1000;
}
