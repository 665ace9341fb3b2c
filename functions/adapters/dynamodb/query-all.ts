import { type AttributeValue, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { checkPartitionKey, keyAttributeNames } from './item-keys';
import type { StoreContext } from './store-context';

/** A DynamoDB item. */
export type Item = Record<string, AttributeValue>;

/**
 * Runs a query page by page (following `LastEvaluatedKey`), each page with the store's retries, and returns
 * the items in the query's order; stops once `maxItems` are collected when given.
 */
export async function queryAll(
  context: StoreContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  maxItems?: number,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const remaining = maxItems === undefined ? undefined : maxItems - items.length;
    const limit = remaining === undefined ? input.Limit : Math.min(remaining, input.Limit ?? remaining);
    const page = await context.retrying(() =>
      context.client.send(
        new QueryCommand({
          ...input,
          TableName: context.tableName,
          ExclusiveStartKey: startKey,
          Limit: limit,
        }),
      ),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && (maxItems === undefined || items.length < maxItems));
  return items;
}

/** The items of one check whose sort key starts with `prefix`, with `options` (read consistency, order). */
export function queryCheckPrefix(
  context: StoreContext,
  checkId: string,
  prefix: string,
  options: Pick<QueryCommandInput, 'ConsistentRead' | 'ScanIndexForward'> = {},
  maxItems?: number,
): Promise<Item[]> {
  return queryAll(
    context,
    {
      ...options,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: keyAttributeNames,
      ExpressionAttributeValues: { ':pk': { S: checkPartitionKey(checkId) }, ':prefix': { S: prefix } },
    },
    maxItems,
  );
}
