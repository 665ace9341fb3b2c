import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LookoutStore } from '../../core/ports/lookout-store';
import type { ResolvedCheck } from '../../core/resolve/resolved-monitor';
import { checkLookup } from './check-lookup';
import { createDynamoDbAlertStateStore } from './dynamodb-alert-state-store';
import { createDynamoDbCounterStore } from './dynamodb-counter-store';
import { createDynamoDbDaySummaryStore } from './dynamodb-day-summary-store';
import { createDynamoDbEventLog } from './dynamodb-event-log';
import { createDynamoDbResultStore } from './dynamodb-result-store';
import { createStoreContext, type StoreRetryOptions } from './store-context';

/** What the DynamoDB store needs. */
export interface DynamoDbStoreOptions {
  /** The client (see `createDynamoDbClient`: the store retries itself, so the client should not). */
  client: DynamoDBClient;
  /** The table, laid out as `tableLayout` describes. */
  tableName: string;
  /**
   * The monitor's checks: result items leave out what a result's check declares (kind, target, assertions) and
   * re-attach it on read. A result of a check not given is stored whole (and read back whole).
   * @default []
   */
  checks?: readonly ResolvedCheck[];
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
   * How long before its round's start a result may have started: `resultsSince` reads back that far by start
   * time, then keeps results by round. A probe function starts a round's probes once its own clock reaches the
   * round, so only a queue delivering a delayed round a little early (by another clock) gives an earlier start;
   * every extra second read costs read units on every query.
   * @default 5000
   */
  resultQuerySlackMs?: number;
}

/**
 * Everything Lookout keeps, in one DynamoDB table (or the embedded DynamoDB-protocol store). The operations each
 * function sends through it are listed in core/contract/table-actions.ts, which its role is granted exactly: a
 * new kind of call here needs a line there (test/infra/table-actions.test.ts fails until it has one).
 */
export function createDynamoDbStore(options: DynamoDbStoreOptions): LookoutStore {
  const context = createStoreContext(options);
  return {
    ...createDynamoDbResultStore(
      context,
      options.resultQuerySlackMs ?? 5_000,
      checkLookup(options.checks ?? []),
    ),
    ...createDynamoDbCounterStore(context),
    ...createDynamoDbDaySummaryStore(context),
    ...createDynamoDbAlertStateStore(context),
    ...createDynamoDbEventLog(context),
  };
}
