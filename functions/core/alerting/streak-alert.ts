import type { AlertState } from './alert-state';
import { applyStatusChange, type DesiredStatus } from './apply-status-change';
import type { LookoutEvent } from './lookout-event';
import type { RoundVerdict } from './round-verdicts';
import type { Transition } from './transition';
import type { TransitionContext } from './transition-context';

/** How many rounds in a row open and resolve a streak alert. */
export interface StreakPolicy {
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

/** Words a streak alert's change at `verdict` (opening when `firing`); `current` holds the round counts. */
export type DescribeStreakChange = (
  verdict: RoundVerdict,
  firing: boolean,
  current: AlertState,
) => Omit<DesiredStatus, 'status'>;

/**
 * Counts judged rounds newer than the last one counted: `consecutiveFailures` failed rounds in a row open the
 * alert, `consecutiveSuccesses` passed rounds in a row resolve it. `describe` words the transition.
 */
export function advanceStreakAlert(
  state: AlertState,
  verdicts: readonly RoundVerdict[],
  policy: StreakPolicy,
  describe: DescribeStreakChange,
  context: TransitionContext,
): Transition {
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
    const change = applyStatusChange(
      current,
      { status: opens ? 'firing' : 'ok', ...describe(verdict, opens, current) },
      context,
    );
    current = change.state;
    silencedEvents.push(...change.silencedEvents);
  }
  return { state: current, silencedEvents };
}
