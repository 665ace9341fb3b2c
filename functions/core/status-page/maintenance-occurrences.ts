import { dayMs, minuteMs } from '../declare/duration';
import type { ResolvedMaintenanceWindow } from '../resolve/resolved-monitor';
import { utcDayStartMs } from './day-bars';
import type { MaintenanceOccurrence } from './status-page-data';

const weekMs = 7 * dayMs;

/** How far ahead the page announces maintenance by default. */
export const maintenanceHorizonMs = 7 * dayMs;

/**
 * The occurrences of maintenance windows in progress at `nowMs` or starting within `horizonMs` of it, soonest
 * first: a one-off window once, a weekly one on each of its days (UTC), as `isInMaintenance` reads them.
 *
 * @param horizonMs @default maintenanceHorizonMs (7 days)
 */
export function maintenanceOccurrences(
  windows: readonly ResolvedMaintenanceWindow[],
  nowMs: number,
  horizonMs = maintenanceHorizonMs,
): MaintenanceOccurrence[] {
  const untilMs = nowMs + horizonMs;
  const occurrences = windows.flatMap((window) => {
    const about = {
      ...(window.checks === undefined ? {} : { checkIds: window.checks }),
      ...(window.reason === undefined ? {} : { reason: window.reason }),
    };
    if (window.kind === 'once') return [{ startMs: window.startMs, endMs: window.endMs, ...about }];
    const weekStartMs = utcDayStartMs(nowMs) - new Date(nowMs).getUTCDay() * dayMs;
    const lookBackWeeks = Math.ceil(window.durationMs / weekMs);
    const weeks = Array.from(
      { length: lookBackWeeks + Math.ceil(horizonMs / weekMs) + 1 },
      (_, index) => index - lookBackWeeks,
    );
    return weeks.flatMap((week) =>
      window.days.map((day) => {
        const startMs = weekStartMs + week * weekMs + day * dayMs + window.startMinuteOfDay * minuteMs;
        return { startMs, endMs: startMs + window.durationMs, ...about };
      }),
    );
  });
  return occurrences
    .filter((occurrence) => occurrence.endMs > nowMs && occurrence.startMs < untilMs)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
