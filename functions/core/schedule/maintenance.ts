import { dayMs, minuteMs } from '../declare/duration';
import type { ResolvedMaintenanceWindow } from '../resolve/resolved-monitor';
import { modulo } from './modulo';

const weekMs = 7 * dayMs;
/** The epoch (1970-01-01) was a Thursday; the first Sunday midnight UTC after it is three days later. */
const firstSundayMs = 3 * dayMs;

/**
 * The maintenance window that covers a check at an instant, or `undefined` when none does. A window covers
 * `[start, end)`. Weekly windows repeat on each of their days in UTC, and may run past midnight and past the
 * end of the week (Saturday 23:00 for 2 hours covers Sunday 00:30).
 */
export function isInMaintenance(
  windows: readonly ResolvedMaintenanceWindow[],
  checkId: string,
  atMs: number,
): ResolvedMaintenanceWindow | undefined {
  return windows.find(
    (window) => (window.checks === undefined || window.checks.includes(checkId)) && covers(window, atMs),
  );
}

function covers(window: ResolvedMaintenanceWindow, atMs: number): boolean {
  if (window.kind === 'once') return atMs >= window.startMs && atMs < window.endMs;
  const intoWeekMs = modulo(atMs - firstSundayMs, weekMs);
  return window.days.some((day) => {
    const startIntoWeekMs = day * dayMs + window.startMinuteOfDay * minuteMs;
    return modulo(intoWeekMs - startIntoWeekMs, weekMs) < window.durationMs;
  });
}
