import type { ScheduledInput } from '../core/contract/schedule-input';
import { describeError } from '../core/lookout-error';
import type { EvaluationDeps } from '../runtime/evaluation-deps';
import type { RefreshOutcome, StatusPageRefresher } from '../runtime/refresh-status-page';
import { type SweepOutcome, sweep } from '../runtime/sweep';

/** What the status page refresh of a sweep did, as its summary reports it. */
export type StatusPageSummary =
  | { published: false }
  | { published: true; reason: string; uploaded: number; deleted: number; unchanged: number }
  | { published: false; error: string };

/** What one sweep invocation reports (the failed checks by id). */
export type SweepSummary = Omit<SweepOutcome, 'failed' | 'alertStates'> & {
  failed: string[];
  shard: number;
  shardCount: number;
  /** Present on the shard that publishes the status page (shard 0), when the monitor declares one. */
  statusPage?: StatusPageSummary;
};

/**
 * The sweep function, every minute per shard: sweeps the checks of the shard its schedule names
 * (`ScheduledInput.shard` of `shardCount`; all of them without one), 16 at a time; then, on shard 0 when the
 * monitor declares a status page, refreshes it (with the alert states the sweep read). It fails the invocation
 * (after sweeping every check and refreshing the page) if any check failed or the page could not be published.
 */
export function createSweepHandler(deps: () => EvaluationDeps, statusPage?: StatusPageRefresher) {
  return async (input: ScheduledInput = {}): Promise<SweepSummary> => {
    const shard = input.shard ?? 0;
    const shardCount = input.shardCount ?? 1;
    if (
      !Number.isInteger(shardCount) ||
      shardCount < 1 ||
      !Number.isInteger(shard) ||
      shard < 0 ||
      shard >= shardCount
    ) {
      throw new Error(`the schedule's input names no shard: shard ${shard} of ${shardCount}`);
    }
    const evaluationDeps = deps();
    const { alertStates, ...outcome } = await sweep(evaluationDeps, { shard, shardCount });
    let pageError: unknown;
    let page: StatusPageSummary | undefined;
    if (statusPage !== undefined && shard === 0) {
      try {
        page = summaryOf(await statusPage.refresh(evaluationDeps, alertStates));
      } catch (error) {
        pageError = error;
        page = { published: false, error: describeError(error) };
      }
    }
    const summary: SweepSummary = {
      ...outcome,
      failed: outcome.failed.map((failure) => failure.checkId),
      shard,
      shardCount,
      ...(page === undefined ? {} : { statusPage: page }),
    };
    evaluationDeps.log?.({
      level: outcome.failed.length > 0 || pageError !== undefined ? 'error' : 'info',
      message: 'swept',
      ...summary,
    });
    if (outcome.failed.length > 0) throw new Error(`sweep failed for ${summary.failed.join(', ')}`);
    if (pageError !== undefined)
      throw new Error(`the status page was not published: ${describeError(pageError)}`);
    return summary;
  };
}

function summaryOf(outcome: RefreshOutcome): StatusPageSummary {
  if (!outcome.published) return { published: false };
  return {
    published: true,
    reason: outcome.reason,
    uploaded: outcome.uploaded.length,
    deleted: outcome.deleted.length,
    unchanged: outcome.unchanged,
  };
}
