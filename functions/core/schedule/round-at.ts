import { checkPhaseMs, type ScheduledCheck } from './check-phase';
import { modulo } from './modulo';

/**
 * The round a probe belongs to: the latest instant at or before `startedAtMs` at which the check was due.
 * A probe that started late (a slow cold start, a retry) still counts for the round it was run for, as long
 * as it started within one interval.
 */
export function roundAtFor(check: ScheduledCheck, startedAtMs: number): number {
  return startedAtMs - modulo(startedAtMs - checkPhaseMs(check), check.intervalMs);
}
