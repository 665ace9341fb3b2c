import { minuteMs } from '../declare/duration';
import { checkPhaseMs, type ScheduledCheck } from './check-phase';
import { modulo } from './modulo';

/** The checks that start together at one instant of a scheduled minute. */
export interface DueRound<Check extends ScheduledCheck = ScheduledCheck> {
  /** When the round starts, epoch milliseconds: a time `t` with `(t - phase) % interval === 0` for each check. */
  roundAtMs: number;
  /** How long after the minute's start the round starts, in milliseconds, from 0 to 59 999. */
  offsetMs: number;
  /** The checks due in this round, in the order given. */
  checks: Check[];
}

/**
 * The rounds due in the minute that starts at `minuteStartMs`, earliest first: every instant `t` in
 * [minuteStartMs, minuteStartMs + 1 minute) at which some check is due, that is `(t - phase)` is a multiple of
 * its interval. A check with an interval under a minute is due in several rounds (10s gives 6); one of several
 * minutes is due in one minute of each interval; one that is not a whole number of minutes (90s) is due at
 * whatever instant of the minute its rounds fall on.
 */
export function dueRounds<Check extends ScheduledCheck>(
  checks: readonly Check[],
  minuteStartMs: number,
): DueRound<Check>[] {
  const endMs = minuteStartMs + minuteMs;
  const rounds = new Map<number, Check[]>();
  for (const check of checks) {
    const firstMs = minuteStartMs + modulo(checkPhaseMs(check) - minuteStartMs, check.intervalMs);
    for (let roundAtMs = firstMs; roundAtMs < endMs; roundAtMs += check.intervalMs) {
      const round = rounds.get(roundAtMs);
      if (round === undefined) rounds.set(roundAtMs, [check]);
      else round.push(check);
    }
  }
  return [...rounds.entries()]
    .sort(([a], [b]) => a - b)
    .map(([roundAtMs, roundChecks]) => ({
      roundAtMs,
      offsetMs: roundAtMs - minuteStartMs,
      checks: roundChecks,
    }));
}
