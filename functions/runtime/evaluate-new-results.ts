import { buildResultMetrics } from '../core/metrics/build-result-metrics';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedCheck, ResolvedSlo } from '../core/resolve/resolved-monitor';
import { isInMaintenance } from '../core/schedule/maintenance';
import { rollupSample } from '../core/slo/rollup-sample';
import { rollupTtl } from '../core/slo/rollup-ttl';
import { AlertBook } from './alert-book';
import { deliverOutbox } from './deliver-outbox';
import { evaluateRounds } from './evaluate-rounds';
import type { EvaluationDeps } from './evaluation-deps';

/** What evaluating a batch of new results did, per check. */
export interface NewResultsOutcome {
  /** Checks whose results were fully processed. */
  done: string[];
  /** Checks whose processing failed (to be retried with their results), with the reason. */
  failed: { checkId: string; error: unknown }[];
  /** Result check ids that are not in the monitor (ignored). */
  unknown: string[];
}

/**
 * Processes results just written (from the table's stream, or straight from the local monitor), check by
 * check: counts them into SLO rollups (for checks with an SLO, unless a maintenance window covers them),
 * moves outage and degraded alerts, sends what that opened or resolved, then publishes their metrics. Every
 * step is idempotent, so a redelivered batch changes nothing twice.
 */
export async function evaluateNewResults(
  deps: EvaluationDeps,
  results: readonly StoredResult[],
): Promise<NewResultsOutcome> {
  const byCheck = Map.groupBy(results, (stored) => stored.result.checkId);
  const outcome: NewResultsOutcome = { done: [], failed: [], unknown: [] };
  for (const [checkId, checkResults] of byCheck) {
    const check = deps.monitor.checks.find((candidate) => candidate.id === checkId);
    if (check === undefined) {
      outcome.unknown.push(checkId);
      continue;
    }
    try {
      await processCheck(deps, check, checkResults);
      outcome.done.push(checkId);
    } catch (error) {
      deps.log?.({ level: 'error', message: 'evaluating new results failed', checkId, error: String(error) });
      outcome.failed.push({ checkId, error });
    }
  }
  const published = results.filter((stored) => outcome.done.includes(stored.result.checkId));
  const datums = buildResultMetrics(
    published.map((stored) => stored.result),
    deps.monitor.metrics,
  );
  if (datums.length > 0) await deps.metrics.putMetrics(datums);
  return outcome;
}

async function processCheck(
  deps: EvaluationDeps,
  check: ResolvedCheck,
  results: readonly StoredResult[],
): Promise<void> {
  if (check.slo !== undefined) await addToSloRollups(deps, check.id, check.slo, results);
  const book = await AlertBook.open(deps, check.id);
  // For alerts the batch only selects this check: its rounds are judged on results read back from the store,
  // as a batch may carry a round's regions in part, and the rest came (or will come) in other batches.
  await evaluateRounds(deps, book, check);
  for (const state of book.all()) await deliverOutbox(deps, book, state);
}

async function addToSloRollups(
  deps: EvaluationDeps,
  checkId: string,
  slo: ResolvedSlo,
  results: readonly StoredResult[],
): Promise<void> {
  const samples = results
    .filter(
      ({ result }) =>
        isInMaintenance(deps.monitor.maintenance, checkId, Date.parse(result.startedAt)) === undefined,
    )
    .map(({ result }) => rollupSample(result, { slo }));
  if (samples.length > 0) await deps.store.addToRollups(checkId, samples, rollupTtl(slo));
}
