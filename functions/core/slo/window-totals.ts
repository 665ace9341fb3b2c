import type { ProbeTotals } from '../ports/counter-store';

/** The probes of one window ending now. */
export interface WindowTotals extends ProbeTotals {
  /** The window's length, in milliseconds. */
  spanMs: number;
}

const zero: ProbeTotals = { total: 0, availabilityGood: 0, latencyGood: 0 };

/**
 * The probes counted between two counters: `end − start`, where `start` is the newest counter at or before the
 * window's start (none when the check is younger than the window: everything counted so far is in it). Never
 * negative: counters written by racing sweeps may disagree by a late result.
 */
export function windowTotals(end: ProbeTotals, start: ProbeTotals | undefined): ProbeTotals {
  const from = start ?? zero;
  const total = Math.max(0, end.total - from.total);
  return {
    total,
    availabilityGood: Math.min(total, Math.max(0, end.availabilityGood - from.availabilityGood)),
    latencyGood: Math.min(total, Math.max(0, end.latencyGood - from.latencyGood)),
  };
}
