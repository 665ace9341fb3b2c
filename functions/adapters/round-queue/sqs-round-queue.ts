import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { RoundInput } from '../../core/contract/schedule-input';
import type { QueuedRound, RoundQueue } from '../../core/ports/round-queue';
import { type AwsClientOptions, awsClientConfig } from '../aws-client-config';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';

/** SendMessageBatch's most entries per call. */
export const sendBatchLimit = 10;

/** An SQS client for the round queue. */
export function createSqsClient(options: AwsClientOptions): SQSClient {
  return new SQSClient(awsClientConfig(options));
}

/** How the SQS round queue sends. */
export interface SqsRoundQueueOptions {
  /** An SQS client of the queue's region; give it `maxAttempts: 1` (see `createSqsClient`), this retries. */
  client: SQSClient;
  /** The queue's URL. */
  queueUrl: string;
  /**
   * How each call retries throttling, 5xx and network errors, and entries SQS failed on its side.
   * @default { attempts: 3, baseDelayMs: 50, maxDelayMs: 500 }
   */
  retry?: RetryOptions;
}

/**
 * The round queue in SQS: one SendMessageBatch per 10 rounds (a minute has 11 later rounds at most: 2 calls),
 * each message a `RoundInput` as JSON with its `DelaySeconds`. Entries SQS failed on its side are sent again
 * with the call's retries; entries refused as the sender's fault, and everything left when retries run out,
 * come back as not queued. At $0.40 per million requests, the calls cost about $0.02 a month per probe region
 * and shard with sub-minute checks (43,200 minutes), whatever the number of checks.
 */
export function createSqsRoundQueue(options: SqsRoundQueueOptions): RoundQueue {
  const retry: RetryOptions = { attempts: 3, baseDelayMs: 50, maxDelayMs: 500, ...options.retry };
  /** Sends one batch; what it could not queue comes back, with the reason. */
  const send = async (
    batch: readonly QueuedRound[],
  ): Promise<{ notQueued: RoundInput[]; error?: unknown }> => {
    let pending = [...batch];
    const refused: { input: RoundInput; reason: string }[] = [];
    try {
      await retryWithBackoff(async () => {
        const reply = await options.client.send(
          new SendMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: pending.map((round, index) => ({
              Id: String(index),
              MessageBody: JSON.stringify(round.input),
              DelaySeconds: round.delaySeconds,
            })),
          }),
        );
        const failed = new Map((reply.Failed ?? []).map((entry) => [entry.Id, entry]));
        const again: QueuedRound[] = [];
        pending.forEach((round, index) => {
          const entry = failed.get(String(index));
          if (entry === undefined) return;
          if (entry.SenderFault)
            refused.push({ input: round.input, reason: `${entry.Code}: ${entry.Message}` });
          else again.push(round);
        });
        pending = again;
        if (pending.length > 0)
          throw new RoundsNotAcceptedError(`SQS did not accept ${pending.length} rounds`);
      }, retry);
    } catch (error) {
      return {
        notQueued: [...refused.map((entry) => entry.input), ...pending.map((round) => round.input)],
        error,
      };
    }
    if (refused.length === 0) return { notQueued: [] };
    const reasons = refused.map((entry) => entry.reason).join('; ');
    return {
      notQueued: refused.map((entry) => entry.input),
      error: new Error(`SQS refused rounds: ${reasons}`),
    };
  };
  return {
    async queueRounds(rounds) {
      const notQueued: RoundInput[] = [];
      let error: unknown;
      for (let start = 0; start < rounds.length; start += sendBatchLimit) {
        const outcome = await send(rounds.slice(start, start + sendBatchLimit));
        notQueued.push(...outcome.notQueued);
        if (outcome.error !== undefined) error = outcome.error;
      }
      return error === undefined ? { notQueued } : { notQueued, error };
    },
  };
}

/** Some entries came back failed on SQS's side: worth sending again. */
class RoundsNotAcceptedError extends Error {
  override readonly name = 'RoundsNotAcceptedError';
  /** Read by `isRetryableAwsError`. */
  readonly $retryable = {};
}
