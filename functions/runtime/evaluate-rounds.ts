import type { AlertState } from '../core/alerting/alert-state';
import { alertKey } from '../core/alerting/new-alert-state';
import { describeRoundAlert, roundAlerts } from '../core/alerting/round-alerts';
import { judgeRounds } from '../core/alerting/round-verdicts';
import { advanceStreakAlert } from '../core/alerting/streak-alert';
import { type Transition, transitionTo } from '../core/alerting/transition';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import type { AlertBook } from './alert-book';
import type { EvaluationDeps } from './evaluation-deps';
import { transitionContextFor } from './transition-context-for';

/** Slack after a round's timeout for results to arrive before the round is judged on what reported. */
export const roundArrivalSlackMs = 30_000;

/** How long after its start a round of `check` closes: judged, and counted, on whatever reported. */
export function roundCloseAfterMs(check: Pick<ResolvedCheck, 'timeoutMs'>): number {
  return check.timeoutMs + roundArrivalSlackMs;
}

/**
 * How far back round alerts ever read: a few rounds more than a streak needs, plus a timeout. Whatever the
 * alert states say, a check-minute reads at most this much.
 */
export function roundsLookbackMs(check: ResolvedCheck): number {
  const rounds = Math.max(check.alert.consecutiveFailures, check.alert.consecutiveSuccesses) + 2;
  return rounds * check.intervalMs + check.timeoutMs;
}

/** Where `evaluateRounds` gets its results. */
export interface RoundResults {
  /**
   * The check's results, already read (from at least `now − roundsLookbackMs(check)`): nothing more is read.
   * @default read from the store, from the oldest round a round alert of the check has yet to count
   */
  results?: readonly StoredResult[];
  /**
   * Results just written, which an eventually consistent read may not show yet (the batch being evaluated).
   * @default none
   */
  fresh?: readonly StoredResult[];
}

/**
 * The oldest round the check's round alerts (outage always, degraded when it declares a degraded latency) have
 * yet to count, but no further back than `roundsLookbackMs`.
 */
export function roundsFromMs(book: AlertBook, check: ResolvedCheck, nowMs: number): number {
  const oldestCounted = Math.min(
    ...roundAlerts
      .filter((alert) => alert.appliesTo(check))
      .map((alert) => book.get(alertKey(alert.kind), alert.kind).lastRoundAtMs ?? 0),
  );
  return Math.max(oldestCounted + 1, nowMs - roundsLookbackMs(check));
}

/**
 * Judges the check's rounds for each round alert it has and moves that alert over them. Reads the results
 * from `roundsFromMs` on, unless given them.
 *
 * A passing round of an alert that is ok with no failed round counted is not written (it would change only the
 * count of passed rounds and the last round counted, 1 WRU per round and alert): the next evaluation judges it
 * again, within `roundsLookbackMs`, to the same end.
 */
export async function evaluateRounds(
  deps: EvaluationDeps,
  book: AlertBook,
  check: ResolvedCheck,
  source: RoundResults = {},
): Promise<void> {
  const nowMs = deps.now();
  const alerts = roundAlerts.filter((alert) => alert.appliesTo(check));
  const fromMs = roundsFromMs(book, check, nowMs);
  const read = source.results ?? (await deps.store.resultsSince(check.id, fromMs));
  const results = withFresh(read, source.fresh ?? []).filter((stored) => stored.roundAtMs >= fromMs);
  if (results.length === 0) return;
  const context = transitionContextFor(deps, check.id, nowMs);
  for (const alert of alerts) {
    const verdicts = judgeRounds(
      results,
      {
        regions: check.regions,
        regionsToFail: check.alert.regionsToFail,
        closeAfterMs: roundCloseAfterMs(check),
        isBad: alert.isBad,
      },
      nowMs,
    );
    await book.update(alertKey(alert.kind), alert.kind, (state) =>
      unlessQuiet(
        state,
        advanceStreakAlert(state, verdicts, check.alert, describeRoundAlert(alert, check), context),
      ),
    );
  }
}

/** No change when an ok alert with no failed round counted only counted passing rounds. */
function unlessQuiet(state: AlertState, transition: Transition): Transition {
  const next = transition.state;
  const quiet =
    state.status === 'ok' &&
    state.failedRounds === 0 &&
    next.status === 'ok' &&
    next.failedRounds === 0 &&
    next.eventCount === state.eventCount &&
    transition.silencedEvents.length === 0;
  return quiet ? transitionTo(state) : transition;
}

/** The results read, plus those of `fresh` the read did not return (a result is its region and start). */
function withFresh(read: readonly StoredResult[], fresh: readonly StoredResult[]): StoredResult[] {
  const identity = (stored: StoredResult) => `${stored.result.region}\n${stored.result.startedAt}`;
  const seen = new Set(read.map(identity));
  const missing = fresh.filter((stored) => !seen.has(identity(stored)));
  if (missing.length === 0) return [...read];
  return [...read, ...missing].sort((a, b) => a.roundAtMs - b.roundAtMs);
}
