import { minuteMs } from '../declare/duration';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import { stableHash } from './stable-hash';

/** What scheduling needs to know of a check. */
export type ScheduledCheck = Pick<ResolvedCheck, 'id' | 'intervalMs'>;

/**
 * Where in its interval a check runs, in milliseconds, so that checks of the same interval do not all run in
 * the same minute: for intervals of a minute or more, a whole number of minutes in [0, interval) picked by a
 * stable hash of the id (the same in every region, so that all regions probe a check at the same moments);
 * 0 for intervals under a minute, which run in every minute anyway.
 */
export function checkPhaseMs(check: ScheduledCheck): number {
  if (check.intervalMs < minuteMs) return 0;
  const phaseCount = Math.ceil(check.intervalMs / minuteMs);
  return (stableHash(check.id) % phaseCount) * minuteMs;
}
