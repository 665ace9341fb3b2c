import type { ScheduledInput } from '../core/contract/schedule-input';
import type { EvaluationDeps } from '../runtime/evaluation-deps';
import { type SweepOutcome, sweep } from '../runtime/sweep';

/** What one sweep invocation reports (the failed checks by id). */
export type SweepSummary = Omit<SweepOutcome, 'failed'> & {
  failed: string[];
  shard: number;
  shardCount: number;
};

/**
 * The sweep function, every minute per shard: sweeps the checks of the shard its schedule names
 * (`ScheduledInput.shard` of `shardCount`; all of them without one), 16 at a time, and fails the invocation
 * (after sweeping every check) if any check failed.
 */
export function createSweepHandler(deps: () => EvaluationDeps) {
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
    const outcome = await sweep(evaluationDeps, { shard, shardCount });
    const summary = {
      ...outcome,
      failed: outcome.failed.map((failure) => failure.checkId),
      shard,
      shardCount,
    };
    evaluationDeps.log?.({
      level: outcome.failed.length > 0 ? 'error' : 'info',
      message: 'swept',
      ...summary,
    });
    if (outcome.failed.length > 0) throw new Error(`sweep failed for ${summary.failed.join(', ')}`);
    return summary;
  };
}
