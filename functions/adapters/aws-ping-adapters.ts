import type { SecretRef } from '../core/declare/declarations';
import type { ResultStore } from '../core/ports/result-store';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import type { AwsClientOptions } from './aws-client-config';
import { onFirstUse } from './aws-probe-adapters';

/** Where the ping function's AWS services are. */
export interface AwsPingAdapterOptions {
  /** The home region, where the function runs: the table's and the tokens'. */
  region: string;
  tableName: string;
  /** The heartbeat checks: their results are stored compactly (what the check declares is left out). */
  checks: readonly ResolvedCheck[];
  /**
   * Client settings other than the region (loopback endpoints and fake credentials in tests).
   * @default AWS's endpoints and the SDK's default credentials
   */
  clients?: {
    dynamodb?: Omit<AwsClientOptions, 'region'>;
    ssm?: Omit<AwsClientOptions, 'region'>;
    secretsManager?: Omit<AwsClientOptions, 'region'>;
  };
}

/** What the ping function records pings with. */
export interface AwsPingAdapters {
  store: ResultStore;
  /** Reads a heartbeat's token (SSM or Secrets Manager), cached for five minutes per container. */
  resolveSecret: (secret: SecretRef) => Promise<string>;
}

/**
 * The ping function's adapters, made on the first call and shared by every later one (once per container): the
 * home table (DynamoDB) and the token resolver (SSM and Secrets Manager, the same resolver and cache as the probe
 * function's secrets). Nothing is loaded before the first ping, so a request that is not one (a scanner's) loads
 * no SDK package.
 */
export function createAwsPingAdapters(options: AwsPingAdapterOptions): () => Promise<AwsPingAdapters> {
  const { region } = options;
  return onFirstUse(async () => {
    const [{ createDynamoDbClient }, { createDynamoDbStore }, { createAwsSecretResolver }, clients] =
      await Promise.all([
        import('./dynamodb/create-client'),
        import('./dynamodb/create-dynamodb-store'),
        import('./secrets/aws-secret-resolver'),
        import('./secrets/secret-clients'),
      ]);
    return {
      store: createDynamoDbStore({
        client: createDynamoDbClient({ ...options.clients?.dynamodb, region }),
        tableName: options.tableName,
        checks: options.checks,
      }),
      resolveSecret: createAwsSecretResolver({
        ssm: clients.createSsmClient({ ...options.clients?.ssm, region }),
        secretsManager: clients.createSecretsManagerClient({ ...options.clients?.secretsManager, region }),
        now: Date.now,
      }),
    };
  });
}
