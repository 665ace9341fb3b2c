import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isRetryableAwsError, type RetryOptions, retryWithBackoff, sleepMs } from '../retry-with-backoff';

/** How the store retries throttling, server errors, network errors and unprocessed items. */
export interface StoreRetryOptions {
  /**
   * The most calls of one request, the first included.
   * @default 8
   */
  attempts?: number;
  /**
   * The ceiling of the first backoff delay, doubled by every retry (full jitter).
   * @default 50
   */
  baseDelayMs?: number;
  /**
   * The largest backoff ceiling.
   * @default 5000
   */
  maxDelayMs?: number;
}

/** What every part of the DynamoDB store shares. */
export interface StoreContext {
  client: DynamoDBClient;
  tableName: string;
  /** Parallel requests at most, per store call. */
  concurrency: number;
  /** The retry options, complete. */
  retry: Required<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep' | 'isRetryable'>>;
  /** Calls `operation` with the store's retries. */
  retrying<T>(operation: (attempt: number) => Promise<T>): Promise<T>;
}

/** Builds the context of a store. */
export function createStoreContext(options: {
  client: DynamoDBClient;
  tableName: string;
  concurrency?: number;
  retry?: StoreRetryOptions;
  sleep?: (ms: number) => Promise<void>;
}): StoreContext {
  const retry = {
    attempts: options.retry?.attempts ?? 8,
    baseDelayMs: options.retry?.baseDelayMs ?? 50,
    maxDelayMs: options.retry?.maxDelayMs ?? 5000,
    sleep: options.sleep ?? sleepMs,
    isRetryable: isRetryableAwsError,
  };
  return {
    client: options.client,
    tableName: options.tableName,
    concurrency: Math.max(1, options.concurrency ?? 8),
    retry,
    retrying: (operation) => retryWithBackoff(operation, retry),
  };
}

/** Whether DynamoDB refused a write because its condition did not hold. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ConditionalCheckFailedException'
  );
}
