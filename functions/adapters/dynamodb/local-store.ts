import { join } from 'node:path';
import type { LookoutStore } from '../../core/ports/lookout-store';
import type { ResolvedCheck } from '../../core/resolve/resolved-monitor';
import { createDynamoDbClient } from './create-client';
import { createDynamoDbStore } from './create-dynamodb-store';
import { startDynalite } from './embedded-dynalite';
import { ensureTable } from './ensure-table';

/** The table name the local monitor uses. */
export const localTableName = 'lookout';

/** The local monitor's store: the DynamoDB adapter over the embedded store, or over `endpoint` when given. */
export interface LocalStore {
  store: LookoutStore;
  /** Where it is reached (the embedded store's loopback address, or the given endpoint). */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Opens the same DynamoDB adapter the Lambdas use, over dynalite on 127.0.0.1 with its data in
 * `<dataDir>/dynamodb` (kept across restarts), or over another DynamoDB-protocol endpoint when given. `checks`
 * are the monitor's (results of other checks are stored whole; see `DynamoDbStoreOptions.checks`).
 */
export async function openLocalStore(
  dataDir: string,
  endpoint?: string,
  checks: readonly ResolvedCheck[] = [],
): Promise<LocalStore> {
  const embedded =
    endpoint === undefined ? await startDynalite({ path: join(dataDir, 'dynamodb') }) : undefined;
  const client = createDynamoDbClient({
    region: 'local',
    endpoint: endpoint ?? embedded?.endpoint ?? '',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, localTableName);
  return {
    store: createDynamoDbStore({ client, tableName: localTableName, checks }),
    endpoint: endpoint ?? embedded?.endpoint ?? '',
    async close() {
      client.destroy();
      await embedded?.close();
    },
  };
}
