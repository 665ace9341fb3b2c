import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LookoutStore } from '../../core/ports/lookout-store';
import { createDynamoDbAlertStateStore } from './dynamodb-alert-state-store';
import { createDynamoDbEventLog } from './dynamodb-event-log';
import { createDynamoDbResultStore } from './dynamodb-result-store';
import { createDynamoDbRollupStore } from './dynamodb-rollup-store';
import { createStoreContext, type StoreRetryOptions } from './store-context';

/** What the DynamoDB store needs. */
export interface DynamoDbStoreOptions {
  /** The client (see `createDynamoDbClient`: the store retries itself, so the client should not). */
  client: DynamoDBClient;
  /** The table, laid out as `tableLayout` describes. */
  tableName: string;
  /**
   * Waits between retries.
   * @default a setTimeout-based sleep
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Retries of throttling, server errors, network errors and unprocessed items.
   * @default { attempts: 8, baseDelayMs: 50, maxDelayMs: 5000 }
   */
  retry?: StoreRetryOptions;
  /**
   * Parallel requests at most, per store call.
   * @default 8
   */
  concurrency?: number;
  /**
   * How long before its round's start a result may have started (clock skew between regions): `resultsSince`
   * reads back that far by start time, then keeps results by round.
   * @default 60000
   */
  resultQuerySlackMs?: number;
}

/** Everything Lookout keeps, in one DynamoDB table (or the embedded DynamoDB-protocol store). */
export function createDynamoDbStore(options: DynamoDbStoreOptions): LookoutStore {
  const context = createStoreContext(options);
  return {
    ...createDynamoDbResultStore(context, options.resultQuerySlackMs ?? 60_000),
    ...createDynamoDbRollupStore(context),
    ...createDynamoDbAlertStateStore(context),
    ...createDynamoDbEventLog(context),
  };
}
