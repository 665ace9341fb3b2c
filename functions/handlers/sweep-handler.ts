import type { EvaluationDeps } from '../runtime/evaluation-deps';
import { type SweepOutcome, sweep } from '../runtime/sweep';

/** The sweep function, every minute: fails the invocation (after sweeping every check) if any check failed. */
export function createSweepHandler(deps: () => EvaluationDeps) {
  return async (): Promise<Omit<SweepOutcome, 'failed'> & { failed: string[] }> => {
    const evaluationDeps = deps();
    const outcome = await sweep(evaluationDeps);
    const summary = { ...outcome, failed: outcome.failed.map((failure) => failure.checkId) };
    evaluationDeps.log?.({
      level: outcome.failed.length > 0 ? 'error' : 'info',
      message: 'swept',
      ...summary,
    });
    if (outcome.failed.length > 0) throw new Error(`sweep failed for ${summary.failed.join(', ')}`);
    return summary;
  };
}
