import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { checkLookup } from '../adapters/dynamodb/check-lookup';
import { resultFromStreamImage } from '../adapters/dynamodb/stream-image';
import type { StoredResult } from '../core/ports/stored-result';
import { evaluateNewResults } from '../runtime/evaluate-new-results';
import type { EvaluationDeps } from '../runtime/evaluation-deps';

/**
 * The evaluate function, on the table's stream (new results only): evaluates each check's new results and
 * reports the records of checks that failed, so only those are retried (every step is idempotent).
 */
export function createEvaluateHandler(deps: () => EvaluationDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const evaluationDeps = deps();
    const checkOf = checkLookup(evaluationDeps.monitor.checks);
    const records: { sequenceNumber: string; stored: StoredResult }[] = [];
    for (const record of event.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      const stored = resultFromStreamImage(record.dynamodb?.NewImage, checkOf);
      if (stored !== undefined) records.push({ sequenceNumber, stored });
    }
    let failedChecks: Set<string>;
    try {
      const outcome = await evaluateNewResults(
        evaluationDeps,
        records.map((record) => record.stored),
      );
      failedChecks = new Set(outcome.failed.map((failure) => failure.checkId));
    } catch (error) {
      evaluationDeps.log?.({
        level: 'error',
        message: 'publishing metrics failed; retrying the batch',
        error: String(error),
      });
      failedChecks = new Set(records.map((record) => record.stored.result.checkId));
    }
    return {
      batchItemFailures: records
        .filter((record) => failedChecks.has(record.stored.result.checkId))
        .map((record) => ({ itemIdentifier: record.sequenceNumber })),
    };
  };
}
