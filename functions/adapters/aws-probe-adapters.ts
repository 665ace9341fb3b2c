import type { SecretRef } from '../core/declare/declarations';
import { isSecretRef } from '../core/declare/secret';
import type { MetricsSink } from '../core/ports/metrics-sink';
import type { ResultStore } from '../core/ports/result-store';
import type { RoundQueue } from '../core/ports/round-queue';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { createEmfMetricsSink } from './metrics/emf-metrics-sink';

/** Where a probe function's AWS services are. */
export interface AwsProbeAdapterOptions {
  /** The home region: the table's, and the secrets'. */
  homeRegion: string;
  /** The region the function runs in: its round queue is there. */
  region: string;
  tableName: string;
  /**
   * The checks this function probes (its region's): the store writes their results compactly (what the check
   * declares is left out), and the secret clients are loaded only when one of them has a `secret()` header.
   */
  checks: readonly ResolvedCheck[];
  /**
   * The region's round queue (sub-minute checks only).
   * @default none: no SQS client is ever loaded
   */
  roundQueueUrl?: string;
}

/** The probe function's adapters, each loading its SDK package on first use. */
export interface AwsProbeAdapters {
  store: Pick<ResultStore, 'putResults'>;
  metrics: MetricsSink;
  resolveSecret: (secret: SecretRef) => Promise<string>;
  /** Present when the options name a round queue. */
  roundQueue?: RoundQueue;
  /**
   * Loads what probing will use, once per container: the DynamoDB store, and the secret resolver when the
   * region's checks have secrets. The handler calls it before it starts probing, because loading blocks the
   * event loop (about 45 ms for the first SDK package), which would add to the latencies of probes in flight.
   */
  prepare: () => Promise<void>;
}

/**
 * The probe function's adapters: the home table (DynamoDB), metrics as embedded metric format lines in its own
 * log (no CloudWatch client), secrets from the home region (SSM and Secrets Manager, only when a check of the
 * region has one), and the round queue (SQS, only with sub-minute checks). Nothing is loaded here: the
 * bundle's import stays free of the AWS SDK, and each package is loaded once per container when first needed.
 */
export function createAwsProbeAdapters(options: AwsProbeAdapterOptions): AwsProbeAdapters {
  const store = onFirstUse(async () => {
    const [{ createDynamoDbClient }, { createDynamoDbStore }] = await Promise.all([
      import('./dynamodb/create-client'),
      import('./dynamodb/create-dynamodb-store'),
    ]);
    return createDynamoDbStore({
      client: createDynamoDbClient({ region: options.homeRegion }),
      tableName: options.tableName,
      checks: options.checks,
    });
  });
  const usesSecrets = options.checks.some(
    (check) => check.kind === 'http' && Object.values(check.headers).some((value) => isSecretRef(value)),
  );
  const secrets = onFirstUse(async () => {
    const [{ createAwsSecretResolver }, clients] = await Promise.all([
      import('./secrets/aws-secret-resolver'),
      import('./secrets/secret-clients'),
    ]);
    return createAwsSecretResolver({
      ssm: clients.createSsmClient({ region: options.homeRegion }),
      secretsManager: clients.createSecretsManagerClient({ region: options.homeRegion }),
      now: Date.now,
    });
  });
  const { roundQueueUrl } = options;
  const roundQueue =
    roundQueueUrl === undefined
      ? undefined
      : onFirstUse(async () => {
          const { createSqsClient, createSqsRoundQueue } = await import('./round-queue/sqs-round-queue');
          return createSqsRoundQueue({
            client: createSqsClient({ region: options.region }),
            queueUrl: roundQueueUrl,
          });
        });
  return {
    store: { putResults: async (results, retentionMs) => (await store()).putResults(results, retentionMs) },
    metrics: createEmfMetricsSink(),
    resolveSecret: async (secret) => (await secrets())(secret),
    ...(roundQueue === undefined
      ? {}
      : {
          roundQueue: {
            async queueRounds(rounds) {
              try {
                return await (await roundQueue()).queueRounds(rounds);
              } catch (error) {
                // The SDK package did not load: the handler runs the rounds itself.
                return { notQueued: rounds.map((round) => round.input), error };
              }
            },
          },
        }),
    prepare: async () => {
      await Promise.all([store(), usesSecrets ? secrets() : undefined]);
    },
  };
}

/** A value made on the first call and shared by every later one (once per container); a failure is not kept. */
export function onFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}
