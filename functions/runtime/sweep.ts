import type { AlertKind } from '../core/alerting/alert-kind';
import { applyStatusChange, type DesiredStatus } from '../core/alerting/apply-status-change';
import { desiredCertificateStatus } from '../core/alerting/certificate-alert';
import { followUp } from '../core/alerting/follow-up';
import { alertKey } from '../core/alerting/new-alert-state';
import { desiredProbeMissingStatus } from '../core/alerting/probe-missing-alert';
import type { MetricDatum } from '../core/metrics/metric-datum';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { AlertBook } from './alert-book';
import { deliverOutbox } from './deliver-outbox';
import { evaluateCheckSlos } from './evaluate-check-slos';
import { evaluateRounds } from './evaluate-rounds';
import type { EvaluationDeps } from './evaluation-deps';
import { transitionContextFor } from './transition-context-for';

/** What one sweep did. */
export interface SweepOutcome {
  /** Checks swept without error. */
  swept: number;
  /** Checks whose sweep failed, with the reason (the next sweep tries again). */
  failed: { checkId: string; error: unknown }[];
  /** Notifications sent. */
  sent: number;
}

/**
 * The minute-by-minute pass over every check: judges rounds that closed without every region reporting,
 * certificate expiry, silent regions (probe missing), SLO burn rates; settles flapping, sends reminders and
 * what a maintenance window held back; retries every notification still waiting; publishes SLO budgets.
 */
export async function sweep(deps: EvaluationDeps): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { swept: 0, failed: [], sent: 0 };
  const datums: MetricDatum[] = [];
  for (const check of deps.monitor.checks) {
    try {
      const checkOutcome = await sweepCheck(deps, check);
      datums.push(...checkOutcome.datums);
      outcome.sent += checkOutcome.sent;
      outcome.swept += 1;
    } catch (error) {
      deps.log?.({
        level: 'error',
        message: 'sweeping a check failed',
        checkId: check.id,
        error: String(error),
      });
      outcome.failed.push({ checkId: check.id, error });
    }
  }
  if (datums.length > 0) await deps.metrics.putMetrics(datums);
  return outcome;
}

async function sweepCheck(
  deps: EvaluationDeps,
  check: ResolvedCheck,
): Promise<{ datums: MetricDatum[]; sent: number }> {
  const nowMs = deps.now();
  const context = transitionContextFor(deps, check.id, nowMs);
  const book = await AlertBook.open(deps, check.id);
  await evaluateRounds(deps, book, check);
  const latest = await deps.store.latestResults(check.id);
  const move = (key: string, kind: AlertKind, desired: DesiredStatus | undefined) =>
    desired === undefined
      ? Promise.resolve()
      : book.update(key, kind, (state) => applyStatusChange(state, desired, context));
  // TCP results carry no certificate facts, so their certificate alert is never judged.
  await move(
    alertKey('certificate'),
    'certificate',
    desiredCertificateStatus(
      check,
      latest.map((stored) => stored.result),
    ),
  );
  for (const region of check.regions) {
    const regionLatest = latest.find((stored) => stored.result.region === region);
    await move(
      alertKey('probe-missing', region),
      'probe-missing',
      desiredProbeMissingStatus(check, region, regionLatest, nowMs),
    );
  }
  const slos = await evaluateCheckSlos(deps, check, nowMs);
  for (const slo of slos.desired) await move(alertKey(slo.kind), slo.kind, slo.status);
  let sent = 0;
  for (const state of book.all()) {
    const followed = await book.update(state.key, state.kind, (current) =>
      followUp(current, context, check.alert.remindEveryMs),
    );
    sent += await deliverOutbox(deps, book, followed);
  }
  return { datums: slos.datums, sent };
}
