import type { AlertState } from './alert-state';
import { applyStatusChange, type DesiredStatus } from './apply-status-change';
import type { LookoutEvent } from './lookout-event';
import type { RoundVerdict } from './round-verdicts';
import type { TransitionContext } from './transition-context';

/** How many rounds in a row open and resolve a streak alert. */
export interface StreakPolicy {
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

/** The next state of a streak alert, and the events silenced on the way. */
export interface StreakOutcome {
  state: AlertState;
  silencedEvents: LookoutEvent[];
}

/**
 * Counts judged rounds newer than the last one counted: `consecutiveFailures` failed rounds in a row open the
 * alert, `consecutiveSuccesses` passed rounds in a row resolve it. `describe` words the transition.
 */
export function advanceStreakAlert(
  state: AlertState,
  verdicts: readonly RoundVerdict[],
  policy: StreakPolicy,
  describe: (verdict: RoundVerdict, firing: boolean, current: AlertState) => Omit<DesiredStatus, 'status'>,
  context: TransitionContext,
): StreakOutcome {
  let current = state;
  const silencedEvents: LookoutEvent[] = [];
  for (const verdict of verdicts) {
    if (verdict.outcome === 'pending') break;
    if (current.lastRoundAtMs !== undefined && verdict.roundAtMs <= current.lastRoundAtMs) continue;
    const failed = verdict.outcome === 'failed';
    current = {
      ...current,
      failedRounds: failed ? current.failedRounds + 1 : 0,
      passedRounds: failed ? 0 : current.passedRounds + 1,
      lastRoundAtMs: verdict.roundAtMs,
    };
    const opens = current.status === 'ok' && current.failedRounds >= policy.consecutiveFailures;
    const resolves = current.status === 'firing' && current.passedRounds >= policy.consecutiveSuccesses;
    if (!opens && !resolves) continue;
    const outcome = applyStatusChange(
      current,
      { status: opens ? 'firing' : 'ok', ...describe(verdict, opens, current) },
      context,
    );
    current = outcome.state;
    if (outcome.silencedEvent) silencedEvents.push(outcome.silencedEvent);
  }
  return { state: current, silencedEvents };
}
