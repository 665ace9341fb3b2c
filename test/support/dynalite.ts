import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/create-client';
import { startDynalite } from '../../functions/adapters/dynamodb/embedded-dynalite';
import { ensureTable } from '../../functions/adapters/dynamodb/ensure-table';

/** Fake credentials: the embedded store accepts any, and no request leaves loopback. */
export const testCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A DynamoDB-protocol server for a test file. */
export interface TestDynamoDb {
  endpoint: string;
  /** A client of `endpoint` that does not retry by itself. */
  client: DynamoDBClient;
  /** Creates a table with Lookout's layout under a name no other test uses, and returns the name. */
  createTable(): Promise<string>;
  close(): Promise<void>;
}

/** A client of a loopback endpoint, with fake credentials and no retries of the SDK's own. */
export function createTestClient(endpoint: string): DynamoDBClient {
  return createDynamoDbClient({
    region: 'us-east-1',
    endpoint,
    credentials: testCredentials,
    maxAttempts: 1,
  });
}

/** A table name no other test uses. */
export function uniqueTableName(): string {
  return `lookout-test-${randomUUID()}`;
}

/**
 * Starts dynalite in this process on 127.0.0.1 (in memory), or uses the server at
 * `LOOKOUT_DYNAMODB_ENDPOINT` when that is set (then starts nothing).
 */
export async function startTestDynamoDb(): Promise<TestDynamoDb> {
  const external = process.env.LOOKOUT_DYNAMODB_ENDPOINT;
  const server = external === undefined || external === '' ? await startDynalite() : undefined;
  const endpoint = server?.endpoint ?? (external as string);
  const client = createTestClient(endpoint);
  return {
    endpoint,
    client,
    async createTable() {
      const tableName = uniqueTableName();
      await ensureTable(client, tableName, { pollMs: 20 });
      return tableName;
    },
    async close() {
      client.destroy();
      await server?.close();
    },
  };
}
