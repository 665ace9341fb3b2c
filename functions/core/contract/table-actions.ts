import type { HandlerName } from './handler-environment';

/** A DynamoDB action Lookout's code calls on the results table. */
export type TableAction =
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:Query';

/**
 * The DynamoDB actions each function's code calls on the results table: its role is granted exactly these (the
 * infrastructure reads this list). The DynamoDB store adapter (functions/adapters/dynamodb/) is the only code
 * that calls the table; a test (test/infra/table-actions.test.ts) runs the real result writes, evaluator and
 * sweep over that adapter, records the operations each sends, and holds them equal to this list, so a new call
 * fails until it is granted here, and a grant nothing calls any more fails too.
 */
export const tableActions = {
  probe: ['dynamodb:BatchWriteItem'],
  evaluate: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  sweep: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  // A ping's result (BatchWriteItem, as a probe's), and the check's newest results to time a run from its /start.
  ping: ['dynamodb:BatchWriteItem', 'dynamodb:Query'],
} as const satisfies Record<HandlerName, readonly TableAction[]>;
