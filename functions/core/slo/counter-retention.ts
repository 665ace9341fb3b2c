import { dayMs } from '../declare/duration';
import type { ResolvedCheck, ResolvedMonitor } from '../resolve/resolved-monitor';

/**
 * How long a check's counters are kept: as long as its results (the per-day history reads them), and at least
 * the SLO window (the budget's window reads the counter at its start), plus two days so that the boundary
 * counter of the oldest window is still there.
 */
export function counterRetentionMs(
  check: Pick<ResolvedCheck, 'slo'>,
  monitor: Pick<ResolvedMonitor, 'retentionMs'>,
): number {
  return Math.max(monitor.retentionMs, check.slo?.windowMs ?? 0) + 2 * dayMs;
}
