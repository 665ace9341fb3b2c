import type { ResolvedCheck } from '../resolved-monitor';

const dayMs = 86_400_000;

/**
 * How long rollup buckets are kept: minute buckets serve the burn-rate windows under a day (at most 18 hours,
 * for a 90-day SLO), hour buckets the longer ones and the whole SLO window.
 */
export function rollupTtl(check: ResolvedCheck): { minuteTtlMs: number; hourTtlMs: number } {
  const windowMs = check.slo?.windowMs ?? 30 * dayMs;
  return { minuteTtlMs: 2 * dayMs, hourTtlMs: windowMs + 2 * dayMs };
}
