import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** How to reach DynamoDB. */
export interface DynamoDbClientOptions {
  /** The table's region. */
  region: string;
  /**
   * An endpoint other than AWS's, such as the embedded store on loopback (`http://127.0.0.1:8000`).
   * @default AWS's endpoint of the region
   */
  endpoint?: string;
  /**
   * Credentials; the embedded store accepts any.
   * @default the SDK's default provider chain
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Calls per request made by the SDK itself. The store retries with its own backoff (and counts unprocessed
   * items), so the SDK's retries would only multiply them.
   * @default 1
   */
  maxAttempts?: number;
  /**
   * How long a request may take before it fails (and the store retries it).
   * @default 10000
   */
  requestTimeoutMs?: number;
  /**
   * How long connecting may take.
   * @default 3000
   */
  connectionTimeoutMs?: number;
}

/** A DynamoDB client for the store. Reads no environment: callers pass the region and endpoint. */
export function createDynamoDbClient(options: DynamoDbClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
    },
  });
}
