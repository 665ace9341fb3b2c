import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../core/contract/table-layout';
import { sleepMs } from '../retry-with-backoff';

/** How long `ensureTable` waits for the table to become active. */
export interface EnsureTableOptions {
  /**
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * @default 200
   */
  pollMs?: number;
}

/**
 * Creates Lookout's table when it does not exist (string `pk` and `sk`, on-demand, stream of new images) and
 * resolves once it is active. For the embedded store and tests; in AWS the infrastructure creates the table
 * (with TTL on `expiresAt`, which the embedded store does not implement).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<void> {
  const deadlineMs = Date.now() + (options.timeoutMs ?? 60_000);
  let status = await tableStatus(client, tableName);
  if (status === undefined) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [
            { AttributeName: tableLayout.partitionKey, AttributeType: 'S' },
            { AttributeName: tableLayout.sortKey, AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: tableLayout.partitionKey, KeyType: 'HASH' },
            { AttributeName: tableLayout.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: tableLayout.streamViewType },
        }),
      );
    } catch (error) {
      // Created meanwhile by someone else: wait for it like for ours.
      if ((error as { name?: unknown }).name !== 'ResourceInUseException') throw error;
    }
    status = await tableStatus(client, tableName);
  }
  while (status !== 'ACTIVE') {
    if (Date.now() >= deadlineMs) throw new Error(`table ${tableName} is ${status ?? 'missing'}, not ACTIVE`);
    await sleepMs(options.pollMs ?? 200);
    status = await tableStatus(client, tableName);
  }
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return described.Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
