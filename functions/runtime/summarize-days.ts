import { dayMs } from '../core/declare/duration';
import type { ProbeCounter } from '../core/ports/counter-store';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { counterRetentionMs } from '../core/slo/counter-retention';
import {
  advanceDaySummary,
  dayStartMs,
  daySummaryRetentionMs,
  summaryBoundaries,
} from '../core/slo/day-summary';
import type { EvaluationDeps } from './evaluation-deps';

/**
 * Once a day per check, with the first counter the sweep writes after midnight UTC: adds the days that closed to
 * the check's day summary (the status page's daily bars, for every check). The day that just closed is the
 * previous counter minus the summary's base, so in steady state this is one read and one write a day; days the
 * sweep missed are caught up from the counter at each of their midnights. Returns whether it wrote a summary.
 *
 * Cost per check-month: 30 GetItem (15 RRU) and 30 PutItem of about 800 bytes (30 WRU): $0.00002.
 */
export async function summarizeDays(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  previous: ProbeCounter | undefined,
  written: ProbeCounter | undefined,
): Promise<boolean> {
  // A check's first counter ever has no day behind it; after that, only the first counter of a day summarizes.
  if (written === undefined || previous === undefined) return false;
  const todayMs = dayStartMs(written.atMs);
  if (previous.atMs >= todayMs) return false;
  const stored = await deps.store.daySummary(check.id);
  const keptSinceMs = written.atMs - counterRetentionMs(check, deps.monitor) + dayMs;
  const totalsAt = new Map<number, ProbeCounter | undefined>();
  for (const atMs of summaryBoundaries(stored, todayMs, keptSinceMs).reverse()) {
    // The newest counter before today's midnight is the one this sweep started from.
    const counter = atMs === todayMs ? previous : await deps.store.counterAtOrBefore(check.id, atMs);
    totalsAt.set(atMs, counter);
    if (counter === undefined) break;
  }
  const next = advanceDaySummary({ previous: stored, todayStartMs: todayMs, totalsAt, keptSinceMs });
  if (next === undefined) return false;
  return deps.store.putDaySummary(check.id, next, stored?.throughDayMs, daySummaryRetentionMs);
}
