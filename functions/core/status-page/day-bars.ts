import { dayMs } from '../declare/duration';
import { type DayBar, type Incident, type RoundTally, statusPageDayCount } from './status-page-data';

/** Midnight UTC that starts the day of `atMs`. */
export function utcDayStartMs(atMs: number): number {
  return Math.floor(atMs / dayMs) * dayMs;
}

/**
 * A check's daily bars: the last `dayCount` UTC days up to today, oldest first, each with its rounds (from a
 * sparse map: a day missing from it has no data) and the check's incidents that were open during some of it, with
 * how long (an open incident until `nowMs`).
 *
 * @param roundsByDay the check's rounds per day, keyed by the day's midnight UTC (see {@link utcDayStartMs})
 * @param incidents incidents of any checks; only `checkId`'s are kept
 * @param dayCount @default statusPageDayCount (90)
 */
export function dayBars(
  checkId: string,
  nowMs: number,
  roundsByDay: ReadonlyMap<number, RoundTally>,
  incidents: readonly Incident[],
  dayCount = statusPageDayCount,
): DayBar[] {
  const todayMs = utcDayStartMs(nowMs);
  const own = incidents.filter((incident) => incident.checkId === checkId);
  return Array.from({ length: dayCount }, (_, index) => {
    const dayStartMs = todayMs - (dayCount - 1 - index) * dayMs;
    const dayEndMs = Math.min(dayStartMs + dayMs, nowMs);
    const rounds = roundsByDay.get(dayStartMs);
    return {
      dayStartMs,
      ...(rounds === undefined ? {} : { rounds }),
      incidents: own.flatMap((incident) => {
        const openMs =
          Math.min(incident.resolvedAtMs ?? nowMs, dayEndMs) - Math.max(incident.openedAtMs, dayStartMs);
        return openMs > 0 ? [{ kind: incident.kind, severity: incident.severity, openMs }] : [];
      }),
    };
  });
}
