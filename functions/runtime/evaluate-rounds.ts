import { alertKey } from '../core/alerting/new-alert-state';
import { describeRoundAlert, roundAlerts } from '../core/alerting/round-alerts';
import { judgeRounds } from '../core/alerting/round-verdicts';
import { advanceStreakAlert } from '../core/alerting/streak-alert';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import type { AlertBook } from './alert-book';
import type { EvaluationDeps } from './evaluation-deps';
import { transitionContextFor } from './transition-context-for';

/** Slack after a round's timeout for results to arrive before the round is judged on what reported. */
export const roundArrivalSlackMs = 30_000;

/**
 * Reads the check's results back from the store, from the oldest round a round alert (outage, degraded: the
 * check's or not, so usually the whole lookback) has yet to count, but at most a few rounds back; judges the
 * rounds for each round alert the check has and moves that alert over them.
 */
export async function evaluateRounds(
  deps: EvaluationDeps,
  book: AlertBook,
  check: ResolvedCheck,
): Promise<void> {
  const nowMs = deps.now();
  const lookbackRounds = Math.max(check.alert.consecutiveFailures, check.alert.consecutiveSuccesses) + 2;
  const oldestCounted = Math.min(
    ...roundAlerts.map((alert) => book.get(alertKey(alert.kind), alert.kind).lastRoundAtMs ?? 0),
  );
  const fromMs = Math.max(oldestCounted + 1, nowMs - lookbackRounds * check.intervalMs - check.timeoutMs);
  const results = await deps.store.resultsSince(check.id, fromMs);
  if (results.length === 0) return;
  const context = transitionContextFor(deps, check.id, nowMs);
  for (const alert of roundAlerts) {
    if (!alert.appliesTo(check)) continue;
    const verdicts = judgeRounds(
      results,
      {
        regions: check.regions,
        regionsToFail: check.alert.regionsToFail,
        closeAfterMs: check.timeoutMs + roundArrivalSlackMs,
        isBad: alert.isBad,
      },
      nowMs,
    );
    await book.update(alertKey(alert.kind), alert.kind, (state) =>
      advanceStreakAlert(state, verdicts, check.alert, describeRoundAlert(alert, check), context),
    );
  }
}
