import type { PhaseTimings } from '../probe-result';

/** What a probe saw, as assertions need it. Built by the probe engine, judged by `evaluateAssertions`. */
export interface Observation {
  /** The final HTTP status (HTTP only). */
  status?: number;
  /** Response headers with lower-case names; repeated headers joined with `', '` (HTTP only). */
  headers?: Record<string, string>;
  /** The body (HTTP) or reply (TCP) read so far, decoded as UTF-8, at most `maxBodyBytes`. */
  body?: string;
  /** Whether `body` stops short of the whole response. */
  bodyTruncated?: boolean;
  /** Total latency in milliseconds. */
  totalMs: number;
  /** Phase latencies in milliseconds. */
  phases: PhaseTimings;
  /** Days until the leaf certificate expires (HTTPS and TLS only). */
  certificateDaysUntilExpiry?: number;
}
