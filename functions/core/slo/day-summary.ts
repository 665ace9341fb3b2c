import { dayMs } from '../declare/duration';
import type { ProbeTotals } from '../ports/counter-store';
import type { DaySummary, DayTally } from '../ports/day-summary-store';
import { windowTotals } from './window-totals';

/** How many closed days a day summary keeps: the status page's 90 bars are these and today. */
export const summarizedDayCount = 90;

/** How long a day summary is kept after its last write: a check no longer swept has no day left to show then. */
export const daySummaryRetentionMs = summarizedDayCount * dayMs;

/** Midnight UTC that starts the day of `atMs`. */
export function dayStartMs(atMs: number): number {
  return Math.floor(atMs / dayMs) * dayMs;
}

/**
 * The midnights whose counters `advanceDaySummary` needs to bring `previous` up to `todayStartMs`, oldest first:
 * each midnight after `previous.throughDayMs` up to today's (a missed day is caught up), or, without a recent
 * previous summary, every midnight of the last {@link summarizedDayCount} days from the day counters may still be
 * kept (`keptSinceMs`: counters at or after it have not expired). Empty when `previous` is up to date.
 */
export function summaryBoundaries(
  previous: DaySummary | undefined,
  todayStartMs: number,
  keptSinceMs: number,
): number[] {
  const oldestMs = todayStartMs - summarizedDayCount * dayMs;
  const fromMs = continuesFrom(previous, todayStartMs)
    ? (previous as DaySummary).throughDayMs + dayMs
    : Math.max(oldestMs, dayStartMs(keptSinceMs));
  const boundaries: number[] = [];
  for (let atMs = fromMs; atMs <= todayStartMs; atMs += dayMs) boundaries.push(atMs);
  return boundaries;
}

/** Whether a new summary continues `previous` (else it starts afresh): previous is recent enough to. */
function continuesFrom(previous: DaySummary | undefined, todayStartMs: number): boolean {
  return previous !== undefined && previous.throughDayMs >= todayStartMs - summarizedDayCount * dayMs;
}

/** What `advanceDaySummary` needs. */
export interface AdvanceDaySummaryInput {
  /** The stored summary, if any. */
  previous: DaySummary | undefined;
  /** Midnight UTC of today: every day before it is closed. */
  todayStartMs: number;
  /**
   * The check's counter totals at each of `summaryBoundaries(previous, todayStartMs, keptSinceMs)` (the newest
   * counter at or before it); a boundary missing or undefined had no counter.
   */
  totalsAt: ReadonlyMap<number, ProbeTotals | undefined>;
  /** Counters at or after this instant are kept (not expired): a missing counter after it means no probes yet. */
  keptSinceMs: number;
}

/**
 * The summary with every day closed before `todayStartMs` in it: a day's tally is the counter at its end minus the
 * counter at its start (one counter per midnight, read once), the newest {@link summarizedDayCount} days kept.
 * A day whose start has no counter counts from zero when that counter could not have expired (the check began that
 * day), and is unknown otherwise. Undefined when `previous` is up to date (nothing to write).
 */
export function advanceDaySummary(input: AdvanceDaySummaryInput): DaySummary | undefined {
  const { previous, todayStartMs, totalsAt, keptSinceMs } = input;
  if (previous !== undefined && previous.throughDayMs >= todayStartMs) return undefined;
  const boundaries = summaryBoundaries(previous, todayStartMs, keptSinceMs);
  const days: (DayTally | undefined)[] = [];
  let startMs: number;
  let start: ProbeTotals | undefined;
  if (previous !== undefined && continuesFrom(previous, todayStartMs)) {
    days.push(...previous.days);
    startMs = previous.throughDayMs;
    start = { ...previous.base, latencyGood: 0 };
  } else {
    // Afresh: the days before the first boundary are unknown (their counters expired).
    startMs = boundaries[0] ?? todayStartMs;
    start = totalsAt.get(startMs);
    for (let atMs = todayStartMs - summarizedDayCount * dayMs; atMs < startMs; atMs += dayMs)
      days.push(undefined);
  }
  for (const endMs of boundaries) {
    if (endMs === startMs) continue;
    const end = totalsAt.get(endMs);
    days.push(dayTally(start, end, startMs >= keptSinceMs));
    startMs = endMs;
    start = end;
  }
  const base = start ?? { total: 0, availabilityGood: 0, latencyGood: 0 };
  return {
    throughDayMs: todayStartMs,
    base: { total: base.total, availabilityGood: base.availabilityGood },
    days: days.slice(-summarizedDayCount),
  };
}

/**
 * The probes of one day from the counters at its start and end: undefined when there were none, or when its start
 * is unknown (no counter there, though one could have expired).
 */
export function dayTally(
  start: ProbeTotals | undefined,
  end: ProbeTotals | undefined,
  startIsKept: boolean,
): DayTally | undefined {
  if (end === undefined || (start === undefined && !startIsKept)) return undefined;
  const totals = windowTotals(end, start);
  return totals.total === 0 ? undefined : { total: totals.total, availabilityGood: totals.availabilityGood };
}
