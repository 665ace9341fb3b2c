import { dayMs } from '../declare/duration';
import type { ResolvedSlo } from '../resolve/resolved-monitor';

/**
 * How long an SLO's rollup buckets are kept: minute buckets serve the burn-rate windows under a day (at most
 * 18 hours, for a 90-day SLO), hour buckets the longer ones and the whole SLO window.
 */
export function rollupTtl(slo: ResolvedSlo): { minuteTtlMs: number; hourTtlMs: number } {
  return { minuteTtlMs: 2 * dayMs, hourTtlMs: slo.windowMs + 2 * dayMs };
}
