import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SNSClient } from '@aws-sdk/client-sns';
import { type AwsClientOptions, awsClientConfig } from './aws-client-config';

export type { AwsClientOptions } from './aws-client-config';

/*
 * The clients of the evaluate and sweep functions. Importing a module loads the SDK packages it imports (the
 * first one about 45 ms on Node 24, each further one 5 to 25 ms, blocking the event loop), whether or not its
 * functions are called: esbuild keeps every import of an external package. So each port's clients live with
 * that port's adapters (secrets/secret-clients.ts, round-queue/sqs-round-queue.ts, dynamodb/create-client.ts),
 * and the probe function imports none of them until it needs them (aws-probe-adapters.ts).
 */

/** An SNS client for the notifier. */
export function createSnsClient(options: AwsClientOptions): SNSClient {
  return new SNSClient(awsClientConfig(options));
}

/** A CloudWatch client for the metrics sink. */
export function createCloudWatchClient(options: AwsClientOptions): CloudWatchClient {
  return new CloudWatchClient(awsClientConfig(options));
}
