import type { LookoutStore } from '../core/ports/lookout-store';
import type { MetricsSink } from '../core/ports/metrics-sink';
import type { Notifier } from '../core/ports/notifier';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { createCloudWatchClient, createSnsClient } from './aws-clients';
import { createDynamoDbClient } from './dynamodb/create-client';
import { createDynamoDbStore } from './dynamodb/create-dynamodb-store';
import { createCloudWatchMetricsSink } from './metrics/cloudwatch-metrics-sink';
import { type ChatTopicOptions, createSnsNotifier } from './notifiers/sns-notifier';

/** Where the evaluate and sweep functions' AWS services are (all in the home region). */
export interface AwsEvaluationAdapterOptions {
  homeRegion: string;
  tableName: string;
  topicArn: string;
  /**
   * The chat topic (`alerts.chat`), which gets every event too.
   * @default none
   */
  chat?: ChatTopicOptions;
  /** The monitor's checks: result items leave out what they declare. */
  checks: readonly ResolvedCheck[];
}

/** The evaluate and sweep functions' adapters: the table, CloudWatch and the SNS topic (and the chat topic). */
export function createAwsEvaluationAdapters(options: AwsEvaluationAdapterOptions): {
  store: LookoutStore;
  metrics: MetricsSink;
  notifier: Notifier;
} {
  const region = options.homeRegion;
  return {
    store: createDynamoDbStore({
      client: createDynamoDbClient({ region }),
      tableName: options.tableName,
      checks: options.checks,
    }),
    metrics: createCloudWatchMetricsSink({ client: createCloudWatchClient({ region }) }),
    notifier: createSnsNotifier({
      client: createSnsClient({ region }),
      topicArn: options.topicArn,
      ...(options.chat === undefined ? {} : { chat: options.chat }),
    }),
  };
}
