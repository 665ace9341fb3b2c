import { buildResultMetrics } from '../core/metrics/build-result-metrics';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
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
 * check: moves outage and degraded alerts over the rounds they complete, sends what that opened or resolved,
 * then publishes their metrics. Every step is idempotent, so a redelivered batch changes nothing twice. (SLO and
 * history counts are the sweep's: see `advanceCounter`.)
 *
 * Reads per check and batch: its alert states and the results of the rounds its alerts have yet to count (at
 * most a few rounds), both eventually consistent: 1.5 RRU, so $0.008 per check-month with one batch per round
 * of a 1-minute check, $0.024 when each region's result comes in its own batch. Writes only alert changes.
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
  // Only results of the check's own regions are measured: a heartbeat's `/start` (region `ping-start`) only times
  // the run the next ping ends, and must publish no Availability or Latency datum.
  const regionsOf = new Map(deps.monitor.checks.map((check) => [check.id, check.regions]));
  const published = results.filter(
    (stored) =>
      outcome.done.includes(stored.result.checkId) &&
      (regionsOf.get(stored.result.checkId) ?? []).includes(stored.result.region),
  );
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
  const book = await AlertBook.open(deps, check.id);
  // For alerts the batch only selects this check: its rounds are judged on results read back from the store,
  // as a batch may carry a round's regions in part, and the rest came (or will come) in other batches.
  await evaluateRounds(deps, book, check, { fresh: results });
  for (const state of book.all()) await deliverOutbox(deps, book, state);
}
