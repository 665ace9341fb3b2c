import { alertKey } from '../core/alerting/new-alert-state';
import { describeDegraded, describeOutage } from '../core/alerting/outage-details';
import { judgeRounds, type RoundRules } from '../core/alerting/round-verdicts';
import { advanceStreakAlert } from '../core/alerting/streak-alert';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import type { AlertBook } from './alert-book';
import type { EvaluationDeps } from './evaluation-deps';
import { transitionContextFor } from './transition-context-for';

/** Slack after a round's timeout for results to arrive before the round is judged on what reported. */
export const roundArrivalSlackMs = 30_000;

/**
 * Judges the check's rounds newer than those already counted and moves its outage and degraded alerts:
 * an outage counts failed regions, degraded counts regions that passed but slower than `degradedLatency`.
 */
export async function evaluateRounds(
  deps: EvaluationDeps,
  book: AlertBook,
  check: ResolvedCheck,
): Promise<void> {
  const nowMs = deps.now();
  const outage = book.get(alertKey('outage'), 'outage');
  const degraded = book.get(alertKey('degraded'), 'degraded');
  const lookbackRounds = Math.max(check.alert.consecutiveFailures, check.alert.consecutiveSuccesses) + 2;
  const oldestCounted = Math.min(outage.lastRoundAtMs ?? 0, degraded.lastRoundAtMs ?? 0);
  const fromMs = Math.max(oldestCounted + 1, nowMs - lookbackRounds * check.intervalMs - check.timeoutMs);
  const results = await deps.store.resultsSince(check.id, fromMs);
  if (results.length === 0) return;
  const context = transitionContextFor(deps, check.id, nowMs);
  const rules = (isBad: RoundRules['isBad']): RoundRules => ({
    regions: check.regions,
    regionsToFail: check.alert.regionsToFail,
    closeAfterMs: check.timeoutMs + roundArrivalSlackMs,
    isBad,
  });
  await book.update(outage.key, 'outage', (state) =>
    advanceStreakAlert(
      state,
      judgeRounds(
        results,
        rules((result) => !result.ok),
        nowMs,
      ),
      check.alert,
      (verdict, firing, current) => ({
        ...describeOutage(check, verdict, firing),
        sinceMs: verdict.roundAtMs - (current.failedRounds - 1) * check.intervalMs,
      }),
      context,
    ),
  );
  if (check.degradedLatencyMs === undefined) return;
  await book.update(degraded.key, 'degraded', (state) =>
    advanceStreakAlert(
      state,
      judgeRounds(
        results,
        rules((result) => result.ok && result.degraded),
        nowMs,
      ),
      check.alert,
      (verdict, firing, current) => ({
        ...describeDegraded(check, verdict, firing),
        sinceMs: verdict.roundAtMs - (current.failedRounds - 1) * check.intervalMs,
      }),
      context,
    ),
  );
}
