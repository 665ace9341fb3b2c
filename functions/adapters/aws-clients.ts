import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';

import { type AwsClientOptions, awsClientConfig } from './aws-client-config';

export type { AwsClientOptions } from './aws-client-config';

/** An SNS client for the notifier. */
export function createSnsClient(options: AwsClientOptions): SNSClient {
  return new SNSClient(awsClientConfig(options));
}

/** A CloudWatch client for the metrics sink. */
export function createCloudWatchClient(options: AwsClientOptions): CloudWatchClient {
  return new CloudWatchClient(awsClientConfig(options));
}

/** An SSM client for the secret resolver. */
export function createSsmClient(options: AwsClientOptions): SSMClient {
  return new SSMClient(awsClientConfig(options));
}

/** A Secrets Manager client for the secret resolver. */
export function createSecretsManagerClient(options: AwsClientOptions): SecretsManagerClient {
  return new SecretsManagerClient(awsClientConfig(options));
}
