import type { SecretRef } from '../core/declare/declarations';
import type { LookoutStore } from '../core/ports/lookout-store';
import type { MetricsSink } from '../core/ports/metrics-sink';
import { createCloudWatchClient, createSecretsManagerClient, createSsmClient } from './aws-clients';
import { createDynamoDbClient } from './dynamodb/create-client';
import { createDynamoDbStore } from './dynamodb/create-dynamodb-store';
import { createCloudWatchMetricsSink } from './metrics/cloudwatch-metrics-sink';
import { createAwsSecretResolver } from './secrets/aws-secret-resolver';

/** Where a probe function's AWS services are. */
export interface AwsProbeAdapterOptions {
  /** The home region: the table's, and the secrets'. */
  homeRegion: string;
  /** The region the function runs in: its metrics go there. */
  region: string;
  tableName: string;
}

/** The probe function's adapters: the home table, its own region's CloudWatch, and secrets from the home region. */
export function createAwsProbeAdapters(options: AwsProbeAdapterOptions): {
  store: LookoutStore;
  metrics: MetricsSink;
  resolveSecret: (secret: SecretRef) => Promise<string>;
} {
  return {
    store: createDynamoDbStore({
      client: createDynamoDbClient({ region: options.homeRegion }),
      tableName: options.tableName,
    }),
    metrics: createCloudWatchMetricsSink({ client: createCloudWatchClient({ region: options.region }) }),
    resolveSecret: createAwsSecretResolver({
      ssm: createSsmClient({ region: options.homeRegion }),
      secretsManager: createSecretsManagerClient({ region: options.homeRegion }),
      now: Date.now,
    }),
  };
}
