import { GetItemCommand, PutItemCommand, type PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import type { Item } from './query-all';
import { isConditionalCheckFailed, type StoreContext } from './store-context';

/** A PutItem with a condition, and how to recognise the item it writes. */
export interface ConditionalPut {
  /** The item to write, with its key. */
  item: Item;
  /** Its key, to read it back. */
  key: Item;
  /** The condition, with its names and values. */
  condition: Pick<
    PutItemCommandInput,
    'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
  >;
  /** Whether a stored item is this write's (an earlier attempt's that failed without an answer). */
  isOwnWrite: (stored: Item) => boolean;
}

/**
 * Writes `put.item` if its condition holds, retrying what the store retries. Resolves `true` when written, `false`
 * when the condition failed (another writer got there first). An attempt that failed without an answer (timeout,
 * 5xx) may still have written: a later attempt then fails the condition on its own write, which is a success, not a
 * lost race; only then is the item read back, strongly consistent, to tell the two apart.
 */
export async function putIfCondition(context: StoreContext, put: ConditionalPut): Promise<boolean> {
  let ambiguous = false;
  try {
    await context.retrying(async () => {
      try {
        return await context.client.send(
          new PutItemCommand({ TableName: context.tableName, Item: put.item, ...put.condition }),
        );
      } catch (error) {
        if (context.retry.isRetryable(error)) ambiguous = true;
        throw error;
      }
    });
    return true;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    if (!ambiguous) return false;
    const stored = await context.retrying(() =>
      context.client.send(
        new GetItemCommand({ TableName: context.tableName, Key: put.key, ConsistentRead: true }),
      ),
    );
    return stored.Item !== undefined && put.isOwnWrite(stored.Item);
  }
}
