import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestClient, startTestDynamoDb, type TestDynamoDb } from './dynalite';
import { type FaultProxy, startFaultProxy } from './fault-proxy';

/** Options of `useDynamo`. */
export interface UseDynamoOptions {
  /**
   * Also start a fault proxy in front of the server; its plan goes back to forwarding, and its record of
   * requests is emptied, after each test.
   * @default false
   */
  faults?: boolean;
}

/** The DynamoDB-protocol server of a test file; read its fields inside tests and hooks. */
export interface UsedDynamo {
  /** The server's endpoint (dynalite's, or `LOOKOUT_DYNAMODB_ENDPOINT`), without the proxy. */
  readonly endpoint: string;
  /** A client of `endpoint` that does not retry by itself. */
  readonly client: DynamoDBClient;
  /** A table with Lookout's layout, new for each test. */
  readonly tableName: string;
}

/** `UsedDynamo` with the fault proxy in front of it. */
export interface UsedDynamoWithFaults extends UsedDynamo {
  /** The fault proxy: set its plan, read what it saw. */
  readonly proxy: FaultProxy;
  /** A new client of the proxy that does not retry by itself, destroyed after the test. */
  proxiedClient(): DynamoDBClient;
}

/**
 * Registers this test file's hooks: before all tests, starts dynalite (or uses `LOOKOUT_DYNAMODB_ENDPOINT`
 * when set) and, with `faults`, a fault proxy in front of it; before each test, creates a fresh table; after
 * all tests, stops everything it started. Call it once at the top of a test file.
 */
export function useDynamo(options: UseDynamoOptions & { faults: true }): UsedDynamoWithFaults;
export function useDynamo(options?: UseDynamoOptions): UsedDynamo;
export function useDynamo(options: UseDynamoOptions = {}): UsedDynamoWithFaults {
  let db: TestDynamoDb | undefined;
  let proxy: FaultProxy | undefined;
  let tableName: string | undefined;
  const proxiedClients: DynamoDBClient[] = [];

  beforeAll(async () => {
    db = await startTestDynamoDb();
    if (options.faults) proxy = await startFaultProxy({ target: db.endpoint });
  });
  beforeEach(async () => {
    tableName = await started(db).createTable();
  });
  if (options.faults) {
    afterEach(() => {
      const running = started(proxy);
      running.setPlan(() => undefined);
      running.seen.length = 0;
      for (const client of proxiedClients.splice(0)) client.destroy();
    });
  }
  afterAll(async () => {
    await proxy?.close();
    await db?.close();
  });

  return {
    get endpoint() {
      return started(db).endpoint;
    },
    get client() {
      return started(db).client;
    },
    get tableName() {
      return started(tableName);
    },
    get proxy() {
      return withFaults(proxy);
    },
    proxiedClient() {
      const client = createTestClient(withFaults(proxy).endpoint);
      proxiedClients.push(client);
      return client;
    },
  };

  function withFaults(running: FaultProxy | undefined): FaultProxy {
    if (!options.faults) throw new Error('only useDynamo({ faults: true }) starts the fault proxy');
    return started(running);
  }
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('useDynamo starts its servers in beforeAll: read them in tests');
  return value;
}
